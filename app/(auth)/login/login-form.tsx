"use client";
import { Field } from "@/components/ui/field";
import { FormNotice } from "@/components/ui/form-notice";
import { useFormAction } from "@/components/ui/use-form-action";
import type { ActionResult } from "@/lib/errors";
import { signInAction } from "./actions";

export function LoginForm({ callbackUrl, initialError }: { callbackUrl: string; initialError?: string }) {
  const initial = initialError ? { ok: false as const, error: initialError, fieldErrors: {} } : null;
  const { state, pending, formProps } = useFormAction<ActionResult | null>(signInAction, initial);
  const refused = state && !state.ok ? state : undefined;
  return (
    <form className="form" noValidate {...formProps}>
      <FormNotice error={refused?.error} />
      <input type="hidden" name="callbackUrl" value={callbackUrl} />
      <Field
        label="Email"
        name="email"
        type="email"
        autoComplete="username"
        required
        autoFocus
        defaultValue={refused?.values?.email}
        errors={refused?.fieldErrors.email}
      />
      <Field
        label="Password"
        name="password"
        type="password"
        autoComplete="current-password"
        required
        errors={refused?.fieldErrors.password}
      />
      <button className="button" type="submit" disabled={pending}>
        {pending ? "Signing in…" : "Sign in"}
      </button>
    </form>
  );
}
