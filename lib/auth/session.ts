import "server-only";
import { forbidden, redirect } from "next/navigation";
import { cache } from "react";
import { getDb } from "@/lib/db";
import { findSessionUser, type SessionUser } from "@/lib/users/accounts";
import type { Role } from "@/lib/users/schemas";
import { auth } from "./index";

export type { SessionUser };

/**
 * The signed-in user, checked against the database on every request: a disabled account or a session
 * older than the last password change gets null. Memoised per request.
 */
export const getCurrentUser = cache(async (): Promise<SessionUser | null> => {
  const session = (await auth()) as { uid?: number; sv?: number } | null;
  if (!session?.uid || session.sv === undefined) return null;
  return (await findSessionUser(await getDb(), session.uid, session.sv)) ?? null;
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

/** For route handlers: the user, or the JSON response to send instead (401 signed out, 403 wrong role). */
export async function authenticateRequest(role?: Role): Promise<{ user: SessionUser } | { response: Response }> {
  const user = await getCurrentUser();
  if (!user) return { response: Response.json({ error: "Sign in to use this endpoint." }, { status: 401 }) };
  if (role && user.role !== role) {
    return { response: Response.json({ error: "Your account may not use this endpoint." }, { status: 403 }) };
  }
  return { user };
}
