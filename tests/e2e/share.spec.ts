import { mkdirSync } from "node:fs";
import path from "node:path";
import { devices, expect, test, type Browser, type Page } from "@playwright/test";
import { e2e } from "./servers";
import { readPdf } from "../helpers/pdf-text";
import { admin, createExercise, signIn, unique, withServerDatabase } from "./helpers";

// A phone-sized Chromium (Playwright's iPhone 13 is WebKit by default: keep its screen, not its engine).
const { defaultBrowserType: _engine, ...iPhone } = devices["iPhone 13"];
void _engine;

const privateFields = {
  externalRef: "MRN-SHARE-40417",
  email: "private.patient@example.test",
  phone: "+44 20 7946 0417",
  notes: "Confidential: lumbar fusion 2019",
};

async function createPatientWithPrivateFields(page: Page, name: string) {
  await page.goto("/admin/patients/new");
  await page.getByLabel("Display name").fill(name);
  await page.getByLabel("External reference").fill(privateFields.externalRef);
  await page.getByLabel("Email").fill(privateFields.email);
  await page.getByLabel("Phone").fill(privateFields.phone);
  await page.getByLabel("Private clinical notes").fill(privateFields.notes);
  await page.getByRole("button", { name: "Create patient" }).click();
  await expect(page.getByRole("heading", { level: 1, name })).toBeVisible();
  await page.getByRole("link", { name: "New routine", exact: true }).click();
  await page.getByLabel("Template: Upper back pain — mobility").check();
  await page.getByRole("button", { name: "Create routine" }).click();
  await expect(page.getByText(`For ${name}`)).toBeVisible();
}

/** Creates a link on the routine page and returns its address, read from the one-time reveal. */
async function createLink(page: Page, label: string, lastDay?: string): Promise<string> {
  const panel = page.getByRole("region", { name: "Patient links" });
  await panel.getByLabel("Label").fill(label);
  if (lastDay) {
    await panel.getByLabel("Works for").selectOption("custom");
    await panel.getByLabel("Last day").fill(lastDay);
  }
  await panel.getByRole("button", { name: "Create link" }).click();
  const reveal = page.getByTestId("new-share-link");
  await expect(reveal).toContainText(`Link “${label}” created.`);
  await expect(reveal.getByRole("img", { name: `QR code for the link “${label}”` })).toBeVisible();
  return reveal.getByLabel("Link for the patient").inputValue();
}

async function openOnPhone(browser: Browser, url: string, javaScriptEnabled: boolean) {
  const context = await browser.newContext({ ...iPhone, javaScriptEnabled, timezoneId: "UTC" });
  const page = await context.newPage();
  const response = await page.goto(url);
  return { page, response, close: () => context.close() };
}

const exercise = (page: Page, name: string) => page.getByRole("article", { name: new RegExp(`^\\d+ ${name}$`) });
const tomorrow = () => new Date(Date.now() + 86_400_000).toISOString().slice(0, 10);

/** Moves a link's expiry into the past (the server's clock cannot move). */
const expireLinkInDatabase = (label: string) =>
  withServerDatabase(async (client) => {
    const result = await client.execute({
      sql: "UPDATE share_links SET expires_at = ? WHERE label = ?",
      args: [Date.now() - 60_000, label],
    });
    expect(result.rowsAffected).toBe(1);
  });

/** Three weeks of a patient's ticks, as if they had used the link every few days (there is no going back in time in a browser). */
const seedThreeWeeksOfTicks = (label: string) =>
  withServerDatabase(async (client) => {
    const [link] = (
      await client.execute({ sql: "SELECT id, routine_id FROM share_links WHERE label = ? ORDER BY id DESC LIMIT 1", args: [label] })
    ).rows as unknown as { id: number; routine_id: number }[];
    const [revision] = (
      await client.execute({
        sql: "SELECT number, snapshot FROM routine_revisions WHERE routine_id = ? ORDER BY number DESC LIMIT 1",
        args: [link!.routine_id],
      })
    ).rows as unknown as { number: number; snapshot: string }[];
    const items = (JSON.parse(revision!.snapshot) as { sections: { items: { exerciseId: number }[] }[] }).sections.flatMap((s) => s.items);
    // The routine as if made three weeks ago, with its history: the days before it are not missed days.
    await client.execute({
      sql: "UPDATE routines SET created_at = ? WHERE id = ?",
      args: [Date.now() - 21 * 86_400_000, link!.routine_id],
    });
    const days: { day: string; done: number; pain: number }[] = [];
    for (let back = 20; back >= 1; back--) {
      if (back % 4 === 3) continue; // a day off now and then
      days.push({
        day: new Date(Date.now() - back * 86_400_000).toISOString().slice(0, 10),
        done: 3 + ((back * 7) % 8),
        pain: Math.max(1, Math.round(6 - (20 - back) / 4)),
      });
    }
    for (const { day, done, pain } of days) {
      for (let position = 0; position < done; position++) {
        const comment = position === 0 && pain >= 5 ? `Stiff in the morning (${day})` : "";
        await client.execute({
          sql: "INSERT INTO share_ticks (link_id, day, position, exercise_id, revision, pain, comment) VALUES (?, ?, ?, ?, ?, ?, ?)",
          // Every third day a second, worse score: the day's highest is shown beside the mean.
          args: [
            link!.id,
            day,
            position,
            items[position]!.exerciseId,
            revision!.number,
            position === 0 ? pain : position === 1 && day.endsWith("3") ? pain + 3 : null,
            comment,
          ],
        });
      }
    }
    return days;
  });

test("share a routine, tick it off on a phone with and without JavaScript, follow edits, see progress, revoke", async ({
  page,
  browser,
}) => {
  test.setTimeout(120_000);
  await signIn(page, admin.email, admin.password);
  const patient = "Robin"; // display names need not be unique; this one reads well in the screenshot
  await createPatientWithPrivateFields(page, patient);
  const routineUrl = page.url();
  const url = await createLink(page, "phone");
  expect(url).toMatch(new RegExp(`^${e2e.main.url}/r/[A-Za-z0-9_-]{43}$`));
  const links = page.getByTestId("share-links");
  await expect(links.getByRole("row", { name: /phone/ })).toContainText("Never");

  // Without JavaScript: plain form posts, answered by a redirect back to the page.
  const plain = await openOnPhone(browser, url, false);
  expect(plain.response!.status()).toBe(200);
  await expect(plain.page.getByText(`Hello ${patient}`)).toBeVisible();
  await expect(plain.page.getByRole("heading", { level: 1 })).toHaveText("Upper back pain — mobility");
  const html = await plain.response!.text();
  for (const secret of Object.values(privateFields)) expect(html).not.toContain(secret);
  const rolls = exercise(plain.page, "Shoulder Rolls");
  await rolls.getByRole("button", { name: "Morning: done" }).click();
  await expect(plain.page).toHaveURL(/\?done=0&session=0&day=\d{4}-\d{2}-\d{2}#tick-0-0$/);
  await expect(rolls.getByRole("status")).toHaveText("Saved: done for today.");
  await rolls.getByRole("button", { name: "4", exact: true }).click();
  await rolls.getByLabel("A note for your clinician (if you like)").fill("Right shoulder clicked a little");
  await rolls.getByRole("button", { name: "Save note" }).click();
  await expect(rolls.getByText("Morning: done · pain 4 out of 10")).toBeVisible();
  await exercise(plain.page, "Neck Rolls").getByRole("button", { name: "Done", exact: true }).click();
  await expect(exercise(plain.page, "Neck Rolls").getByText("Done today")).toBeVisible();
  await expect(plain.page.getByText("Today: 2 of 12 done")).toBeVisible();
  await plain.close();

  // With JavaScript: the same forms post with fetch and the page updates in place.
  const phone = await openOnPhone(browser, url, true);
  await expect(phone.page.getByText("Today: 2 of 12 done")).toBeVisible();
  const catCow = exercise(phone.page, "Cat-Cow");
  const posted = phone.page.waitForResponse((r) => r.url().endsWith("/ticks") && r.request().method() === "POST");
  await catCow.getByRole("button", { name: "Done", exact: true }).click();
  expect((await posted).status()).toBe(303);
  await expect(catCow.getByText("Done today")).toBeVisible();
  await expect(phone.page.getByText("Today: 3 of 12 done")).toBeVisible();
  expect(phone.page.url()).toBe(url);
  mkdirSync(e2e.screenshots, { recursive: true });
  const bottom = await exercise(phone.page, "Shoulder Rolls").evaluate((el) => el.getBoundingClientRect().bottom + window.scrollY + 16);
  await phone.page.screenshot({
    path: path.join(e2e.screenshots, "patient-phone.png"),
    fullPage: true,
    clip: { x: 0, y: 0, width: iPhone.viewport.width, height: bottom },
  });

  // The clinician sees the ticks, the pain score and the comment; two opens (returning from a post is not one).
  await page.reload();
  const progress = page.getByTestId("progress");
  await progress.getByText("Show the numbers as a table").click();
  await expect(progress.getByTestId("progress-table").getByRole("row").nth(1)).toContainText("3 of 12");
  await expect(progress.getByTestId("progress-table").getByRole("row").nth(1)).toContainText("25%");
  await expect(progress.getByRole("img", { name: /Exercises ticked per day/ })).toBeVisible();
  await expect(progress.getByRole("img", { name: /Pain scores per day/ })).toBeVisible();
  await expect(progress.getByTestId("comments")).toContainText("Right shoulder clicked a little");
  await expect(links.getByRole("row", { name: /phone/ }).getByRole("cell").nth(4)).toHaveText("2");

  // An edit reaches the same link: a new title and a new exercise with its picture.
  const pictured = unique("Pictured Reach");
  await createExercise(page, pictured);
  await page.getByLabel("Add pictures").setInputFiles(path.join(__dirname, "fixtures", "figure.png"));
  await page.getByLabel("Description (alt text)").fill("Reaching forward from a chair");
  await page.getByRole("button", { name: "Upload" }).click();
  await expect(page.getByTestId("exercise-image")).toHaveCount(1);
  await page.getByRole("radio", { name: "Published", exact: true }).check();
  await page.getByRole("button", { name: "Save changes" }).click();
  await expect(page.getByText("Saved.", { exact: true })).toBeVisible();
  await page.goto(routineUrl);
  await page.getByLabel("Routine title").fill("Upper back — week 2");
  // Added at the end: items keep their positions, so today's ticks still belong to them.
  await page.getByLabel("Add to").selectOption({ label: "Cool-down" });
  await page.getByLabel("Find an exercise").fill(pictured);
  await page.getByRole("button", { name: `Add ${pictured}` }).click();
  await page.getByRole("button", { name: "Save routine" }).click();
  await expect(page.getByText("Saved as revision 2.")).toBeVisible();
  await phone.page.reload();
  await expect(phone.page.getByRole("heading", { level: 1 })).toHaveText("Upper back — week 2");
  await expect(phone.page.getByText(/^Updated on \d{1,2} \w+ \d{4}$/)).toBeVisible();
  const picture = exercise(phone.page, pictured).getByRole("img", { name: "Reaching forward from a chair" });
  await picture.scrollIntoViewIfNeeded();
  await expect(picture).toBeVisible();
  expect(await picture.getAttribute("src")).toMatch(/^\/images\/[0-9a-f]{64}\.png$/);
  await expect(phone.page.getByText("Today: 3 of 13 done")).toBeVisible();

  // The patient's handout comes from the link itself, with a QR code and address leading back to it.
  const handout = await phone.page.request.get(`${url}/handout.pdf`);
  expect(handout.status()).toBe(200);
  expect(handout.headers()["content-type"]).toBe("application/pdf");
  const handoutText = readPdf(await handout.body()).text;
  expect(handoutText).toContain("Upper back — week 2");
  expect(handoutText.replace(/\s+/g, "")).toContain(url.replace(/^https?:\/\//, ""));
  for (const secret of Object.values(privateFields)) expect(handoutText).not.toContain(secret);

  // Revoked: the same plain 404 as any unknown link, for the page and its handout.
  await links.getByRole("button", { name: "Revoke the link “phone”" }).click();
  await expect(links.getByRole("row", { name: /phone/ })).toContainText("Revoked");
  expect((await phone.page.request.get(`${url}/handout.pdf`)).status()).toBe(404);
  const gone = await phone.page.reload();
  expect(gone!.status()).toBe(404);
  await expect(phone.page.getByRole("heading", { level: 1 })).toHaveText("This link is no longer active");
  await expect(phone.page.getByText("Your clinic can send you a new one.")).toBeVisible();
  await phone.close();
});

test("an expired link looks exactly like an unknown one; patient pages send private, unindexed, referrer-free headers", async ({
  page,
  request,
}) => {
  await signIn(page, admin.email, admin.password);
  await createPatientWithPrivateFields(page, unique("Kim Expiry"));
  const label = unique("until tomorrow");
  const url = await createLink(page, label, tomorrow());
  await expect(page.getByTestId("share-links").getByRole("row", { name: new RegExp(label) })).toContainText("Active");

  const open = await request.get(url);
  expect(open.status()).toBe(200);
  const headers = open.headers();
  expect(headers["referrer-policy"]).toBe("no-referrer");
  expect(headers["x-robots-tag"]).toBe("noindex");
  expect(headers["cache-control"]).toBe("private, no-store");
  expect(headers["content-security-policy"]).toContain("frame-ancestors 'none'");
  // Nothing from elsewhere: every script, style and picture comes from this server.
  const html = await open.text();
  // (Anchors are not loads: the calendar links are absolute on purpose, from APP_URL, for calendar apps.)
  const sources = [...html.matchAll(/<(?:script|img|link|source|iframe)\b[^>]*\s(?:src|href)="([^"]+)"/g)].map((m) => m[1]!);
  expect(sources.length).toBeGreaterThan(0);
  for (const source of sources) expect(source, source).toMatch(/^\/(?!\/)/);
  const anchors = [...html.matchAll(/<a\b[^>]*\shref="([^"]+)"/g)].map((m) => m[1]!);
  for (const anchor of anchors) expect(anchor, anchor).toMatch(new RegExp(`^(/(?!/)|(webcal|https?)://${new URL(e2e.main.url).host}/)`));
  const handout = await request.get(`${url}/handout.pdf`);
  expect(handout.status()).toBe(200);
  expect(handout.headers()).toMatchObject({
    "content-type": "application/pdf",
    "cache-control": "private, no-store",
    "referrer-policy": "no-referrer",
  });
  expect((await request.get("/robots.txt")).ok()).toBe(true);
  expect(await (await request.get("/robots.txt")).text()).toContain("Disallow: /r/");

  await expireLinkInDatabase(label);
  const expired = await request.get(url);
  const unknown = await request.get(`/r/${"x".repeat(43)}`);
  expect(expired.status()).toBe(404);
  expect(unknown.status()).toBe(404);
  // Byte for byte the same page, readable without JavaScript.
  const body = await expired.text();
  expect(body).toContain("<h1");
  expect(body).toContain("This link is no longer active");
  expect(body).not.toContain("<script");
  expect(await unknown.text()).toBe(body);
  expect(expired.headers()["referrer-policy"]).toBe("no-referrer");
  expect((await request.get(`${url}/handout.pdf`)).status()).toBe(404);
  const tick = await request.post(`${url}/ticks`, { form: { position: "0", exerciseId: "1" }, maxRedirects: 0 });
  expect(tick.status()).toBe(404);
  expect(await tick.text()).toBe(body);
  await page.reload();
  await expect(page.getByTestId("share-links").getByRole("row", { name: new RegExp(label) })).toContainText("Expired");
});

test("progress over four weeks: a calendar of days ticked, pain as a line, and the numbers as a table", async ({ page }) => {
  await signIn(page, admin.email, admin.password);
  await createPatientWithPrivateFields(page, "Alex");
  const label = "tablet"; // only this test uses it: the seeding below finds the newest link by label
  await createLink(page, label);
  const days = await seedThreeWeeksOfTicks(label);
  await page.reload();
  const progress = page.getByTestId("progress");
  await expect(progress.getByRole("img", { name: /Exercises ticked per day/ })).toBeVisible();
  const heatmap = progress.getByRole("img", { name: /Exercises ticked per day/ });
  const latest = days.at(-1)!;
  await expect(heatmap.locator(`[data-day="${latest.day}"]`)).toHaveAttribute("data-share", String(latest.done / 12)); // twelve sessions: two of the ten exercises are twice a day
  await expect(progress.getByRole("img", { name: /Pain scores per day/ }).locator("circle")).toHaveCount(days.length);
  await progress.getByText("Show the numbers as a table").click();
  await expect(progress.getByTestId("progress-table").getByRole("row")).toHaveCount(days.length + 1);
  await expect(progress.getByTestId("progress-table").getByRole("row").nth(1)).toContainText(`${latest.done} of 12`);
  await expect(progress.getByTestId("progress-table").getByRole("columnheader", { name: "Pain (highest)" })).toBeVisible();
  // Days before the routine was made are "before the start", never missed.
  const firstShown = await heatmap.locator("[data-day]").first().getAttribute("data-day");
  if (Date.parse(firstShown!) < Date.now() - 22 * 86_400_000) {
    await expect(heatmap.locator(`[data-day="${firstShown}"]`)).toHaveAttribute("data-share", "");
    await expect(heatmap.locator(`[data-day="${firstShown}"] title`)).toContainText("before the routine started");
  }
  await expect(progress.getByTestId("comments").getByRole("listitem").first()).toContainText("Stiff in the morning");
  await progress.getByText("Show the numbers as a table").click();
  mkdirSync(e2e.screenshots, { recursive: true });
  await progress.screenshot({ path: path.join(e2e.screenshots, "progress.png") });
});
