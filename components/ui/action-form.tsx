"use client";
import { useActionState, type CSSProperties, type FormEvent, type ReactNode } from "react";
import type { ActionResult } from "@/lib/errors";

type Props<R extends ActionResult<object, unknown>> = {
  /** A server action, passed in by the page (components never import from app/). */
  action: (previous: R | null, formData: FormData) => Promise<R>;
  children: ReactNode;
  className?: string;
  style?: CSSProperties;
  /** Asked before submitting; cancelling sends nothing. */
  confirm?: string;
};

/**
 * A small form (a button and hidden ids, perhaps one field) whose refusal is shown where it was made:
 * the action's error and each field's message. Works without JavaScript too (useActionState).
 */
export function ActionForm<R extends ActionResult<object, unknown>>({ action, children, className, style, confirm }: Props<R>) {
  const [state, formAction, pending] = useActionState(action, null);
  const onSubmit = confirm
    ? (event: FormEvent<HTMLFormElement>) => {
        if (!window.confirm(confirm)) event.preventDefault();
      }
    : undefined;
  const messages = state && !state.ok ? Object.values(state.fieldErrors).flatMap((m) => m ?? []) : [];
  return (
    <form action={formAction} className={className} style={style} onSubmit={onSubmit} aria-busy={pending || undefined}>
      {children}
      {state && !state.ok && (
        <p className="notice error" role="alert" data-testid="form-error" style={{ marginTop: "0.5rem", flexBasis: "100%" }}>
          {[state.error, ...messages].join(" ")}
        </p>
      )}
    </form>
  );
}
