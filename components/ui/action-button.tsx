import type { ReactNode } from "react";
import type { ActionResult } from "@/lib/errors";
import { ActionForm } from "./action-form";

type Props<R extends ActionResult<object, unknown>> = {
  /** A server action that needs nothing but the press, passed in by the page. */
  action: (previous: R | null, formData: FormData) => Promise<R>;
  children: ReactNode;
};

/** A secondary button that runs one server action (sign out, new template); a refusal shows beside it. */
export function ActionButton<R extends ActionResult<object, unknown>>({ action, children }: Props<R>) {
  return (
    <ActionForm action={action}>
      <button className="button secondary" type="submit">
        {children}
      </button>
    </ActionForm>
  );
}
