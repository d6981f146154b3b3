import type { Role } from "@/lib/users/schemas";

/** A staff account's identity as stored: never the hash. */
export type StaffIdentity = { id: number; email: string; name: string; role: Role };

declare const checkedByAuth: unique symbol;

/**
 * A person whose session lib/auth has checked against the database. The brand means a domain function
 * that takes one can only have been reached through that check: only lib/auth mints one (lint enforces
 * it; tests mint theirs through tests/helpers).
 */
export type SessionUser = Readonly<StaffIdentity> & { readonly [checkedByAuth]: true };

export function mintSessionUser(identity: StaffIdentity): SessionUser {
  const { id, email, name, role } = identity;
  return { id, email, name, role } as SessionUser;
}
