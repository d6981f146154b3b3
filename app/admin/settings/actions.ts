"use server";
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { signIn, signOut } from "@/lib/auth";
import { authedAction } from "@/lib/auth/action";
import { endOwnSession, endOwnSessions } from "@/lib/auth/server-sessions";
import { getDb } from "@/lib/db";
import { patientPolicies, setPatientPolicy } from "@/lib/patients/access";
import { changeOwnPassword } from "@/lib/users/accounts";
import { changePasswordInput } from "@/lib/users/schemas";

export const changePasswordAction = authedAction(changePasswordInput, async (input, user) => {
  await changeOwnPassword(await getDb(), user, input);
  // Every session just ended, this one included: sign this browser back in with the new password.
  await signIn("credentials", { email: user.email, password: input.password, redirectTo: "/admin/settings?changed=1" });
});

/** "Sign out everywhere": ends every session of this account, this browser's too. */
export const signOutEverywhereAction = authedAction(z.object({}), async (_input, user) => {
  await endOwnSessions(await getDb(), user);
  await signOut({ redirectTo: "/login" });
});

/** Ends one of your own sessions from the list (another browser, a lost phone). */
export const endSessionAction = authedAction(
  z.object({ sessionKey: z.string().regex(/^[0-9a-f]{64}$/, "Not a session of yours.") }),
  async ({ sessionKey }, user) => {
    await endOwnSession(await getDb(), user, sessionKey);
    revalidatePath("/admin/settings");
  },
);

/** The clinic's choice of who sees which patients (admins only; checked again in the data layer). */
export const setPatientPolicyAction = authedAction(
  z.object({ policy: z.enum(patientPolicies, { message: "Choose who sees which patients." }) }),
  async ({ policy }, user) => {
    await setPatientPolicy(await getDb(), user, policy);
    revalidatePath("/admin/settings");
  },
  { role: "admin" },
);
