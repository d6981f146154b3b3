"use server";
import { signIn } from "@/lib/auth";
import { authedAction } from "@/lib/auth/action";
import { getDb } from "@/lib/db";
import { changeOwnPassword } from "@/lib/users/accounts";
import { changePasswordInput } from "@/lib/users/schemas";

export const changePasswordAction = authedAction(changePasswordInput, async (input, user) => {
  await changeOwnPassword(await getDb(), user, input);
  // Every session just ended, this one included: sign this browser back in with the new password.
  await signIn("credentials", { email: user.email, password: input.password, redirectTo: "/admin/settings?changed=1" });
});
