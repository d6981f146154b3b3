"use server";
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { signOut } from "@/lib/auth";
import { authedAction } from "@/lib/auth/action";
import { markRoutineFeedbackRead } from "@/lib/dashboard/mark-feedback-read";
import { getDb } from "@/lib/db";
import { idInput } from "@/lib/ids";

export const signOutAction = authedAction(z.object({}), async () => {
  await signOut({ redirectTo: "/login" });
});

/** "Mark as read" on the dashboard: a routine's pain scores and comments up to the newest one shown. */
export const markFeedbackReadAction = authedAction(
  z.object({ routineId: idInput, until: z.coerce.number({ message: "Reload the page and try again." }).int().min(0) }),
  async ({ routineId, until }, user) => {
    await markRoutineFeedbackRead(await getDb(), user, routineId, until);
    revalidatePath("/admin");
  },
);
