"use server";
import { AuthError } from "next-auth";
import { headers } from "next/headers";
import { signIn, SignInThrottled } from "@/lib/auth";
import { safeCallbackUrl } from "@/lib/auth/callback-url";
import { requestSignInBuckets } from "@/lib/auth/request-buckets";
import { getThrottleStatus, minutesUntil } from "@/lib/auth/throttle";
import { getDb } from "@/lib/db";
import { fieldErrorsOf, type FieldErrors } from "@/lib/errors";
import { signInInput } from "@/lib/users/schemas";

export type SignInState = { error?: string; fieldErrors?: FieldErrors; email?: string };

// One message for a wrong password, an unknown email and a disabled account: none says which it was.
const wrongCredentials = "That email and password do not match an active account.";

export async function signInAction(_previous: SignInState, formData: FormData): Promise<SignInState> {
  const email = String(formData.get("email") ?? "");
  const parsed = signInInput.safeParse({ email, password: formData.get("password") });
  if (!parsed.success) return { fieldErrors: fieldErrorsOf(parsed.error), email };

  try {
    await signIn("credentials", { ...parsed.data, redirectTo: safeCallbackUrl(formData.get("callbackUrl")) });
    return {};
  } catch (error) {
    if (error instanceof SignInThrottled) {
      const status = await getThrottleStatus(await getDb(), requestSignInBuckets(email, await headers()));
      const minutes = status.limited ? minutesUntil(status.retryAfterMs) : 1;
      return { error: throttledMessage(minutes), email };
    }
    if (error instanceof AuthError) return { error: wrongCredentials, email };
    throw error; // includes the redirect that a successful sign-in throws
  }
}

function throttledMessage(minutes: number): string {
  return `Too many sign-in attempts. Try again in ${minutes} minute${minutes === 1 ? "" : "s"}.`;
}
