"use server";
import { z } from "zod";
import { signOut } from "@/lib/auth";
import { authedAction } from "@/lib/auth/action";

export const signOutAction = authedAction(z.object({}), async () => {
  await signOut({ redirectTo: "/login" });
});
