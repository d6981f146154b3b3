"use server";
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { requireRole } from "@/lib/auth/session";
import { getDb } from "@/lib/db";
import { failure, invalid, type FieldErrors } from "@/lib/errors";
import { endUserSessions } from "@/lib/auth/server-sessions";
import { createUser, setUserDisabled } from "@/lib/users/accounts";
import { newUserInput } from "@/lib/users/schemas";

export type NewUserState = {
  error?: string;
  success?: string;
  fieldErrors?: FieldErrors;
  values?: { name: string; email: string; role: string };
};

export async function createUserAction(_previous: NewUserState, formData: FormData): Promise<NewUserState> {
  const admin = await requireRole("admin");
  const values = {
    name: String(formData.get("name") ?? ""),
    email: String(formData.get("email") ?? ""),
    role: String(formData.get("role") ?? "clinician"),
  };
  const parsed = newUserInput.safeParse({
    ...values,
    password: formData.get("password"),
    confirmPassword: formData.get("confirmPassword"),
  });
  if (!parsed.success) return { ...invalid(parsed.error), values };
  try {
    const created = await createUser(await getDb(), admin, parsed.data);
    revalidatePath("/admin/users");
    return { success: `Account created for ${created.name}. Give them their password in person.` };
  } catch (error) {
    return { ...failure(error), values };
  }
}

const toggleInput = z.object({ userId: z.coerce.number().int().positive(), disabled: z.enum(["true", "false"]) });

export async function setUserDisabledAction(formData: FormData): Promise<void> {
  const admin = await requireRole("admin");
  const parsed = toggleInput.safeParse({ userId: formData.get("userId"), disabled: formData.get("disabled") });
  if (!parsed.success) return;
  try {
    await setUserDisabled(await getDb(), admin, parsed.data.userId, parsed.data.disabled === "true");
  } catch (error) {
    failure(error); // an AppError (already gone, or your own account) changes nothing; anything else is a bug
  }
  revalidatePath("/admin/users");
}

const endSessionsInput = z.object({ userId: z.coerce.number().int().positive() });

/** An admin signs someone out on every browser (a lost laptop); the account stays enabled. */
export async function endUserSessionsAction(formData: FormData): Promise<void> {
  const admin = await requireRole("admin");
  const parsed = endSessionsInput.safeParse({ userId: formData.get("userId") });
  if (!parsed.success) return;
  try {
    await endUserSessions(await getDb(), admin, parsed.data.userId);
  } catch (error) {
    failure(error);
  }
  revalidatePath("/admin/users");
}
