import "server-only";
import type { z } from "zod";
import { AppError, fieldErrorsOf, type ActionFailure, type ActionResult } from "@/lib/errors";
import type { Role } from "@/lib/users/schemas";
import { markGuarded } from "./guards";
import { requireRole, requireUser } from "./session";
import type { SessionUser } from "./session-user";

/**
 * A server action, callable three ways: from client code with its input, as a plain `<form action>`
 * with the form's data, and through useActionState with (previous state, form data).
 */
export type ServerAction<Input, Result> = {
  (input: Input): Promise<Result>;
  (formData: FormData): Promise<Result>;
  // Last, so that useActionState infers (state, payload) from it. The previous state is not read.
  (previous: unknown, formData: FormData): Promise<Result>;
};

type Options<C> = {
  role?: Role;
  /** Types the payload a conflict carries (AppError.details), to hand back to the form as `conflict`. */
  conflict?: (details: unknown) => C;
};

/** What a successful action adds to `{ ok: true }`: nothing for one that returns nothing or always redirects. */
type Success<T> = [T] extends [never] ? object : T extends object ? T : object;

const invalidInput = "Some fields need a look before this can be saved.";
// Never echoed back into a page: a failed form keeps everything else the person typed.
const secretField = /password/i;

/** The form's fields as an object for the schema; a name sent twice becomes a list. Next's own fields are left out. */
function readForm(formData: FormData): Record<string, unknown> {
  const fields: Record<string, unknown> = {};
  for (const key of new Set(formData.keys())) {
    if (key.startsWith("$ACTION")) continue;
    const texts = formData.getAll(key).filter((v): v is string => typeof v === "string");
    fields[key] = texts.length > 1 ? texts : texts[0];
  }
  return fields;
}

function echoOf(formData: FormData): Record<string, string> {
  const values: Record<string, string> = {};
  for (const [key, value] of formData) {
    if (typeof value === "string" && !key.startsWith("$ACTION") && !secretField.test(key)) values[key] = value;
  }
  return values;
}

function build<S extends z.ZodType, T extends object | void, C>(
  schema: S,
  resolveUser: () => Promise<SessionUser | null>,
  run: (input: z.output<S>, user: SessionUser | null) => Promise<T>,
  options: Options<C>,
): ServerAction<z.input<S>, ActionResult<Success<T>, C>> {
  type Result = ActionResult<Success<T>, C>;
  const action = async (...args: unknown[]): Promise<Result> => {
    // The session first: an anonymous caller learns nothing, not even what the input should look like.
    const user = await resolveUser();
    const formData = args[0] instanceof FormData ? args[0] : args[1] instanceof FormData ? args[1] : undefined;
    const values = formData ? echoOf(formData) : undefined;
    const refused = (failure: Omit<ActionFailure<C>, "ok" | "values">): Result => ({ ok: false, ...failure, ...(values && { values }) });

    const parsed = schema.safeParse(formData ? readForm(formData) : args[0]);
    if (!parsed.success) return refused({ error: invalidInput, fieldErrors: fieldErrorsOf(parsed.error) });
    try {
      const output = await run(parsed.data, user);
      return { ok: true, ...(output ?? {}) } as Result;
    } catch (error) {
      // Anything else — a bug, or Next's redirect()/notFound()/forbidden() — keeps propagating.
      if (!(error instanceof AppError)) throw error;
      const conflict = error.code === "conflict" && options.conflict ? { conflict: options.conflict(error.details) } : {};
      return refused({ error: error.message, fieldErrors: error.fieldErrors, ...conflict });
    }
  };
  return action as ServerAction<z.input<S>, Result>;
}

/**
 * An action for signed-in staff: no session redirects to sign-in, the wrong role gets the 403 page.
 * `fn` receives the parsed input and the checked user; its result (or an AppError) becomes the one
 * ActionResult shape. Usage: `export const saveThing = authedAction(thingInput, async (input, user) => …)`.
 */
export function authedAction<S extends z.ZodType, T extends object | void, C = never>(
  schema: S,
  fn: (input: z.output<S>, user: SessionUser) => Promise<T>,
  options: Options<C> = {},
) {
  const resolveUser = () => (options.role ? requireRole(options.role) : requireUser());
  const action = build(schema, resolveUser, (input, user) => fn(input, user!), options);
  return markGuarded(action, { kind: "authed", role: options.role });
}

/** An action anyone may call (sign-in, first-run setup): the same parsing and result shape, no session. */
export function publicAction<S extends z.ZodType, T extends object | void, C = never>(
  schema: S,
  fn: (input: z.output<S>) => Promise<T>,
  options: Omit<Options<C>, "role"> = {},
) {
  const action = build(
    schema,
    async () => null,
    (input) => fn(input),
    options,
  );
  return markGuarded(action, { kind: "public" });
}

/** Types a conflict's payload for `options.conflict`: the domain that threw it decides its shape. */
export const conflictOf =
  <C>() =>
  (details: unknown): C =>
    details as C;
