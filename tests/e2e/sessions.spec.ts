import { expect, test } from "@playwright/test";
import { e2e } from "./servers";
import { adminCreatesAccount, openAs, unique } from "./helpers";

const sessionCookie = /^(__Secure-)?authjs\.session-token/;

test("defect 1: a cookie copied before sign-out opens nothing afterwards, and /api/auth/session does not renew it", async ({
  page,
  browser,
  request,
}) => {
  const account = await adminCreatesAccount(page, "Sian Copy");
  const own = await openAs(browser, account);
  const copied = (await own.context().cookies()).filter((c) => sessionCookie.test(c.name));
  expect(copied.length).toBeGreaterThan(0);
  const cookieHeader = copied.map((c) => `${c.name}=${c.value}`).join("; ");

  const before = await request.get(`${e2e.main.url}/api/auth/session`, { headers: { cookie: cookieHeader } });
  expect((await before.json())?.account?.email).toBe(account.email);

  await own.getByRole("button", { name: "Sign out" }).click();
  await expect(own).toHaveURL(/\/login/);

  const admin = await request.get(`${e2e.main.url}/admin/settings`, { headers: { cookie: cookieHeader }, maxRedirects: 0 });
  expect(admin.status()).toBe(307);
  const session = await request.get(`${e2e.main.url}/api/auth/session`, { headers: { cookie: cookieHeader } });
  expect(await session.json()).toBeNull();
  // The dead cookie is cleared, never re-issued with a fresh expiry.
  const setCookies = session
    .headersArray()
    .filter((h) => h.name.toLowerCase() === "set-cookie")
    .map((h) => h.value);
  for (const value of setCookies.filter((v) => sessionCookie.test(v))) expect(value).toMatch(/=;|Max-Age=0|Expires=Thu, 01 Jan 1970/i);
});

test("Settings lists your sessions; sign out everywhere ends the others; an admin can end someone's sessions", async ({
  page,
  browser,
}) => {
  const account = await adminCreatesAccount(page, unique("Noor"));
  const laptop = await openAs(browser, account);
  const phone = await openAs(browser, account);
  await laptop.goto("/admin/settings");
  const table = laptop.getByRole("table", { name: "Active sessions" });
  await expect(table.locator("tbody tr")).toHaveCount(2);
  await expect(table).toContainText("This browser");

  // The admin signs them out everywhere from the Users page.
  await page.goto("/admin/users");
  const ended = page.waitForResponse((r) => r.request().method() === "POST" && r.url().includes("/admin/users"));
  await page.getByRole("button", { name: `Sign ${account.name} out everywhere` }).click();
  await ended;
  await phone.goto("/admin/settings");
  await expect(phone).toHaveURL(/\/login/);
  await laptop.reload();
  await expect(laptop).toHaveURL(/\/login/);

  // They sign in twice again, then signs out everywhere from one of them.
  const again = await openAs(browser, account);
  const other = await openAs(browser, account);
  await again.goto("/admin/settings");
  await again.getByRole("button", { name: "Sign out everywhere" }).click();
  await expect(again).toHaveURL(/\/login/);
  await other.goto("/admin/settings");
  await expect(other).toHaveURL(/\/login/);
});
