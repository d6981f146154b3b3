import { expect, test } from "@playwright/test";
import { e2e } from "./servers";
import { signIn } from "./helpers";

// Two app instances ("fresh-a", "fresh-b") share one sqld server and start with no account at all.
test("first run: /setup creates the admin, then refuses; another instance on the same database signs them in", async ({ browser }) => {
  const owner = { name: "Morgan Owner", email: "Morgan@Clinic.test", password: "first admin password" };

  const a = await browser.newContext({ baseURL: e2e.freshA.url });
  const page = await a.newPage();
  await page.goto("/login");
  await expect(page).toHaveURL(/\/setup$/); // nobody can sign in yet, so sign-in sends you to setup

  // A mistake gets a field-level message and keeps everything typed.
  await page.getByLabel("Your name").fill(owner.name);
  await page.getByLabel("Email").fill(owner.email);
  await page.getByLabel("Password", { exact: true }).fill(owner.password);
  await page.getByLabel("Password again").fill("something else entirely");
  await page.getByRole("button", { name: "Create admin account" }).click();
  await expect(page.getByText("The two passwords do not match.")).toBeVisible();
  await expect(page.getByLabel("Your name")).toHaveValue(owner.name);
  await expect(page.getByLabel("Email")).toHaveValue(owner.email);
  await expect(page.getByLabel("Password", { exact: true })).toHaveValue(owner.password);

  await page.getByLabel("Password again").fill(owner.password);
  await page.getByRole("button", { name: "Create admin account" }).click();
  await expect(page).toHaveURL(/\/admin$/);
  await expect(page.getByTestId("signed-in-user")).toContainText(owner.name);
  await expect(page.getByTestId("count-exercises")).toContainText("30");
  await expect(page.getByRole("link", { name: "Upper back pain — mobility" })).toBeVisible();

  // Setup is now closed, for everyone.
  const stranger = await browser.newContext({ baseURL: e2e.freshA.url });
  const strangerPage = await stranger.newPage();
  await strangerPage.goto("/setup");
  await expect(strangerPage.getByRole("heading", { name: "Setup is complete" })).toBeVisible();
  await expect(strangerPage.getByRole("button", { name: "Create admin account" })).toHaveCount(0);

  // The second instance reads the same database: the account exists there, email in any case.
  const b = await browser.newContext({ baseURL: e2e.freshB.url });
  const pageB = await b.newPage();
  await signIn(pageB, owner.email.toLowerCase(), owner.password, e2e.freshB.url);
  await expect(pageB.getByTestId("signed-in-user")).toContainText(owner.name);
  await pageB.goto("/admin/templates");
  await expect(pageB.getByRole("heading", { name: "Upper back pain — mobility" })).toBeVisible();

  await Promise.all([a.close(), b.close(), stranger.close()]);
});
