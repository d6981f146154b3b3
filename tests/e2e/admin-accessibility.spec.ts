import path from "node:path";
import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Browser, type Page } from "@playwright/test";
import { e2e } from "./servers";
import { admin, createPatient, signIn, startFromTemplate, unique } from "./helpers";

const phone = { width: 390, height: 844 };
const desktop = { width: 1280, height: 800 };

/** Every admin page, with the ids a seeded patient and routine give the ones that need them. */
type Seeded = { patientUrl: string; routineUrl: string; templateUrl: string; exerciseUrl: string; linkUrl: string };
const adminPages = (s: Seeded) => [
  "/admin",
  "/admin/exercises",
  s.exerciseUrl,
  "/admin/exercises/new",
  "/admin/exercises/import",
  "/admin/patients",
  s.patientUrl,
  `${s.patientUrl}/from-template`, // a new routine from a template, for this patient
  "/admin/patients/new",
  "/admin/routines",
  "/admin/routines/new",
  s.routineUrl, // the builder, progress and the patient links panel with a link
  `${s.routineUrl}/copy`, // copy the routine to another patient
  s.templateUrl, // the builder for a template
  "/admin/templates",
  "/admin/settings",
  "/admin/settings/clinic",
  "/admin/users",
];

/** A patient with a routine from the starter template and a patient link. Built once per worker. */
async function seed(browser: Browser): Promise<Seeded> {
  const page = await browser.newPage();
  await signIn(page, admin.email, admin.password);
  const name = unique("Robin Axe");
  await createPatient(page, name);
  const patientUrl = new URL(page.url()).pathname;
  await startFromTemplate(page, name);
  const routineUrl = new URL(page.url()).pathname;
  const panel = page.getByRole("region", { name: "Patient links" });
  await panel.getByLabel("Label").fill("Phone");
  await panel.getByRole("button", { name: "Create link" }).click();
  await expect(page.getByTestId("new-share-link")).toContainText("Link “Phone” created.");
  const linkUrl = await page.getByTestId("new-share-link").getByLabel("Link for the patient").inputValue();
  await page.goto("/admin/templates");
  const templateUrl = new URL(
    await page
      .getByRole("link", { name: "Edit template" })
      .first()
      .evaluate((a: HTMLAnchorElement) => a.href),
  ).pathname;
  await page.goto("/admin/exercises");
  const exerciseUrl = new URL(
    await page
      .locator("a.row-link")
      .first()
      .evaluate((a: HTMLAnchorElement) => a.href),
  ).pathname;
  await page.close();
  return { patientUrl, routineUrl, templateUrl, exerciseUrl, linkUrl };
}

/** axe's serious and critical findings on the page as it is now, one line each, with where they are. */
async function seriousViolations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page })
    // An experimental rule, on by request: a control's name must contain its visible words (speech input).
    .options({ rules: { "label-content-name-mismatch": { enabled: true } } })
    .analyze();
  return results.violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .flatMap((v) => v.nodes.map((n) => `${v.id} (${v.impact}): ${n.target.join(" ")} — ${n.failureSummary?.split("\n")[1]?.trim() ?? ""}`));
}

/** How far the page scrolls sideways, and the elements that stick out past the viewport's right edge. */
async function sidewaysOverflow(page: Page) {
  return page.evaluate(() => {
    const width = document.documentElement.clientWidth;
    const culprits = [...document.querySelectorAll("body *")]
      .filter((el) => el.getBoundingClientRect().right > width + 1 && el.getClientRects().length > 0)
      .filter((el) => !el.closest(".table-wrap, .visually-hidden, .skip-link"))
      .slice(0, 5)
      .map((el) => `${el.tagName.toLowerCase()}.${[...el.classList].join(".")} → ${Math.round(el.getBoundingClientRect().right)}px`);
    return { scrollWidth: document.documentElement.scrollWidth, culprits };
  });
}

async function checkPage(page: Page, url: string, viewportWidth: number) {
  const response = await page.goto(url);
  expect(response?.status(), url).toBe(200);
  await page.waitForLoadState("networkidle");
  expect.soft(await seriousViolations(page), `axe on ${url} at ${viewportWidth} px`).toEqual([]);
  const overflow = await sidewaysOverflow(page);
  expect
    .soft(overflow.scrollWidth, `${url} at ${viewportWidth} px scrolls sideways: ${overflow.culprits.join("; ")}`)
    .toBeLessThanOrEqual(viewportWidth);
}

let seeded: Seeded;
test.beforeAll(async ({ browser }) => {
  seeded = await seed(browser);
});

for (const [screen, viewport] of [
  ["desktop", desktop],
  ["phone", phone],
] as const) {
  test(`every admin page on a ${screen} (${viewport.width} px): no serious axe finding, no sideways scrolling`, async ({ browser }) => {
    test.setTimeout(180_000);
    const context = await browser.newContext({ viewport });
    const page = await context.newPage();
    // Signed out first: sign-in, and setup (a form on an instance nobody has set up, "complete" otherwise).
    await checkPage(page, "/login", viewport.width);
    await checkPage(page, `${e2e.freshB.url}/setup`, viewport.width);
    await signIn(page, admin.email, admin.password);
    for (const url of adminPages(seeded)) await test.step(url, () => checkPage(page, url, viewport.width));
    await context.close();
  });
}

test("on a phone the admin menu is one button that opens and closes by keyboard", async ({ browser }) => {
  const context = await browser.newContext({ viewport: phone });
  const page = await context.newPage();
  await signIn(page, admin.email, admin.password);
  await page.goto("/admin/patients");
  const menu = page.getByTestId("menu-button");
  const nav = page.getByRole("navigation", { name: "Admin" });
  await expect(menu).toHaveAttribute("aria-expanded", "false");
  await expect(nav).toBeHidden();
  await page.screenshot({ path: path.join(e2e.screenshots, "admin-phone-menu-closed.png") });

  // Skip link, the brand, then the menu button.
  for (let tabs = 0; tabs < 5 && !(await menu.evaluate((el) => el === document.activeElement)); tabs++) await page.keyboard.press("Tab");
  await expect(menu).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(menu).toHaveAttribute("aria-expanded", "true");
  await expect(nav.getByRole("link", { name: "Patients" })).toHaveAttribute("aria-current", "page");
  await expect(page.getByRole("button", { name: "Sign out" })).toBeVisible();
  await page.screenshot({ path: path.join(e2e.screenshots, "admin-phone-menu-open.png") });

  // Escape closes it and gives focus back to the button; Space opens it again.
  await page.keyboard.press("Tab");
  await expect(nav.getByRole("link", { name: "Dashboard" })).toBeFocused();
  await page.keyboard.press("Escape");
  await expect(menu).toHaveAttribute("aria-expanded", "false");
  await expect(menu).toBeFocused();
  await expect(nav).toBeHidden();
  await page.keyboard.press("Space");
  await expect(menu).toHaveAttribute("aria-expanded", "true");

  // Following a link closes the menu on the new page.
  await page.keyboard.press("Tab");
  await page.keyboard.press("Tab");
  await expect(nav.getByRole("link", { name: "Exercises" })).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(page.getByRole("heading", { level: 1, name: "Exercises" })).toBeVisible();
  await expect(menu).toHaveAttribute("aria-expanded", "false");
  await expect(nav).toBeHidden();
  await context.close();
});

test("the phone menu opens without JavaScript, and on a desktop the navigation is simply there", async ({ browser }) => {
  const signedIn = await browser.newContext({ viewport: phone });
  await signIn(await signedIn.newPage(), admin.email, admin.password);
  const noScript = await browser.newContext({ viewport: phone, javaScriptEnabled: false, storageState: await signedIn.storageState() });
  const page = await noScript.newPage();
  await page.goto("/admin/exercises");
  const nav = page.getByRole("navigation", { name: "Admin" });
  await expect(nav).toBeHidden();
  await page.getByTestId("menu-button").click();
  await expect(nav.getByRole("link", { name: "Routines" })).toBeVisible();

  const wide = await browser.newContext({ viewport: desktop, storageState: await signedIn.storageState() });
  const desk = await wide.newPage();
  await desk.goto("/admin/patients");
  await expect(desk.getByTestId("menu-button")).toBeHidden();
  await expect(desk.getByRole("navigation", { name: "Admin" }).getByRole("link", { name: "Templates" })).toBeVisible();
  await desk.screenshot({ path: path.join(e2e.screenshots, "admin-desktop.png") });
  await Promise.all([signedIn.close(), noScript.close(), wide.close()]);
});

test("the app's icon: a favicon, an SVG icon, a home-screen PNG and a manifest, linked from admin and patient pages", async ({
  page,
  request,
}) => {
  await page.goto("/login");
  const iconHref = await page.locator('link[rel="icon"][type="image/svg+xml"]').getAttribute("href");
  expect(iconHref).toMatch(/^\/icon\.svg/);
  await expect(page.locator('link[rel="apple-touch-icon"]')).toHaveAttribute("href", /^\/apple-icon\.png/);
  await expect(page.locator('link[rel="manifest"]')).toHaveAttribute("href", "/manifest.webmanifest");
  for (const [url, type] of [
    [iconHref!, "image/svg+xml"],
    ["/apple-icon.png", "image/png"],
    ["/favicon.ico", "image/x-icon"],
    ["/manifest.webmanifest", "application/manifest+json"],
  ] as const) {
    const response = await request.get(url);
    expect(response.status(), url).toBe(200);
    expect(response.headers()["content-type"], url).toContain(type);
  }
  const manifest = (await (await request.get("/manifest.webmanifest")).json()) as { icons: { src: string }[] };
  expect(manifest.icons.map((i) => i.src)).toContain("/icon.svg");

  // The patient's page is plain HTML of its own: it links the same icons.
  await page.goto(seeded.linkUrl);
  await expect(page.locator('link[rel="icon"]')).toHaveAttribute("href", "/icon.svg");
  await expect(page.locator('link[rel="apple-touch-icon"]')).toHaveAttribute("href", "/apple-icon.png");
});
