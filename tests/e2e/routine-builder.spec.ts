import { mkdirSync } from "node:fs";
import path from "node:path";
import { expect, test, type Page } from "@playwright/test";
import { e2e } from "./servers";
import { admin, adminCreatesAccount, createPatient, openAs, signIn, startFromTemplate, unique } from "./helpers";

const items = (page: Page) => page.getByTestId("routine-item");
const itemNames = async (page: Page) =>
  (await items(page).locator("strong").allTextContents()).map((t) => t.replace(/^\d+\.\s*/, "").trim());
const saveRoutine = async (page: Page, revision: number) => {
  await page.getByRole("button", { name: "Save routine" }).click();
  await expect(page.getByText(`Saved as revision ${revision}.`)).toBeVisible();
};

test("build a patient's routine from the template: doses, picker, keyboard reorder, revisions and restore", async ({ page }) => {
  await signIn(page, admin.email, admin.password);
  const patient = unique("Jo Desk-Worker");
  await createPatient(page, patient);
  await startFromTemplate(page, patient);
  await expect(items(page)).toHaveCount(10);

  // Change two doses; the sentence the patient will read follows.
  const catCow = items(page).filter({ hasText: "Cat-Cow" });
  await catCow.getByText("Dose and note for Cat-Cow").click();
  await catCow.getByLabel("Sets").fill("2");
  await catCow.getByLabel("Reps", { exact: true }).fill("10");
  await catCow.getByLabel("Reps, up to").fill("");
  await catCow.getByLabel("Times a day").fill("2");
  await expect(catCow.getByTestId("dose-sentence")).toHaveText("2 sets of 10, twice a day, 5 days a week");
  const doorway = items(page).filter({ hasText: "Doorway Chest Stretch" });
  await doorway.getByText("Dose and note for Doorway Chest Stretch").click();
  await doorway.getByLabel("Hold (seconds)").fill("45");
  await doorway.getByLabel("Hold, up to (s)").fill("");
  await expect(doorway.getByTestId("dose-sentence")).toContainText("45 seconds");

  // Add an exercise from the picker: search, then Enter adds the first match to the chosen section.
  await page.getByLabel("Add to").selectOption({ label: "Cool-down" });
  await page.getByLabel("Find an exercise").fill("arm circles");
  await expect(page.getByRole("list", { name: "Search results" }).getByRole("listitem").first()).toContainText("Arm Circles");
  await page.getByLabel("Find an exercise").press("Enter");
  await expect(items(page)).toHaveCount(11);
  expect((await itemNames(page)).at(-1)).toBe("Arm Circles");
  // One click adds too.
  await page.getByLabel("Find an exercise").fill("wall angels");
  await page.getByRole("button", { name: "Add Wall Angels" }).click();
  await expect(items(page)).toHaveCount(12);
  await items(page).last().getByRole("button", { name: "Remove Wall Angels" }).click();
  await expect(page.getByText("Removed Wall Angels.")).toBeVisible();
  await expect(items(page)).toHaveCount(11);

  // Reorder with the keyboard only: focus the first item's handle, lift with Space, move down, drop.
  const before = await itemNames(page);
  await page.getByRole("button", { name: `Reorder ${before[0]}` }).focus();
  // dnd-kit measures between key presses (as it would between a person's), so give each a frame or two.
  for (const key of ["Space", "ArrowDown", "Space"]) {
    await page.keyboard.press(key);
    await page.waitForTimeout(150);
  }
  await expect.poll(() => itemNames(page)).toEqual([before[1], before[0], ...before.slice(2)]);

  await saveRoutine(page, 2);
  mkdirSync(e2e.screenshots, { recursive: true });
  await page.screenshot({ path: path.join(e2e.screenshots, "routine-builder.png"), fullPage: true });
  await page.getByRole("button", { name: "Patient preview" }).click();
  await expect(page.getByRole("article", { name: "Patient preview" })).toContainText("2 sets of 10, twice a day, 5 days a week");
  await page.screenshot({ path: path.join(e2e.screenshots, "routine-preview.png") });
  await page.reload();
  await expect(page.getByTestId("revisions")).toContainText("Revision 2");
  expect(await itemNames(page)).toEqual([before[1], before[0], ...before.slice(2)]);
  await expect(items(page).filter({ hasText: "Cat-Cow" }).getByTestId("dose-sentence")).toHaveText(
    "2 sets of 10, twice a day, 5 days a week",
  );

  // Restore revision 1 (the template as copied): it becomes revision 3.
  await page.getByRole("button", { name: "Restore revision 1" }).click();
  await expect(page.getByText("Revision 1 restored as the newest revision.")).toBeVisible();
  await expect(page.getByTestId("revisions")).toContainText("Revision 3");
  await expect(items(page)).toHaveCount(10);
  expect((await itemNames(page))[0]).toBe(before[0]);
});

test("a second browser editing the same routine gets a conflict and keeps its changes", async ({ page, browser }) => {
  const colleague = await adminCreatesAccount(page, "Sam Second");
  const patient = unique("Pat Conflict");
  await createPatient(page, patient);
  await startFromTemplate(page, patient);
  const url = page.url();

  const theirs = await openAs(browser, colleague);
  await theirs.goto(url);
  await expect(items(theirs)).toHaveCount(10);

  await page.getByLabel("Routine title").fill("Mobility — week 1");
  await saveRoutine(page, 2);

  await theirs.getByLabel("Instructions for the patient").fill("Do these after your morning coffee.");
  await theirs.getByRole("button", { name: "Save routine" }).click();
  await expect(theirs.getByTestId("form-error")).toContainText(`${admin.name} saved this routine while you were editing`);
  await expect(theirs.getByLabel("Instructions for the patient")).toHaveValue("Do these after your morning coffee.");

  // Saving again on purpose makes theirs the newest revision; the admin's stays in the history.
  await theirs.getByRole("button", { name: "Save routine" }).click();
  await expect(theirs.getByText("Saved as revision 3.")).toBeVisible();
  await theirs.reload();
  await expect(theirs.getByTestId("revisions")).toContainText(`Revision 2 · ${admin.name}`);
  await theirs.context().close();
});

test("save a routine as a template, and the starter template is there from the first start", async ({ page }) => {
  await signIn(page, admin.email, admin.password);
  await page.goto("/admin/templates");
  await expect(page.getByRole("heading", { name: "Upper back pain — mobility" })).toBeVisible();
  const patient = unique("Tem Plate");
  await createPatient(page, patient);
  await startFromTemplate(page, patient);
  const title = unique("Desk worker starter");
  await page.getByLabel("Template title").fill(title);
  await page.getByRole("button", { name: "Save as template" }).click();
  await expect(page.getByText("Saved as a template.")).toBeVisible();
  await page.goto("/admin/templates");
  await expect(page.getByRole("heading", { name: title })).toBeVisible();
});

test("a refused template title comes back as a field error, and what was typed stays", async ({ page }) => {
  await signIn(page, admin.email, admin.password);
  const patient = unique("Blank Title");
  await createPatient(page, patient);
  await startFromTemplate(page, patient);
  // Spaces pass the browser's `required`; the server trims them and refuses.
  await page.getByLabel("Template title").fill("   ");
  await page.getByRole("button", { name: "Save as template" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "Give the template a title." })).toBeVisible();
  await expect(page.getByLabel("Template title")).toHaveValue("   ");
  await expect(page).toHaveURL(/\/admin\/routines\/\d+$/);
});
