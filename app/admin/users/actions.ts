"use server";
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { authedAction } from "@/lib/auth/action";
import { endUserSessions } from "@/lib/auth/server-sessions";
import { getDb } from "@/lib/db";
import { idInput } from "@/lib/ids";
import { createUser, setUserDisabled } from "@/lib/users/accounts";
import { newUserInput } from "@/lib/users/schemas";

export const createUserAction = authedAction(
  newUserInput,
  async (input, admin) => {
    const created = await createUser(await getDb(), admin, input);
    revalidatePath("/admin/users");
    return { message: `Account created for ${created.name}. Give them their password in person.` };
  },
  { role: "admin" },
);

export const setUserDisabledAction = authedAction(
  z.object({ userId: idInput, disabled: z.enum(["true", "false"]) }),
  async ({ userId, disabled }, admin) => {
    await setUserDisabled(await getDb(), admin, userId, disabled === "true");
    revalidatePath("/admin/users");
  },
  { role: "admin" },
);

/** An admin signs someone out on every browser (a lost laptop); the account stays enabled. */
export const endUserSessionsAction = authedAction(
  z.object({ userId: idInput }),
  async ({ userId }, admin) => {
    await endUserSessions(await getDb(), admin, userId);
    revalidatePath("/admin/users");
  },
  { role: "admin" },
);
