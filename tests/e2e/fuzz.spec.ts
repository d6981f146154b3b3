import fc from "fast-check";
import { expect, test, type APIRequestContext } from "@playwright/test";
import { admin, signIn, unique } from "./helpers";

/**
 * Malformed input must get a 4xx with a reason, never a 5xx: every route handler and the tick endpoint,
 * signed out and signed in as an admin, driven by fast-check with odd ids, query strings and bodies.
 */
test.setTimeout(240_000);

const nasty = fc.constantFrom(
  "",
  "0",
  "-1",
  "1.5",
  "1e9",
  "+02026-12-01",
  "%00",
  "\u0000",
  "9999999999999999999999",
  "NaN",
  "Infinity",
  "constructor",
  "__proto__",
  "toString",
  "hasOwnProperty",
  "../../etc/passwd",
  "\r\nX: y",
  "😀",
  "<script>",
  "[]",
  "{}",
);
const text = fc.oneof(nasty, fc.string({ maxLength: 40 }), fc.string({ unit: "binary", maxLength: 20 }));
const segment = text.map((s) => encodeURIComponent(s) || "x");
const query = fc.dictionary(fc.oneof(nasty, fc.string({ maxLength: 10 })), text, { maxKeys: 4 }).map((entries) => {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(entries)) params.append(k, v);
  return params.toString();
});
const formFields = (names: string[]) =>
  fc.record(Object.fromEntries(names.map((n) => [n, text])) as Record<string, fc.Arbitrary<string>>, { requiredKeys: [] });
const bodyKind = fc.constantFrom("form", "multipart", "json", "bytes");
const runs = { numRuns: 25 };

async function send(
  request: APIRequestContext,
  method: string,
  url: string,
  body: { kind: string; fields: Record<string, string | undefined>; bytes: Uint8Array },
  headers: Record<string, string> = {},
) {
  const options: Parameters<APIRequestContext["fetch"]>[1] = { method, headers, maxRedirects: 0, failOnStatusCode: false };
  const fields = Object.fromEntries(Object.entries(body.fields).filter((e): e is [string, string] => e[1] !== undefined));
  if (method === "POST") {
    if (body.kind === "form") options.form = fields;
    else if (body.kind === "multipart")
      options.multipart = { ...fields, file: { name: "x.json", mimeType: "application/json", buffer: Buffer.from(body.bytes) } };
    else if (body.kind === "json") options.data = fields;
    else options.data = Buffer.from(body.bytes);
  }
  const response = await request.fetch(url, options);
  expect(response.status(), `${method} ${url}`).toBeLessThan(500);
}

const body = fc.record({
  kind: bodyKind,
  fields: formFields(["file", "alt", "position", "exerciseId", "intent", "day", "pain", "comment"]),
  bytes: fc.uint8Array({ maxLength: 200 }),
});

test("no route handler answers malformed input with a 5xx, signed out or signed in", async ({ page, playwright, baseURL }) => {
  // A real link, so ticks reach validation rather than the inactive-link 404.
  await signIn(page, admin.email, admin.password);
  await page.goto("/admin/patients/new");
  const name = unique("Fuzz Patient");
  await page.getByLabel("Display name").fill(name);
  await page.getByRole("button", { name: "Create patient" }).click();
  await page.getByRole("link", { name: "New routine", exact: true }).click();
  await page.getByLabel("Template: Upper back pain — mobility").check();
  await page.getByRole("button", { name: "Create routine" }).click();
  await expect(page.getByText(`For ${name}`)).toBeVisible();
  const routineId = /\/admin\/routines\/(\d+)/.exec(page.url())![1]!;
  const panel = page.getByRole("region", { name: "Patient links" });
  await panel.getByLabel("Label").fill("fuzz");
  await panel.getByRole("button", { name: "Create link" }).click();
  const link = new URL(await page.getByTestId("new-share-link").getByLabel("Link for the patient").inputValue()).pathname;

  const cookie = (await page.context().cookies()).map((c) => `${c.name}=${c.value}`).join("; ");
  const anonymous = await playwright.request.newContext({ baseURL });
  const signedIn = await playwright.request.newContext({ baseURL, extraHTTPHeaders: { cookie } });

  const routes: { name: string; method: string; url: fc.Arbitrary<string> }[] = [
    { name: "health", method: "GET", url: query.map((q) => `/api/health?${q}`) },
    { name: "summary", method: "GET", url: query.map((q) => `/api/admin/summary?${q}`) },
    { name: "export", method: "GET", url: query.map((q) => `/api/admin/exercises/export?${q}`) },
    { name: "import", method: "POST", url: query.map((q) => `/api/admin/exercises/import?${q}`) },
    { name: "pictures", method: "POST", url: fc.oneof(segment, fc.constant("1")).map((id) => `/api/admin/exercises/${id}/images`) },
    {
      name: "handout",
      method: "GET",
      url: fc.tuple(fc.oneof(segment, fc.constant(routineId)), query).map(([id, q]) => `/api/routines/${id}/handout.pdf?${q}`),
    },
    { name: "images", method: "GET", url: segment.map((f) => `/images/${f}`) },
    {
      name: "auth",
      method: "GET",
      url: fc
        .tuple(fc.constantFrom("session", "csrf", "providers", "signin", "signout", "error", "callback/credentials"), query)
        .map(([p, q]) => `/api/auth/${p}?${q}`),
    },
    { name: "login page", method: "GET", url: text.map((c) => `/login?callbackUrl=${encodeURIComponent(c)}`) },
    {
      name: "patient page",
      method: "GET",
      url: fc.tuple(fc.oneof(segment, fc.constant(link.slice(3))), query).map(([t, q]) => `/r/${t}?${q}`),
    },
    {
      name: "patient handout",
      method: "GET",
      url: fc.tuple(fc.oneof(segment, fc.constant(link.slice(3))), query).map(([t, q]) => `/r/${t}/handout.pdf?${q}`),
    },
    {
      name: "ticks",
      method: "POST",
      url: fc.oneof(
        segment.map((t) => `/r/${t}/ticks`),
        fc.constant(`${link}/ticks`),
      ),
    },
  ];
  for (const route of routes) {
    for (const client of [anonymous, signedIn]) {
      await fc.assert(
        fc.asyncProperty(route.url, body, fc.boolean(), async (url, payload, json) => {
          await send(client, route.method, url, payload, json ? { accept: "application/json" } : {});
        }),
        runs,
      );
    }
  }
  await Promise.all([anonymous.dispose(), signedIn.dispose()]);
});
