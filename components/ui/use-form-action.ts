"use client";
import { startTransition, useActionState, type FormEvent } from "react";

/**
 * useActionState for forms that must keep what the user typed. React resets a form after its action
 * runs; submitting through onSubmit instead skips that reset, so a failed save loses nothing. Without
 * JavaScript the form still posts to the same action (progressive enhancement).
 */
export function useFormAction<State>(action: (state: Awaited<State>, data: FormData) => State | Promise<State>, initial: Awaited<State>) {
  const [state, formAction, pending] = useActionState(action, initial);
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    startTransition(() => formAction(data));
  };
  return { state, pending, formProps: { action: formAction, onSubmit } };
}
