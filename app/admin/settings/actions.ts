"use server";
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { signIn, signOut } from "@/lib/auth";
import { endOwnSession, endOwnSessions } from "@/lib/auth/server-sessions";
import { patientPolicies, setPatientPolicy } from "@/lib/patients/access";
import { requireUser } from "@/lib/auth/session";
import { getDb } from "@/lib/db";
import { failure, invalid, type FieldErrors } from "@/lib/errors";
import { changeOwnPassword } from "@/lib/users/accounts";
import { changePasswordInput } from "@/lib/users/schemas";

export type ChangePasswordState = { error?: string; fieldErrors?: FieldErrors };

export async function changePasswordAction(_previous: ChangePasswordState, formData: FormData): Promise<ChangePasswordState> {
  const user = await requireUser();
  const parsed = changePasswordInput.safeParse({
    currentPassword: formData.get("currentPassword"),
    password: formData.get("password"),
    confirmPassword: formData.get("confirmPassword"),
  });
  if (!parsed.success) return invalid(parsed.error);
  try {
    await changeOwnPassword(await getDb(), user, parsed.data);
  } catch (error) {
    return failure(error);
  }
  // Every session just ended, this one included: sign this browser back in with the new password.
  await signIn("credentials", { email: user.email, password: parsed.data.password, redirectTo: "/admin/settings?changed=1" });
  return {};
}

/** "Sign out everywhere": ends every session of this account, this browser's too. */
export async function signOutEverywhereAction(): Promise<void> {
  const user = await requireUser();
  await endOwnSessions(await getDb(), user);
  await signOut({ redirectTo: "/login" });
}

const sessionKeyInput = z.object({ sessionKey: z.string().regex(/^[0-9a-f]{64}$/) });

/** Ends one of your own sessions from the list (another browser, a lost phone). */
export async function endSessionAction(formData: FormData): Promise<void> {
  const user = await requireUser();
  const parsed = sessionKeyInput.safeParse({ sessionKey: formData.get("sessionKey") });
  if (!parsed.success) return;
  await endOwnSession(await getDb(), user, parsed.data.sessionKey);
  revalidatePath("/admin/settings");
}

const policyInput = z.object({ policy: z.enum(patientPolicies) });

/** The clinic's choice of who sees which patients (admins only; checked again in the data layer). */
export async function setPatientPolicyAction(formData: FormData): Promise<void> {
  const user = await requireUser();
  const parsed = policyInput.safeParse({ policy: formData.get("policy") });
  if (!parsed.success) return;
  try {
    await setPatientPolicy(await getDb(), user, parsed.data.policy);
  } catch (error) {
    failure(error);
  }
  revalidatePath("/admin/settings");
}
