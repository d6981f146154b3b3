"use client";
import { Field } from "@/components/ui/field";
import { FormNotice } from "@/components/ui/form-notice";
import { NewPasswordFields } from "@/components/ui/new-password-fields";
import { useFormAction } from "@/components/ui/use-form-action";
import type { ActionResult } from "@/lib/errors";
import { changePasswordAction } from "./actions";

export function ChangePasswordForm({ changed }: { changed: boolean }) {
  const { state, pending, formProps } = useFormAction<ActionResult | null>(changePasswordAction, null);
  const refused = state && !state.ok ? state : undefined;
  const errors = refused?.fieldErrors ?? {};
  return (
    <form className="form" noValidate {...formProps} style={{ maxWidth: "26rem" }}>
      <FormNotice
        error={refused?.error}
        success={changed && !refused ? "Password changed. Every other session has been signed out." : undefined}
      />
      <Field
        label="Current password"
        name="currentPassword"
        type="password"
        autoComplete="current-password"
        required
        errors={errors.currentPassword}
      />
      <NewPasswordFields label="New password" errors={errors} />
      <div>
        <button className="button" type="submit" disabled={pending}>
          {pending ? "Saving…" : "Change password"}
        </button>
      </div>
    </form>
  );
}
