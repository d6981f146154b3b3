"use server";
import { signIn } from "@/lib/auth";
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
