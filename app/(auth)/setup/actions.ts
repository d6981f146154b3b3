"use server";
import { signIn } from "@/lib/auth";
import { publicAction } from "@/lib/auth/action";
import { getDb } from "@/lib/db";
import { createFirstAdmin } from "@/lib/users/accounts";
import { setupInput } from "@/lib/users/schemas";

/** Public by necessity (nobody can sign in yet); createFirstAdmin refuses once any account exists. */
export const createFirstAdminAction = publicAction(setupInput, async (input) => {
  await createFirstAdmin(await getDb(), input);
  await signIn("credentials", { email: input.email, password: input.password, redirectTo: "/admin" });
});
