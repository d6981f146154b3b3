import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { guardOf } from "@/lib/auth/guards";

/**
 * Every server action and route handler, found from the file tree (so a new one cannot be forgotten),
 * must be wrapped by lib/auth's authedAction/authedRoute or, on the short list below, publicAction/publicRoute;
 * and the wrapped ones must refuse an anonymous caller and, where admin-only, a clinician.
 * The session comes from Auth.js's auth(), mocked here as its jwt callback behaves: the cookie's claims are
 * looked up with findLiveSessionUser (mocked: session.user, or nothing for a session the database no longer
 * vouches for) and a SessionUser is minted from the row. The real getCurrentUser/requireUser/requireRole and
 * the real wrappers run.
 */

const session = vi.hoisted(() => ({
  current: null as { uid: number; sv: number; sid: string } | null,
  user: null as { id: number; email: string; name: string; role: "admin" | "clinician" } | null,
}));

vi.mock("@/lib/auth", async () => {
  const { findLiveSessionUser } = await import("@/lib/auth/server-sessions");
  const { mintSessionUser } = await import("@/lib/auth/session-user");
  const { getDb } = await import("@/lib/db");
  return {
    auth: async () => {
      if (!session.current) return null;
      const found = await findLiveSessionUser(await getDb(), session.current);
      return found ? { account: mintSessionUser(found), sessionKey: "k".repeat(64) } : null;
    },
    signIn: vi.fn(),
    signOut: vi.fn(),
    handlers: { GET: vi.fn(), POST: vi.fn() },
    SignInThrottled: class SignInThrottled extends Error {},
  };
});
// Auth.js's package (ESM importing "next/server" bare) does not load outside Next; only its error classes are used here.
vi.mock("next-auth", () => ({ AuthError: class AuthError extends Error {}, CredentialsSignin: class CredentialsSignin extends Error {} }));
vi.mock("@/lib/auth/server-sessions", async (importOriginal) => ({
  ...(await importOriginal<typeof import("@/lib/auth/server-sessions")>()),
  findLiveSessionUser: async () => session.user ?? undefined,
}));
// The session check opens the database (findLiveSessionUser, mocked above, ignores it); any query fails loudly.
vi.mock("@/lib/db", () => ({
  getDb: async () =>
    new Proxy(
      {},
      { get: (_target, key) => (key === "then" ? undefined : () => Promise.reject(new Error(`reached the database (${String(key)})`))) },
    ),
}));

const root = process.cwd();
const sourceFile = /\.(ts|tsx)$/;
const routeFile = /(^|\/)route\.(ts|tsx)$/;
const httpMethods = ["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"];

function filesUnder(dir: string): string[] {
  return (readdirSync(path.join(root, dir), { recursive: true }) as string[])
    .map((f) => path.posix.join(dir, f.split(path.sep).join("/")))
    .filter((f) => sourceFile.test(f));
}

const isServerActionFile = (file: string) => /^\s*["']use server["']/.test(readFileSync(path.join(root, file), "utf8"));

const routeFiles = filesUnder("app").filter((f) => routeFile.test(f));
const actionFiles = ["app", "lib", "components"]
  .flatMap(filesUnder)
  .filter((f) => /(^|\/)[\w-]*actions\.ts$/.test(f) || isServerActionFile(f));

/** Endpoints anyone may call, on purpose. Anything not listed here must require a session. */
const publicEndpoints = new Set([
  "app/(auth)/login/actions.ts#signInAction",
  "app/(auth)/setup/actions.ts#createFirstAdminAction",
  "app/api/auth/[...nextauth]/route.ts#GET",
  "app/api/auth/[...nextauth]/route.ts#POST",
  "app/api/health/route.ts#GET",
  // The clinic's logo, for the patients' pages: public like the clinic's name on them.
  "app/clinic-logo/[file]/route.ts#GET",
  "app/images/[file]/route.ts#GET",
  "app/r/[token]/drawings/[position]/route.ts#GET",
  "app/r/[token]/calendar.ics/route.ts#GET",
  "app/r/[token]/handout.pdf/route.ts#GET",
  "app/r/[token]/route.ts#GET",
  "app/r/[token]/ticks/route.ts#POST",
]);

/** Endpoints for any signed-in staff member, named so that losing one fails the test. */
const staffEndpoints = new Set(["app/api/exercises/[id]/illustration.svg/route.ts#GET", "app/api/routines/[id]/handout.pdf/route.ts#GET"]);

/** Endpoints only an admin may call. */
const adminEndpoints = new Set([
  "app/admin/users/actions.ts#createUserAction",
  "app/admin/users/actions.ts#setUserDisabledAction",
  "app/admin/users/actions.ts#endUserSessionsAction",
  "app/admin/settings/actions.ts#setPatientPolicyAction",
  "app/admin/settings/clinic/actions.ts#saveClinicSettingsAction",
  "app/admin/settings/clinic/actions.ts#removeClinicLogoAction",
  "app/api/admin/clinic/logo/route.ts#POST",
]);

type Endpoint = { id: string; kind: "action" | "route"; fn: (...args: unknown[]) => Promise<unknown> };

async function loadEndpoints(): Promise<Endpoint[]> {
  const endpoints: Endpoint[] = [];
  for (const file of actionFiles) {
    const exports = (await import(/* @vite-ignore */ path.join(root, file))) as Record<string, unknown>;
    for (const [name, value] of Object.entries(exports)) {
      // A "use server" module may export only server functions: anything else is an endpoint we cannot vouch for.
      expect(typeof value, `${file}#${name}`).toBe("function");
      endpoints.push({ id: `${file}#${name}`, kind: "action", fn: value as Endpoint["fn"] });
    }
  }
  for (const file of routeFiles) {
    const exports = (await import(/* @vite-ignore */ path.join(root, file))) as Record<string, unknown>;
    for (const [name, value] of Object.entries(exports)) {
      if (typeof value !== "function") continue; // route segment config (dynamic, runtime…)
      expect(httpMethods, `${file}#${name} is not an HTTP method`).toContain(name);
      endpoints.push({ id: `${file}#${name}`, kind: "route", fn: value as Endpoint["fn"] });
    }
  }
  return endpoints;
}

/** What Next's redirect() and forbidden() throw, read from the error's digest. */
async function refusal(call: Promise<unknown>): Promise<string> {
  const error = await call.then(
    () => null,
    (e: unknown) => e,
  );
  const digest = (error as { digest?: string } | null)?.digest ?? "";
  if (digest.startsWith("NEXT_REDIRECT;")) return `redirect ${digest.split(";")[2]}`;
  if (digest === "NEXT_HTTP_ERROR_FALLBACK;403") return "forbidden";
  return `no refusal (${error instanceof Error ? error.message : String(error)})`;
}

function call(endpoint: Endpoint): Promise<unknown> {
  if (endpoint.kind === "action") return endpoint.fn(new FormData());
  const params = Promise.resolve({ id: "1", token: "t".repeat(43), file: "x.png", nextauth: ["session"] });
  return endpoint.fn(new Request("http://localhost/probe", { method: "POST", body: "" }), { params });
}

let endpoints: Endpoint[];
beforeAll(async () => {
  vi.stubEnv("__NEXT_EXPERIMENTAL_AUTH_INTERRUPTS", "true"); // what next.config's experimental.authInterrupts sets
  endpoints = await loadEndpoints();
}, 60_000);
afterAll(() => vi.unstubAllEnvs());
beforeEach(() => {
  session.current = null;
  session.user = null;
});

const signInAs = (role: "admin" | "clinician") => {
  session.current = { uid: 7, sv: 0, sid: "s" };
  session.user = { id: 7, email: `${role}@clinic.test`, name: role, role };
};

describe("every server action and route handler", () => {
  it("is found in the file tree", () => {
    // A floor, so a broken glob cannot pass by finding nothing.
    expect(actionFiles.length).toBeGreaterThanOrEqual(8);
    expect(routeFiles.length).toBeGreaterThanOrEqual(10);
    expect(endpoints.filter((e) => e.kind === "action").length).toBeGreaterThanOrEqual(20);
    for (const id of [...publicEndpoints, ...staffEndpoints, ...adminEndpoints]) expect(endpoints.map((e) => e.id)).toContain(id);
  });

  it("is wrapped by lib/auth: public only where listed, admin-only where listed", () => {
    const guards = Object.fromEntries(endpoints.map((e) => [e.id, guardOf(e.fn)]));
    const expected = Object.fromEntries(
      endpoints.map((e) => [
        e.id,
        publicEndpoints.has(e.id)
          ? { kind: "public" }
          : adminEndpoints.has(e.id)
            ? { kind: "authed", role: "admin" }
            : { kind: "authed", role: undefined },
      ]),
    );
    expect(guards).toEqual(expected);
  });

  it("refuses anonymous callers: actions redirect to sign-in, routes answer 401", async () => {
    for (const endpoint of endpoints.filter((e) => !publicEndpoints.has(e.id))) {
      if (endpoint.kind === "action") {
        expect(await refusal(call(endpoint)), endpoint.id).toBe("redirect /login");
      } else {
        const response = (await call(endpoint)) as Response;
        expect(response.status, endpoint.id).toBe(401);
        expect(await response.json(), endpoint.id).toEqual({ error: "Sign in to use this endpoint." });
      }
    }
  });

  it("refuses a session the database no longer vouches for (disabled account, changed password)", async () => {
    session.current = { uid: 7, sv: 0, sid: "s" }; // a well-signed cookie…
    session.user = null; // …whose session row or account findLiveSessionUser rejects
    for (const endpoint of endpoints.filter((e) => !publicEndpoints.has(e.id))) {
      if (endpoint.kind === "action") expect(await refusal(call(endpoint)), endpoint.id).toBe("redirect /login");
      else expect(((await call(endpoint)) as Response).status, endpoint.id).toBe(401);
    }
  });

  it("refuses a clinician where only an admin may act: the 403 page for actions, 403 for routes", async () => {
    signInAs("clinician");
    for (const endpoint of endpoints.filter((e) => adminEndpoints.has(e.id))) {
      if (endpoint.kind === "action") expect(await refusal(call(endpoint)), endpoint.id).toBe("forbidden");
      else expect(((await call(endpoint)) as Response).status, endpoint.id).toBe(403);
    }
  });

  it("lets a signed-in admin past the guard, to the input check, without touching the database", async () => {
    signInAs("admin");
    // An empty form is invalid for every admin action that takes fields: the guard passed, the schema answered.
    for (const endpoint of endpoints.filter((e) => adminEndpoints.has(e.id))) {
      const answer = await call(endpoint);
      // The logo upload is a plain form post: an empty one is sent back to its form with the reason (303).
      if (endpoint.kind === "route") expect((answer as Response).status, endpoint.id).toBe(303);
      else expect(answer, endpoint.id).toMatchObject({ ok: false, fieldErrors: expect.any(Object) });
    }
  });
});

describe("invalid input", () => {
  // Actions whose schema accepts an empty form on purpose: signing out (here or everywhere) takes nothing; the picker's query defaults every field.
  const takesNoFields = new Set([
    "app/admin/actions.ts#signOutAction",
    "app/admin/settings/actions.ts#signOutEverywhereAction",
    "app/admin/routines/actions.ts#searchPickerAction",
  ]);

  it("comes back from every action as { ok: false, error, fieldErrors }, never silence, before any query", async () => {
    const checked = endpoints.filter((e) => e.kind === "action" && !takesNoFields.has(e.id));
    expect(checked.length).toBeGreaterThanOrEqual(20);
    for (const endpoint of checked) {
      signInAs(adminEndpoints.has(endpoint.id) ? "admin" : "clinician");
      // Ids are digits only: Number() and z.coerce would have taken "1e3" as 1000.
      const form = new FormData();
      for (const id of ["exerciseId", "imageId", "patientId", "routineId", "templateId", "linkId", "userId"]) form.set(id, "1e3");
      const result = await endpoint.fn(form);
      expect(result, endpoint.id).toMatchObject({ ok: false, error: expect.any(String), fieldErrors: expect.any(Object) });
      expect(Object.keys((result as { fieldErrors: object }).fieldErrors).length, endpoint.id).toBeGreaterThan(0);
    }
  });

  it("keeps what a form sent, except passwords", async () => {
    signInAs("admin");
    const createUser = endpoints.find((e) => e.id === "app/admin/users/actions.ts#createUserAction")!;
    const form = new FormData();
    for (const [key, value] of Object.entries({
      name: "Cleo",
      email: "not an email",
      role: "clinician",
      password: "secret one",
      confirmPassword: "secret two",
    })) {
      form.set(key, value);
    }
    expect(await createUser.fn(null, form)).toEqual({
      ok: false,
      error: "Some fields need a look before this can be saved.",
      fieldErrors: {
        email: ["Enter an email address like name@clinic.com."],
        password: [expect.stringContaining("12 characters")],
        confirmPassword: ["The two passwords do not match."],
      },
      values: { name: "Cleo", email: "not an email", role: "clinician" },
    });
  });
});

describe("the route wrappers map AppError codes to HTTP statuses in one table", () => {
  it("answers each code with its status and the message", async () => {
    const { AppError, httpStatusOf } = await import("@/lib/errors");
    const { publicRoute } = await import("@/lib/auth/route");
    expect(httpStatusOf).toEqual({
      validation: 400,
      unauthenticated: 401,
      forbidden: 403,
      not_found: 404,
      conflict: 409,
      rate_limited: 429,
    });
    for (const [code, status] of Object.entries(httpStatusOf)) {
      const route = publicRoute(async () => {
        throw new AppError(code as keyof typeof httpStatusOf, `refused: ${code}`, {}, { retryAfterMs: 90_500 });
      });
      const response = await route(new Request("http://localhost/probe"), { params: Promise.resolve({}) });
      expect(response.status, code).toBe(status);
      expect(await response.json()).toEqual({ error: `refused: ${code}` });
      expect(response.headers.get("retry-after"), code).toBe(code === "rate_limited" ? "91" : null);
    }
  });
});
