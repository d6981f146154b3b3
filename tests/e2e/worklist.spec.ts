import { mkdirSync } from "node:fs";
import path from "node:path";
import { devices, expect, test } from "@playwright/test";
import { e2e } from "./servers";
import { admin, createPatient, signIn, startFromTemplate, unique } from "./helpers";

const { defaultBrowserType: _engine, ...phone } = devices["iPhone 13"];
void _engine;

const shots = (name: string) => {
  mkdirSync(e2e.screenshots, { recursive: true });
  return path.join(e2e.screenshots, name);
};

test("a pain score of 8 and a comment from the patient's phone are on the dashboard's worklist, open the routine, and Mark as read clears them", async ({
  page,
  browser,
}) => {
  test.setTimeout(90_000);
  await signIn(page, admin.email, admin.password);
  // The quick actions: a new patient straight from the dashboard.
  await expect(page.getByRole("link", { name: "New routine" }).first()).toBeVisible();
  await page.getByRole("link", { name: "New patient" }).first().click();
  await expect(page.getByRole("heading", { level: 1, name: "New patient" })).toBeVisible();
  const name = unique("Noor");
  await createPatient(page, name);
  await startFromTemplate(page, name);
  const routineUrl = page.url();
  const panel = page.getByRole("region", { name: "Patient links" });
  await panel.getByLabel("Label").fill("phone");
  await panel.getByRole("button", { name: "Create link" }).click();
  const url = await page.getByTestId("new-share-link").getByLabel("Link for the patient").inputValue();

  // The patient, on their phone: done, pain 8, and a note.
  const context = await browser.newContext({ ...phone, timezoneId: "UTC" });
  const p = await context.newPage();
  await p.goto(url);
  const morning = p.getByRole("region", { name: "Morning: Shoulder Rolls" });
  await morning.getByRole("button", { name: "Morning: done" }).click();
  await morning.getByRole("button", { name: "8", exact: true }).click();
  await expect(morning.getByText("Morning: done · pain 8 out of 10")).toBeVisible();
  await morning.getByLabel("A note for your clinician (if you like)").fill("Made me dizzy, stopped after 3");
  await morning.getByRole("button", { name: "Save note" }).click();
  await expect(morning.getByLabel("A note for your clinician (if you like)")).toHaveValue("Made me dizzy, stopped after 3");
  await context.close();

  await page.goto("/admin");
  const worklist = page.getByRole("region", { name: "Needs attention" });
  const rows = worklist.getByTestId("attention-item").filter({ hasText: name });
  await expect(rows).toHaveCount(2);
  const pain = rows.filter({ hasText: "Pain 8 out of 10" });
  await expect(pain).toContainText("at or above the clinic's alert level of 7");
  await expect(pain).toContainText("Shoulder Rolls");
  const comment = rows.filter({ hasText: "A new comment" });
  await expect(comment).toContainText("Made me dizzy, stopped after 3");
  await page.screenshot({ path: shots("dashboard-worklist.png"), fullPage: false });

  // The row opens the routine, where the day's highest pain is beside the mean.
  await pain.getByRole("link", { name: `${name}: Upper back pain — mobility` }).click();
  await expect(page).toHaveURL(routineUrl);
  await page.getByTestId("progress").getByText("Show the numbers as a table").click();
  await expect(page.getByTestId("progress-table")).toContainText("Pain (highest)");

  // On a phone, the same list in one column.
  const small = await browser.newContext({ ...phone });
  const phonePage = await small.newPage();
  await signIn(phonePage, admin.email, admin.password);
  await expect(
    phonePage.getByRole("region", { name: "Needs attention" }).getByTestId("attention-item").filter({ hasText: name }),
  ).toHaveCount(2);
  const scrollWidth = await phonePage.evaluate(() => document.querySelector(".attention")!.scrollWidth);
  const clientWidth = await phonePage.evaluate(() => document.querySelector(".attention")!.clientWidth);
  expect(scrollWidth).toBeLessThanOrEqual(clientWidth);
  // The worklist in view, below the navigation and the quick actions.
  await phonePage.getByRole("heading", { name: "Hello, Avery" }).scrollIntoViewIfNeeded();
  await phonePage.evaluate(() => document.querySelector("main h1")!.scrollIntoView());
  await phonePage.screenshot({ path: shots("dashboard-worklist-phone.png") });
  await small.close();

  // Mark as read: both the pain score and the comment have been seen.
  await page.goto("/admin");
  await rows.filter({ hasText: "A new comment" }).getByRole("button", { name: "Mark as read" }).click();
  await expect(rows).toHaveCount(0);
  await page.reload();
  await expect(worklist.getByTestId("attention-item").filter({ hasText: name })).toHaveCount(0);
});
