import type { Role } from "@/lib/users/schemas";

/** How an action or route handler was guarded: the enumerating access test reads this for every export. */
export type Guard = { kind: "authed"; role?: Role } | { kind: "public" };

const guards = new WeakMap<object, Guard>();

export function markGuarded<F extends object>(endpoint: F, guard: Guard): F {
  guards.set(endpoint, guard);
  return endpoint;
}

export function guardOf(endpoint: unknown): Guard | undefined {
  return typeof endpoint === "function" ? guards.get(endpoint) : undefined;
}
