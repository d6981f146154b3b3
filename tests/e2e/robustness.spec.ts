import { expect, test } from "@playwright/test";
import { adminCreatesAccount, submitSignIn } from "./helpers";

test("defect 7: the 404 page's scripts all carry the response's nonce and run under the CSP", async ({ page, request }) => {
  const response = await request.get("/no-such-page");
  expect(response.status()).toBe(404);
  const nonce = /'nonce-([A-Za-z0-9+/=]+)'/.exec(response.headers()["content-security-policy"] ?? "")?.[1];
  expect(nonce).toBeTruthy();
  const scripts = [...(await response.text()).matchAll(/<script\b[^>]*>/g)].map((m) => m[0]);
  expect(scripts.length).toBeGreaterThan(0);
  for (const tag of scripts) expect(tag).toContain(`nonce="${nonce}"`);

  const violations: string[] = [];
  page.on("console", (message) => {
    if (/Content Security Policy/i.test(message.text())) violations.push(message.text());
  });
  await page.goto("/no-such-page");
  await expect(page.getByRole("heading", { name: "Page not found" })).toBeVisible();
  expect(violations).toEqual([]);
});

test("defect 9: a POST to an inactive link gets the same plain 404 as a GET", async ({ request }) => {
  const url = `/r/${"y".repeat(43)}`;
  const get = await request.get(url);
  const post = await request.post(url, { form: { anything: "1" } });
  expect(get.status()).toBe(404);
  expect(post.status()).toBe(404);
  expect(await post.text()).toBe(await get.text());
});

test("defect 6: a newline in callbackUrl or ?error=constructor is no 500", async ({ request }) => {
  const login = await request.get("/login?callbackUrl=%2Fadmin%0D%0ASet-Cookie%3A%20x%3D1");
  expect(login.status()).toBe(200);
  const page = await request.get(`/r/${"z".repeat(43)}?error=constructor&item=1`);
  expect(page.status()).toBe(404);
});

test("defect 2: the server believes its socket, not a client's X-Forwarded-For", async ({ page, browser }) => {
  const account = await adminCreatesAccount(page, "Xavier Forward");
  const context = await browser.newContext({
    extraHTTPHeaders: { "x-forwarded-for": "203.0.113.99", "x-routine-socket-address": "203.0.113.98" },
  });
  const spoofer = await context.newPage();
  await spoofer.goto("/login");
  await submitSignIn(spoofer, account.email, account.password);
  await expect(spoofer).toHaveURL(/\/admin/);
  await spoofer.goto("/admin/settings");
  const row = spoofer.getByRole("table", { name: "Active sessions" }).getByRole("row", { name: /This browser/ });
  await expect(row).toContainText(/127\.0\.0\.1|::1/);
  await expect(row).not.toContainText("203.0.113.9");
  await context.close();
});

test("defect 2: a browser that signed in before keeps its allowance while the account is attacked from elsewhere", async ({
  page,
  browser,
}) => {
  const owner = await adminCreatesAccount(page, "Olu Owner");
  const ownBrowser = await (await browser.newContext()).newPage();
  await ownBrowser.goto("/login");
  await submitSignIn(ownBrowser, owner.email, owner.password);
  await expect(ownBrowser).toHaveURL(/\/admin/);
  expect((await ownBrowser.context().cookies()).some((c) => c.name.startsWith("routine-device-") && c.httpOnly)).toBe(true);
  await ownBrowser.getByRole("button", { name: "Sign out" }).click();
  await expect(ownBrowser).toHaveURL(/\/login/);

  const attacker = await (await browser.newContext()).newPage();
  await attacker.goto("/login");
  for (let i = 0; i < 10; i++) {
    await submitSignIn(attacker, owner.email, `guess ${i}`);
    await expect(attacker.getByTestId("form-error")).toBeVisible();
  }
  await submitSignIn(attacker, owner.email, owner.password);
  await expect(attacker.getByTestId("form-error")).toHaveText(/Too many sign-in attempts/);

  // The owner's own browser, with its device cookie, still gets in.
  await submitSignIn(ownBrowser, owner.email, owner.password);
  await expect(ownBrowser).toHaveURL(/\/admin/);
  await Promise.all([attacker.context().close(), ownBrowser.context().close()]);
});
