"use client";
import type { CSSProperties, FormEvent, ReactNode } from "react";
import type { ActionResult } from "@/lib/errors";
import { useFormAction } from "./use-form-action";

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
 * the action's error and each field's message. Submitted through useFormAction, so a refused field keeps
 * what was typed; without JavaScript it still posts (useActionState).
 */
export function ActionForm<R extends ActionResult<object, unknown>>({ action, children, className, style, confirm }: Props<R>) {
  const { state, pending, formProps } = useFormAction<R | null>(action, null);
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    if (confirm && !window.confirm(confirm)) event.preventDefault();
    else formProps.onSubmit(event);
  };
  const messages = state && !state.ok ? Object.values(state.fieldErrors).flatMap((m) => m ?? []) : [];
  return (
    <form action={formProps.action} className={className} style={style} onSubmit={onSubmit} aria-busy={pending || undefined}>
      {children}
      {state && !state.ok && (
        <p className="notice error" role="alert" data-testid="form-error" style={{ marginTop: "0.5rem", flexBasis: "100%" }}>
          {[state.error, ...messages].join(" ")}
        </p>
      )}
    </form>
  );
}
