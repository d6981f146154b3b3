"use client";
import { Field } from "@/components/ui/field";
import { FormNotice } from "@/components/ui/form-notice";
import { useFormAction } from "@/components/ui/use-form-action";
import { createUserAction, type NewUserState } from "./actions";

export function NewUserForm() {
  const { state, pending, formProps } = useFormAction<NewUserState>(createUserAction, {});
  const errors = state.fieldErrors ?? {};
  return (
    <form className="form" noValidate {...formProps} style={{ maxWidth: "26rem" }}>
      <FormNotice error={state.error} success={state.success} />
      <Field label="Name" name="name" required defaultValue={state.values?.name} errors={errors.name} />
      <Field label="Email" name="email" type="email" required defaultValue={state.values?.email} errors={errors.email} />
      <div className="field">
        <label htmlFor="field-role">Role</label>
        <select id="field-role" name="role" defaultValue={state.values?.role ?? "clinician"}>
          <option value="clinician">Clinician</option>
          <option value="admin">Admin (also manages accounts)</option>
        </select>
      </div>
      <Field label="Temporary password" name="password" type="password" autoComplete="new-password" hint="At least 12 characters." required errors={errors.password} />
      <Field label="Password again" name="confirmPassword" type="password" autoComplete="new-password" required errors={errors.confirmPassword} />
      <div>
        <button className="button" type="submit" disabled={pending}>
          {pending ? "Creating…" : "Create account"}
        </button>
      </div>
    </form>
  );
}
