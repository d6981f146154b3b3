"use client";
import { Field } from "@/components/ui/field";
import { FormNotice } from "@/components/ui/form-notice";
import { NewPasswordFields } from "@/components/ui/new-password-fields";
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
      <NewPasswordFields label="Temporary password" againLabel="Password again" errors={errors} />
      <div>
        <button className="button" type="submit" disabled={pending}>
          {pending ? "Creating…" : "Create account"}
        </button>
      </div>
    </form>
  );
}
