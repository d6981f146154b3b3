"use server";
import { AuthError } from "next-auth";
import { headers } from "next/headers";
import { z } from "zod";
import { signIn, SignInThrottled } from "@/lib/auth";
import { publicAction } from "@/lib/auth/action";
import { safeCallbackUrl } from "@/lib/auth/callback-url";
import { requestSignInBuckets } from "@/lib/auth/request-buckets";
import { getThrottleStatus, minutesUntil } from "@/lib/auth/throttle";
import { getDb } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { signInInput } from "@/lib/users/schemas";

// One message for a wrong password, an unknown email and a disabled account: none says which it was.
const wrongCredentials = "That email and password do not match an active account.";

export const signInAction = publicAction(signInInput.extend({ callbackUrl: z.unknown() }), async ({ email, password, callbackUrl }) => {
  try {
    // Throws the redirect a successful sign-in answers with: it propagates through publicAction.
    await signIn("credentials", { email, password, redirectTo: safeCallbackUrl(callbackUrl) });
  } catch (error) {
    if (error instanceof SignInThrottled) {
      const status = await getThrottleStatus(await getDb(), requestSignInBuckets(email, await headers()));
      const minutes = status.limited ? minutesUntil(status.retryAfterMs) : 1;
      throw new AppError("rate_limited", throttledMessage(minutes));
    }
    if (error instanceof AuthError) throw new AppError("unauthenticated", wrongCredentials);
    throw error;
  }
});

function throttledMessage(minutes: number): string {
  return `Too many sign-in attempts. Try again in ${minutes} minute${minutes === 1 ? "" : "s"}.`;
}
