import "server-only";
import { forbidden, redirect } from "next/navigation";
import { cache } from "react";
import type { Role } from "@/lib/users/schemas";
import { auth } from "./index";
import type { SessionUser } from "./session-user";

export type { SessionUser };

/**
 * The signed-in user, checked against the database on every request (in auth()'s jwt callback): a
 * signed-out, idle or expired session, a disabled account or a session older than the last password
 * change gets null. Memoised per request.
 */
export const getCurrentUser = cache(async (): Promise<SessionUser | null> => {
  const session = (await auth()) as { account?: SessionUser } | null;
  return session?.account ?? null;
});

/** The row key of this browser's session, to mark it in the list of sessions. */
export const getCurrentSessionKey = cache(async (): Promise<string | undefined> => {
  const session = (await auth()) as { sessionKey?: string } | null;
  return session?.sessionKey;
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
