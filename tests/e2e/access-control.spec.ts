import { expect, test, type APIRequestContext, type Locator } from "@playwright/test";
import { admin, adminCreatesAccount, createAccount, openAs, signIn, submitSignIn, uniqueEmail } from "./helpers";

const adminPages = [
  "/admin",
  "/admin/exercises",
  "/admin/patients",
  "/admin/routines",
  "/admin/templates",
  "/admin/settings",
  "/admin/users",
];

test("anonymous visitors of admin pages are sent to sign-in, and come back after", async ({ page }) => {
  for (const path of adminPages) {
    const response = await page.request.get(path, { maxRedirects: 0 });
    expect(response.status(), path).toBe(307);
    expect(response.headers().location, path).toContain(`/login?callbackUrl=${encodeURIComponent(path)}`);
  }
  await page.goto("/admin/templates");
  await submitSignIn(page, admin.email, admin.password);
  await expect(page).toHaveURL(/\/admin\/templates$/);
});

test("admin route handlers refuse anonymous requests with 401", async ({ request }) => {
  const response = await request.get("/api/admin/summary");
  expect(response.status()).toBe(401);
  expect(await response.json()).toEqual({ error: "Sign in to use this endpoint." });
});

/**
 * The fields that name the "disable/enable" server action, read from a row's progressive-enhancement form
 * (a useActionState form names its action by reference: `$ACTION_REF_n` plus its `$ACTION_n:…` fields).
 */
async function disableActionFields(row: Locator): Promise<Record<string, string>> {
  // The row holds two forms (disable, sign out everywhere): only the disable form's fields.
  const form = row.locator("form", { has: row.page().getByRole("button", { name: /^(Disable|Enable) / }) });
  const inputs = form.locator('input[name^="$ACTION_"]');
  const fields: Record<string, string> = {};
  for (const input of await inputs.all()) fields[(await input.getAttribute("name"))!] = (await input.getAttribute("value")) ?? "";
  expect(Object.keys(fields).some((name) => /^\$ACTION_(ID_[0-9a-f]+|REF_\d+)$/.test(name))).toBe(true);
  return fields;
}

/** Posts straight to the server action, the way a script would, bypassing the page's UI. */
function postDisable(request: APIRequestContext, actionFields: Record<string, string>, userId: string) {
  return request.post("/admin/users", {
    multipart: { ...actionFields, userId, disabled: "true" },
    maxRedirects: 0,
  });
}

test("a server action refuses direct POSTs: anonymous, wrong role, and a revoked session the proxy lets through", async ({
  page,
  browser,
  playwright,
}) => {
  await signIn(page, admin.email, admin.password);
  const target = { name: "Target Clinician", email: uniqueEmail("target"), password: "target password 1" };
  const clinician = { name: "Other Clinician", email: uniqueEmail("other"), password: "other password 12" };
  const formerAdmin = { name: "Former Admin", email: uniqueEmail("former"), password: "former password 1", role: "admin" as const };
  for (const account of [target, clinician, formerAdmin]) await createAccount(page, account);
  await page.goto("/admin/users");
  const targetRow = page.getByRole("row", { name: new RegExp(target.email) });
  const actionField = await disableActionFields(targetRow);
  const targetId = (await targetRow.locator('input[name="userId"]').first().getAttribute("value"))!;

  // 1. Anonymous: no cookies at all.
  const anonymous = await playwright.request.newContext({ baseURL: page.url() });
  expect((await postDisable(anonymous, actionField, targetId)).status()).toBe(307);

  // 2. A signed-in clinician: past the proxy, refused by the action's own role check.
  const clinicianPage = await openAs(browser, clinician);
  const wrongRole = (await postDisable(clinicianPage.request, actionField, targetId)).status();
  // forbidden() in the action: Next 16 answers a no-JavaScript (MPA) action post that throws it with 404,
  // not 403 (a fetch action gets 403). Step 4 shows the same request from an admin is not refused.
  expect(wrongRole).toBe(404);

  // 3. An admin whose account was disabled: the cookie is still a well-signed JWT, so the proxy lets it
  //    through; only the data-layer session check stops it.
  const formerPage = await openAs(browser, formerAdmin);
  await page.getByRole("button", { name: `Disable ${formerAdmin.name}` }).click();
  await expect(page.getByRole("row", { name: new RegExp(formerAdmin.email) }).getByText("Disabled")).toBeVisible();
  const revoked = await postDisable(formerPage.request, actionField, targetId);
  expect(revoked.status()).toBe(303);
  expect(revoked.headers().location).toContain("/login");

  await page.reload();
  await expect(targetRow.getByText("Active")).toBeVisible();

  // 4. The same request from the admin does disable the account, so the refusals above were real refusals.
  expect((await postDisable(page.request, actionField, targetId)).status()).toBe(200);
  await page.reload();
  await expect(targetRow.getByText("Disabled")).toBeVisible();

  await anonymous.dispose();
  await Promise.all([clinicianPage.context().close(), formerPage.context().close()]);
});
test("a clinician cannot open the admin-only Users page", async ({ page, browser }) => {
  const clinician = await adminCreatesAccount(page, "Casey Clinician");
  const theirs = await openAs(browser, clinician);
  await expect(theirs.getByRole("navigation", { name: "Admin" }).getByRole("link", { name: "Users" })).toHaveCount(0);
  const response = await theirs.goto("/admin/users");
  expect(response?.status()).toBe(403);
  await expect(theirs.getByRole("heading", { name: "Not for your account" })).toBeVisible();
  await theirs.context().close();
});
