import "server-only";
import { AppError, appErrorResponse } from "@/lib/errors";
import type { Role } from "@/lib/users/schemas";
import { markGuarded } from "./guards";
import { getCurrentUser } from "./session";
import type { SessionUser } from "./session-user";

/** What Next hands a route handler besides the request (`params` is `{}` on a route without segments). */
export type RouteContext<P> = { params: Promise<P> };

type RouteHandler<P> = (request: Request, context: RouteContext<P>) => Promise<Response>;

/** Runs the handler; an AppError it throws answers with its status from the one table in lib/errors. */
async function answer(run: () => Promise<Response>): Promise<Response> {
  try {
    return await run();
  } catch (error) {
    if (error instanceof AppError) return appErrorResponse(error);
    throw error;
  }
}

/**
 * A route handler for signed-in staff: 401 without a valid session, 403 for the wrong role, both as JSON.
 * Usage: `export const GET = authedRoute(async (request, { user, params }) => …, { role: "admin" })`.
 */
export function authedRoute<P = Record<string, never>>(
  handler: (request: Request, context: { user: SessionUser; params: P }) => Promise<Response>,
  options: { role?: Role } = {},
): RouteHandler<P> {
  const route: RouteHandler<P> = async (request, context) => {
    const user = await getCurrentUser();
    if (!user) return appErrorResponse(new AppError("unauthenticated", "Sign in to use this endpoint."));
    if (options.role && user.role !== options.role) {
      return appErrorResponse(new AppError("forbidden", "Your account may not use this endpoint."));
    }
    return answer(async () => handler(request, { user, params: await context.params }));
  };
  return markGuarded(route, { kind: "authed", role: options.role });
}

/** A route handler anyone may call (the patient's link, health, pictures, Auth.js): AppErrors map the same way. */
export function publicRoute<P = Record<string, never>>(
  handler: (request: Request, context: { params: P }) => Promise<Response>,
): RouteHandler<P> {
  const route: RouteHandler<P> = async (request, context) => answer(async () => handler(request, { params: await context.params }));
  return markGuarded(route, { kind: "public" });
}
