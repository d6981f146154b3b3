import "server-only";
import { forbidden, redirect } from "next/navigation";
import { cache } from "react";
import { getDb } from "@/lib/db";
import { findSessionUser } from "@/lib/users/accounts";
import type { Role } from "@/lib/users/schemas";
import { auth } from "./index";
import { mintSessionUser, type SessionUser } from "./session-user";

export type { SessionUser };

/**
 * The signed-in user, checked against the database on every request: a disabled account or a session
 * older than the last password change gets null. Memoised per request.
 */
export const getCurrentUser = cache(async (): Promise<SessionUser | null> => {
  const session = (await auth()) as { uid?: number; sv?: number } | null;
  if (!session?.uid || session.sv === undefined) return null;
  const identity = await findSessionUser(await getDb(), session.uid, session.sv);
  return identity ? mintSessionUser(identity) : null;
});

/** For pages and server actions: the user, or a redirect to sign-in. */
export async function requireUser(): Promise<SessionUser> {
  const user = await getCurrentUser();
  if (!user) redirect("/login");
  return user;
}

/** For pages and server actions that one role may use: others get the 403 page. */
export async function requireRole(role: Role): Promise<SessionUser> {
  const user = await requireUser();
  if (user.role !== role) forbidden();
  return user;
}
