"use server";
import { signIn } from "@/lib/auth";
import { getDb } from "@/lib/db";
import { failure, invalid, type FieldErrors } from "@/lib/errors";
import { createFirstAdmin } from "@/lib/users/accounts";
import { setupInput } from "@/lib/users/schemas";

export type SetupState = { error?: string; fieldErrors?: FieldErrors; values?: { name: string; email: string } };

/** Public by necessity (nobody can sign in yet); createFirstAdmin refuses once any account exists. */
export async function createFirstAdminAction(_previous: SetupState, formData: FormData): Promise<SetupState> {
  const values = { name: String(formData.get("name") ?? ""), email: String(formData.get("email") ?? "") };
  const parsed = setupInput.safeParse({
    ...values,
    password: formData.get("password"),
    confirmPassword: formData.get("confirmPassword"),
  });
  if (!parsed.success) return { ...invalid(parsed.error), values };

  try {
    await createFirstAdmin(await getDb(), parsed.data);
  } catch (error) {
    return { ...failure(error), values };
  }
  await signIn("credentials", { email: parsed.data.email, password: parsed.data.password, redirectTo: "/admin" });
  return {};
}
