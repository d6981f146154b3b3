"use client";
import { Field } from "@/components/ui/field";
import { FormNotice } from "@/components/ui/form-notice";
import { NewPasswordFields } from "@/components/ui/new-password-fields";
import { useFormAction } from "@/components/ui/use-form-action";
import type { ActionResult } from "@/lib/errors";
import { createFirstAdminAction } from "./actions";

export function SetupForm() {
  const { state, pending, formProps } = useFormAction<ActionResult | null>(createFirstAdminAction, null);
  const refused = state && !state.ok ? state : undefined;
  const errors = refused?.fieldErrors ?? {};
  return (
    <form className="form" noValidate {...formProps}>
      <FormNotice error={refused?.error} />
      <Field label="Your name" name="name" autoComplete="name" required defaultValue={refused?.values?.name} errors={errors.name} />
      <Field
        label="Email"
        name="email"
        type="email"
        autoComplete="email"
        required
        defaultValue={refused?.values?.email}
        errors={errors.email}
      />
      <NewPasswordFields errors={errors} />
      <button className="button" type="submit" disabled={pending}>
        {pending ? "Creating…" : "Create admin account"}
      </button>
    </form>
  );
}
