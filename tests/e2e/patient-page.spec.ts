import { mkdirSync } from "node:fs";
import path from "node:path";
import AxeBuilder from "@axe-core/playwright";
import ICAL from "ical.js";
import { devices, expect, test, type Browser, type Page } from "@playwright/test";
import { e2e } from "./servers";
import { admin, createPatient, signIn, startFromTemplate, unique, withServerDatabase } from "./helpers";

// The patient's page on a 390 × 844 phone (iPhone 13's screen in Chromium), with JavaScript on and off.
const { defaultBrowserType: _engine, ...phone } = devices["iPhone 13"];
void _engine;

/** A patient, their routine from the starter template and a link to it; returns the link and the routine page. */
async function shareRoutine(page: Page, name: string, { signedIn = false } = {}) {
  if (!signedIn) await signIn(page, admin.email, admin.password);
  await createPatient(page, name);
  await startFromTemplate(page, name);
  const routineUrl = page.url();
  const panel = page.getByRole("region", { name: "Patient links" });
  const label = unique("phone");
  await panel.getByLabel("Label").fill(label);
  await panel.getByRole("button", { name: "Create link" }).click();
  await expect(page.getByTestId("new-share-link")).toContainText(`Link “${label}” created.`);
  const url = await page.getByTestId("new-share-link").getByLabel("Link for the patient").inputValue();
  return { url, label, routineUrl };
}

async function openOnPhone(browser: Browser, url: string, javaScriptEnabled: boolean) {
  const context = await browser.newContext({ ...phone, javaScriptEnabled, timezoneId: "UTC" });
  const page = await context.newPage();
  const response = await page.goto(url);
  return { page, response, context };
}

const exercise = (page: Page, name: string) => page.getByRole("article", { name: new RegExp(`^\\d+ ${name}$`) });
const shots = (name: string) => {
  mkdirSync(e2e.screenshots, { recursive: true });
  return path.join(e2e.screenshots, name);
};

for (const js of [true, false]) {
  const mode = js ? "with JavaScript" : "without JavaScript";

  test(`first screen ${mode}: clinic, hello, title, today's progress and the first exercise; instructions fold to two lines`, async ({
    page,
    browser,
  }) => {
    const name = unique("Pat");
    const { url } = await shareRoutine(page, name);
    const patient = await openOnPhone(browser, url, js);
    const p = patient.page;
    await expect(p.getByText(e2e.clinic.name, { exact: true })).toBeInViewport();
    await expect(p.getByText(`Hello ${name}`)).toBeInViewport();
    await expect(p.getByRole("heading", { level: 1 })).toHaveText("Upper back pain — mobility");
    await expect(p.getByText("Today: none of 12 done yet")).toBeInViewport();
    const first = exercise(p, "Shoulder Rolls");
    await expect(first.getByRole("heading", { name: "1 Shoulder Rolls" })).toBeInViewport();
    await expect(first.getByText("10 times, twice a day, 5 days a week")).toBeInViewport();

    // Two lines and "Read more"; the whole text once opened (a <details>: no script needed).
    const short = p.locator(".instructions-short");
    const { height, line } = await short.evaluate((el) => ({
      height: el.getBoundingClientRect().height,
      line: parseFloat(getComputedStyle(el).lineHeight),
    }));
    expect(height).toBeLessThanOrEqual(2 * line + 1);
    if (js) await p.screenshot({ path: shots("patient-first-screen.png") });
    const full = p.locator(".instructions-full");
    await expect(full).toBeHidden();
    await p.getByText("Read more").click();
    await expect(full).toBeVisible();
    await expect(full).toContainText("Contact your clinician if your pain keeps getting worse");
    await expect(short).toBeHidden();
    await patient.context.close();
  });

  test(`a tick per session, pain in one tap and a note that survives Undo ${mode}`, async ({ page, browser }) => {
    test.setTimeout(90_000);
    const name = unique("Tick");
    const { url, routineUrl } = await shareRoutine(page, name);
    const patient = await openOnPhone(browser, url, js);
    const p = patient.page;
    const rolls = exercise(p, "Shoulder Rolls");
    const morning = rolls.getByRole("region", { name: "Morning: Shoulder Rolls" });
    const evening = rolls.getByRole("region", { name: "Evening: Shoulder Rolls" });
    // Twice a day in the dose, so two ticks; a once-a-day exercise has one.
    await expect(rolls.getByRole("button", { name: /done$/ })).toHaveCount(2);
    await expect(exercise(p, "Neck Rolls").getByRole("button", { name: "Done", exact: true })).toHaveCount(1);

    await morning.getByRole("button", { name: "Morning: done" }).click();
    // The confirmation, and straight away the pain score, in view.
    await expect(morning.getByRole("status")).toHaveText("Saved: done for today.");
    await expect(morning.getByRole("status")).toBeInViewport();
    if (js) expect(p.url()).toBe(url);
    else await expect(p).toHaveURL(/\?done=0&session=0&day=\d{4}-\d{2}-\d{2}#tick-0-0$/);
    await expect(morning.getByRole("group", { name: "How much pain did it cause?" })).toBeInViewport();
    await expect(morning.getByText("0 no pain")).toBeVisible();
    await expect(morning.getByText("10 worst pain imaginable")).toBeVisible();
    if (js) await morning.screenshot({ path: shots("patient-pain.png") });
    await morning.getByRole("button", { name: "4", exact: true }).click();
    await expect(morning.getByText("Morning: done · pain 4 out of 10")).toBeVisible();
    await expect(morning.getByRole("button", { name: "4", exact: true })).toHaveAttribute("aria-pressed", "true");
    await morning.getByLabel("A note for your clinician (if you like)").fill("Right shoulder clicked a little");
    await morning.getByRole("button", { name: "Save note" }).click();
    await expect(morning.getByText("Morning: done · pain 4 out of 10")).toBeVisible();
    await expect(morning.getByLabel("A note for your clinician (if you like)")).toHaveValue("Right shoulder clicked a little");
    await expect(p.getByText("Today: 1 of 12 done")).toBeVisible();

    await evening.getByRole("button", { name: "Evening: done" }).click();
    await expect(evening.getByText("Evening: done")).toBeVisible();
    await expect(p.getByText("Today: 2 of 12 done")).toBeVisible();

    // Undo takes the tick back but keeps the note.
    await morning.getByRole("button", { name: "Not done? Undo" }).click();
    await expect(morning.getByRole("status")).toHaveText("Marked as not done.");
    await expect(p.getByText("Today: 1 of 12 done")).toBeVisible();
    await morning.getByRole("button", { name: "Morning: done" }).click();
    await expect(morning.getByLabel("A note for your clinician (if you like)")).toHaveValue("Right shoulder clicked a little");
    await expect(p.getByText("Today: 2 of 12 done")).toBeVisible();
    await patient.context.close();

    // The clinician's progress counts sessions: two of the day's twelve.
    await page.goto(routineUrl);
    const progress = page.getByTestId("progress");
    await progress.getByText("Show the numbers as a table").click();
    await expect(progress.getByTestId("progress-table").getByRole("row").nth(1)).toContainText("2 of 12");
    await expect(progress.getByTestId("comments")).toContainText("Right shoulder clicked a little");
  });

  test(`reminders in the patient's own calendar at the times they pick ${mode}; empty once the link is revoked`, async ({
    page,
    browser,
    request,
  }) => {
    const { url, label } = await shareRoutine(page, unique("Cal"));
    const patient = await openOnPhone(browser, url, js);
    const p = patient.page;
    const reminders = p.getByRole("region", { name: "Reminders" });
    await reminders.getByText("Add to my calendar", { exact: true }).click();
    await reminders.getByLabel("Second reminder of the day").selectOption("midday");
    await reminders.getByRole("button", { name: "Use these times" }).click();
    await expect(p).toHaveURL(/\?at=morning&at=midday#calendar$/);
    const feed = `${url}/calendar.ics?at=morning&at=midday`;
    await expect(reminders.getByRole("link", { name: "Add to my calendar app" })).toHaveAttribute(
      "href",
      feed.replace(/^http:/, "webcal:"),
    );
    await expect(reminders.getByRole("link", { name: "Add to my calendar app" })).toBeInViewport();
    const download = reminders.getByRole("link", { name: "Download a calendar file (.ics)" });
    await expect(download).toHaveAttribute("href", `${feed}&download=1`);
    if (js) await reminders.screenshot({ path: shots("patient-calendar.png") });
    await patient.context.close();

    const file = await request.get(`${feed}&download=1`);
    expect(file.status()).toBe(200);
    expect(file.headers()["content-type"]).toBe("text/calendar; charset=utf-8");
    expect(file.headers()["content-disposition"]).toBe('attachment; filename="my-exercises.ics"');
    const events = new ICAL.Component(ICAL.parse(await file.text())).getAllSubcomponents("vevent").map((v) => new ICAL.Event(v));
    expect(events.map((e) => `${e.startDate.hour}:${e.startDate.minute}`)).toEqual(["8:0", "12:30"]);
    expect(events.map((e) => e.component.getFirstPropertyValue("url"))).toEqual([url, url]);
    expect((await request.get(`${url}/calendar.ics?at=teatime`)).status()).toBe(400);

    await page
      .getByTestId("share-links")
      .getByRole("button", { name: `Revoke the link “${label}”` })
      .click();
    await expect(page.getByTestId("share-links").getByRole("row", { name: new RegExp(label) })).toContainText("Revoked");
    const emptied = await request.get(feed);
    expect(emptied.status()).toBe(200);
    expect(new ICAL.Component(ICAL.parse(await emptied.text())).getAllSubcomponents("vevent")).toHaveLength(0);
  });

  test(`a dead link names the clinic and how to reach it, alike for unknown, revoked and expired ${mode}`, async ({
    page,
    browser,
    request,
  }) => {
    const { url, label } = await shareRoutine(page, unique("Dead"));
    const unknown = await request.get(`/r/${"y".repeat(43)}`);
    expect(unknown.status()).toBe(404);
    const body = await unknown.text();
    expect(body).toContain(e2e.clinic.name);
    expect(body).not.toContain("<script");

    await page
      .getByTestId("share-links")
      .getByRole("button", { name: `Revoke the link “${label}”` })
      .click();
    await expect(page.getByTestId("share-links").getByRole("row", { name: new RegExp(label) })).toContainText("Revoked");
    const revoked = await request.get(url);
    expect(revoked.status()).toBe(404);
    expect(await revoked.text()).toBe(body);

    const expiredLink = await shareRoutine(page, unique("Expired"), { signedIn: true });
    await withServerDatabase((client) =>
      client.execute({ sql: "UPDATE share_links SET expires_at = ? WHERE label = ?", args: [Date.now() - 60_000, expiredLink.label] }),
    );
    const expired = await request.get(expiredLink.url);
    expect(expired.status()).toBe(404);
    expect(await expired.text()).toBe(body);

    const patient = await openOnPhone(browser, url, js);
    expect(patient.response!.status()).toBe(404);
    const p = patient.page;
    await expect(p.getByRole("heading", { level: 1 })).toHaveText("This link is no longer active");
    await expect(p.getByText(e2e.clinic.name).first()).toBeVisible();
    await expect(p.getByRole("link", { name: "0117 496 0000" })).toHaveAttribute("href", "tel:01174960000");
    await expect(p.getByText("12 Quay Street, Bristol BS1 4DJ")).toBeVisible();
    if (js) await p.screenshot({ path: shots("patient-dead-link.png") });
    await patient.context.close();
  });
}

test("text size: a control that is remembered on the phone, and absent without JavaScript", async ({ page, browser }) => {
  const { url } = await shareRoutine(page, unique("Size"));
  const context = await browser.newContext({ ...phone, timezoneId: "UTC" });
  const p = await context.newPage();
  await p.goto(url);
  const control = p.getByRole("group", { name: "Text size" });
  await expect(control).toBeVisible();
  const fontSize = () => p.getByRole("heading", { level: 1 }).evaluate((el) => parseFloat(getComputedStyle(el).fontSize));
  const normal = await fontSize();
  await control.getByRole("button", { name: "A++" }).click();
  await expect(control.getByRole("button", { name: "A++" })).toHaveAttribute("aria-pressed", "true");
  expect(await fontSize()).toBeGreaterThan(normal * 1.3);
  await p.reload();
  await expect(p.getByRole("group", { name: "Text size" }).getByRole("button", { name: "A++" })).toHaveAttribute("aria-pressed", "true");
  expect(await fontSize()).toBeGreaterThan(normal * 1.3);
  await context.close();

  const plain = await openOnPhone(browser, url, false);
  await expect(plain.page.getByRole("heading", { level: 1 })).toBeVisible();
  await expect(plain.page.getByRole("group", { name: "Text size" })).toBeHidden();
  await plain.context.close();
});

test("hold timer: large digits counting down, then a buzz; without JavaScript the dose still says how long", async ({ page, browser }) => {
  const { url } = await shareRoutine(page, unique("Hold"));
  const context = await browser.newContext({ ...phone, timezoneId: "UTC" });
  await context.addInitScript(() => {
    const calls: unknown[] = [];
    (window as unknown as { vibrations: unknown[] }).vibrations = calls;
    navigator.vibrate = ((pattern: unknown) => (calls.push(pattern), true)) as Navigator["vibrate"];
  });
  const p = await context.newPage();
  await p.clock.install();
  await p.goto(url);
  const stretch = exercise(p, "Upper Trapezius Stretch");
  await stretch.getByRole("button", { name: "Start 20 s hold" }).click();
  const digits = stretch.getByRole("timer");
  await expect(digits).toHaveText("20");
  expect(await digits.evaluate((el) => parseFloat(getComputedStyle(el).fontSize))).toBeGreaterThanOrEqual(40);
  await p.clock.runFor(5_000);
  await expect(digits).toHaveText("15");
  expect(await p.evaluate(() => (window as unknown as { vibrations: unknown[] }).vibrations.length)).toBe(0);
  await p.clock.runFor(15_500);
  await expect(digits).toHaveText("Done: relax");
  expect(await p.evaluate(() => (window as unknown as { vibrations: unknown[] }).vibrations.length)).toBe(1);
  await context.close();

  const plain = await openOnPhone(browser, url, false);
  const still = exercise(plain.page, "Upper Trapezius Stretch");
  await expect(still.getByText(/hold each for 20/)).toBeVisible();
  await expect(still.getByRole("button", { name: "Start 20 s hold" })).toBeHidden();
  await plain.context.close();
});

test("light and fast: under 60 KB on first load, nothing from another host, no React; axe finds nothing", async ({ page, browser }) => {
  const { url } = await shareRoutine(page, unique("Light"));
  const context = await browser.newContext({ ...phone, timezoneId: "UTC" });
  const p = await context.newPage();
  const loaded: { url: string; bytes: number }[] = [];
  p.on("requestfinished", async (request) => {
    const sizes = await request.sizes();
    loaded.push({ url: request.url(), bytes: sizes.responseBodySize + sizes.responseHeadersSize });
  });
  await p.goto(url, { waitUntil: "networkidle" });
  const origin = new URL(url).origin;
  for (const { url: address } of loaded) expect(address.startsWith(`${origin}/`), address).toBe(true);
  expect(loaded.some((r) => r.url.includes("/_next/"))).toBe(false); // no React, no router: HTML, CSS and our script
  expect(loaded.map((r) => new URL(r.url).pathname)).toContain("/patient.js");
  const total = loaded.reduce((sum, r) => sum + r.bytes, 0);
  expect(total).toBeLessThanOrEqual(60 * 1024);

  // Accessibility, judged by axe: the first screen, a session ticked (pain buttons and note), the calendar panel.
  const scan = async () => expect((await new AxeBuilder({ page: p }).analyze()).violations).toEqual([]);
  await scan();
  await exercise(p, "Shoulder Rolls").getByRole("button", { name: "Morning: done" }).click();
  await expect(exercise(p, "Shoulder Rolls").getByRole("group", { name: "How much pain did it cause?" })).toBeVisible();
  await p.getByText("Add to my calendar", { exact: true }).click();
  await p.getByText("Read more").click();
  await scan();
  await context.close();

  // The page as a phone without JavaScript has it (axe itself needs JavaScript: serve the page without its scripts).
  const plain = await browser.newContext({ ...phone, timezoneId: "UTC" });
  const html = await (await plain.request.get(url)).text();
  await plain.route(url, (route) =>
    route.fulfill({ contentType: "text/html; charset=utf-8", body: html.replace(/<script\b[\s\S]*?<\/script>/g, "") }),
  );
  const bare = await plain.newPage();
  await bare.goto(url);
  await expect(bare.getByRole("group", { name: "Text size" })).toBeHidden();
  expect((await new AxeBuilder({ page: bare }).analyze()).violations).toEqual([]);
  await plain.close();
});
