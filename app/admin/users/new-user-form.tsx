"use client";
import { Field } from "@/components/ui/field";
import { FormNotice } from "@/components/ui/form-notice";
import { NewPasswordFields } from "@/components/ui/new-password-fields";
import { useFormAction } from "@/components/ui/use-form-action";
import type { ActionResult } from "@/lib/errors";
import { createUserAction } from "./actions";

export function NewUserForm() {
  const { state, pending, formProps } = useFormAction<ActionResult<{ message: string }> | null>(createUserAction, null);
  const refused = state && !state.ok ? state : undefined;
  const errors = refused?.fieldErrors ?? {};
  return (
    <form className="form" noValidate {...formProps} style={{ maxWidth: "26rem" }}>
      <FormNotice error={refused?.error} success={state?.ok ? state.message : undefined} />
      <Field label="Name" name="name" required defaultValue={refused?.values?.name} errors={errors.name} />
      <Field label="Email" name="email" type="email" required defaultValue={refused?.values?.email} errors={errors.email} />
      <div className="field">
        <label htmlFor="field-role">Role</label>
        <select id="field-role" name="role" defaultValue={refused?.values?.role ?? "clinician"}>
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
