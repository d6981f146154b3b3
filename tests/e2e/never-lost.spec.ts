import { execFileSync } from "node:child_process";
import { mkdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { expect, test, type Locator, type Page } from "@playwright/test";
import { e2e } from "./servers";
import { admin, createPatient, signIn, startFromTemplate, unique } from "./helpers";

const pdftotext = (file: string) => execFileSync("pdftotext", ["-enc", "UTF-8", file, "-"], { encoding: "utf8" }).replace(/\s+/g, " ");
const shot = (page: Page, name: string) => {
  mkdirSync(e2e.screenshots, { recursive: true });
  return page.screenshot({ path: path.join(e2e.screenshots, `${name}.png`) });
};
const phone = { width: 390, height: 844 };
const desktop = { width: 1280, height: 800 };

/** Opens Cat-Cow's dose and sets it to `sets` × `reps` (no range): the sentence the handout prints. */
async function setCatCowDose(page: Page, sets: string, reps: string) {
  const catCow = page.getByTestId("routine-item").filter({ hasText: "Cat-Cow" });
  const reps_ = catCow.getByLabel("Reps", { exact: true });
  if (!(await reps_.isVisible())) await catCow.getByText("Dose and note for Cat-Cow").click();
  await catCow.getByLabel("Sets").fill(sets);
  await reps_.fill(reps);
  await catCow.getByLabel("Reps, up to").fill("");
  await expect(catCow.getByTestId("dose-sentence")).toContainText(`${sets} sets of ${reps}`);
  return catCow;
}

async function newRoutine(page: Page, name: string) {
  await signIn(page, admin.email, admin.password);
  const patient = unique(name);
  await createPatient(page, patient);
  await startFromTemplate(page, patient);
  return patient;
}

test("leaving the builder with unsaved changes asks first: Stay keeps the edits, Back asks too, Leave goes", async ({ page }) => {
  const patient = await newRoutine(page, "Nia Leaver");
  const routineUrl = page.url();
  const catCow = await setCatCowDose(page, "2", "17");
  await expect(page.getByText("Unsaved changes", { exact: true })).toBeVisible();

  // An in-app link (the way back to the patient): the dialog, and nothing has moved.
  await page.getByRole("main").getByRole("link", { name: patient, exact: true }).click();
  const dialog = page.getByRole("dialog", { name: "Leave without saving?" });
  await expect(dialog).toBeVisible();
  await expect(dialog.getByRole("button", { name: "Stay and keep editing" })).toBeFocused();
  await shot(page, "builder-leave-dialog");
  await dialog.getByRole("button", { name: "Stay and keep editing" }).click();
  await expect(dialog).toBeHidden();
  expect(page.url()).toBe(routineUrl);
  await expect(catCow.getByLabel("Reps", { exact: true })).toHaveValue("17");

  // The navigation bar's links and the browser's Back are caught too; Escape is "stay".
  await page.getByRole("navigation").getByRole("link", { name: "Patients", exact: true }).click();
  await expect(dialog).toBeVisible();
  await page.keyboard.press("Escape");
  await expect(dialog).toBeHidden();
  await page.goBack();
  await expect(dialog).toBeVisible();
  await dialog.getByRole("button", { name: "Stay and keep editing" }).click();
  expect(page.url()).toBe(routineUrl);
  await expect(catCow.getByLabel("Reps", { exact: true })).toHaveValue("17");

  // "Leave without saving" goes where the link pointed; the work stays in this browser, offered back on return.
  await page.getByRole("main").getByRole("link", { name: patient, exact: true }).click();
  await dialog.getByRole("button", { name: "Leave without saving" }).click();
  await expect(page.getByRole("heading", { level: 1, name: patient })).toBeVisible();
  await page.goto(routineUrl);
  await page.getByTestId("draft-prompt").getByRole("button", { name: "Restore" }).click();
  await expect(catCow.getByLabel("Reps", { exact: true })).toHaveValue("17");

  // Closing or reloading the tab: the browser's own question.
  const asked: string[] = [];
  page.on("dialog", (d) => {
    asked.push(d.type());
    void d.accept();
  });
  await page.reload();
  expect(asked).toEqual(["beforeunload"]);
  await expect(page.getByTestId("draft-prompt")).toBeVisible();

  // "Save and leave": saved as a new revision, then on its way; nothing is offered back afterwards.
  await page.getByTestId("draft-prompt").getByRole("button", { name: "Restore" }).click();
  await page.getByRole("main").getByRole("link", { name: patient, exact: true }).click();
  await dialog.getByRole("button", { name: "Save and leave" }).click();
  await expect(page.getByRole("heading", { level: 1, name: patient })).toBeVisible();
  await page.goto(routineUrl);
  await expect(page.getByText(`For ${patient} · revision 2`)).toBeVisible();
  await expect(catCow.getByLabel("Reps", { exact: true })).toHaveValue("17");
  await expect(page.getByTestId("draft-prompt")).toHaveCount(0);
});

test("after a reload the unsaved work is offered back; Restore puts it back, saving clears it", async ({ page }) => {
  await newRoutine(page, "Rhys Reloader");
  await setCatCowDose(page, "3", "21");
  await page.getByLabel("Routine title").fill("Rhys's mornings");
  await page.waitForTimeout(600); // kept a moment after the last keystroke
  page.on("dialog", (d) => void d.accept()); // "Leave site?": yes, as after a crash
  await page.reload();

  const prompt = page.getByTestId("draft-prompt");
  await expect(prompt).toContainText(/Restore unsaved changes from \d\d:\d\d\?/);
  await expect(page.getByLabel("Routine title")).toHaveValue("Upper back pain — mobility");
  for (const [size, name] of [
    [phone, "builder-restore-prompt-phone"],
    [desktop, "builder-restore-prompt"],
  ] as const) {
    await page.setViewportSize(size);
    await prompt.scrollIntoViewIfNeeded();
    await shot(page, name);
  }

  await prompt.getByRole("button", { name: "Restore" }).click();
  await expect(prompt).toBeHidden();
  await expect(page.getByLabel("Routine title")).toHaveValue("Rhys's mornings");
  const catCow = page.getByTestId("routine-item").filter({ hasText: "Cat-Cow" });
  await expect(catCow.getByTestId("dose-sentence")).toContainText("3 sets of 21");
  await expect(page.getByText("Unsaved changes", { exact: true })).toBeVisible();
  await page.getByRole("button", { name: "Save routine" }).click();
  await expect(page.getByText("Saved as revision 2.")).toBeVisible();

  await page.reload();
  await expect(page.getByLabel("Routine title")).toHaveValue("Rhys's mornings");
  await expect(page.getByTestId("draft-prompt")).toHaveCount(0);

  // Discard forgets it for good.
  await page.getByLabel("Routine title").fill("Thrown away");
  await page.waitForTimeout(600);
  await page.reload();
  await page.getByTestId("draft-prompt").getByRole("button", { name: "Discard" }).click();
  await expect(page.getByLabel("Routine title")).toHaveValue("Rhys's mornings");
  await page.reload();
  await expect(page.getByLabel("Routine title")).toHaveValue("Rhys's mornings");
  await expect(page.getByTestId("draft-prompt")).toHaveCount(0);
});

test("Download PDF with an unsaved dose saves it first and prints what is on screen", async ({ page }) => {
  await newRoutine(page, "Pia Printer");
  await setCatCowDose(page, "2", "23");
  const form = page.getByRole("region", { name: "Printable handout" });
  const [download] = await Promise.all([page.waitForEvent("download"), form.getByRole("button", { name: "Download PDF" }).click()]);
  await expect(page.getByText("Saved as revision 2.")).toBeVisible();
  await expect(page.getByRole("button", { name: "Download PDF" })).toBeEnabled();
  const file = path.join(test.info().outputDir, "handout.pdf");
  await download.saveAs(file);
  const text = pdftotext(file);
  expect(text).toContain("2 sets of 23");
  expect(text).not.toContain("2 sets of 10");

  // Creating a link saves first too: the patient's page shows what is on screen.
  await setCatCowDose(page, "2", "24");
  const share = page.getByRole("region", { name: "Patient links" });
  await share.getByLabel("Label").fill("phone");
  await share.getByRole("button", { name: "Create link" }).click();
  await expect(page.getByText("Saved as revision 3.")).toBeVisible();
  const url = await share.getByTestId("new-share-link").getByLabel("Link for the patient").inputValue();
  await page.goto(url);
  await expect(page.getByText("2 sets of 24").first()).toBeVisible();
});

test("from the patient list to a printed handout and a link in at most 5 clicks, with a template", async ({ page }) => {
  await signIn(page, admin.email, admin.password);
  const patient = unique("Cato Clicks");
  await createPatient(page, patient);
  // Every click of the path goes through here, and is counted.
  let clicks = 0;
  const click = async (target: Locator) => {
    clicks++;
    await target.click();
  };
  await page.goto(`/admin/patients?view=all&q=${encodeURIComponent(patient)}`);

  const look = async (name: string) => {
    for (const [size, suffix] of [
      [phone, "phone"],
      [desktop, "desktop"],
    ] as const) {
      await page.setViewportSize(size);
      await page.screenshot({ path: test.info().outputPath(`${name}-${suffix}.png`) });
    }
  };
  await look("patient-list");
  const row = page.getByRole("table", { name: "Patients" }).locator("tbody tr", { hasText: patient });
  await expect(row.getByRole("link", { name: "New routine from template" })).toHaveAccessibleDescription(patient);
  await click(row.getByRole("link", { name: "New routine from template" }));
  await expect(page.getByRole("heading", { level: 1, name: `New routine for ${patient}` })).toBeVisible();
  await look("template-choice");
  await click(page.getByRole("button", { name: "Use this template: Upper back pain — mobility" }));
  await expect(page.getByText(`For ${patient} · revision 1`)).toBeVisible();
  const [download] = await Promise.all([page.waitForEvent("download"), click(page.getByRole("button", { name: "Save, print and share" }))]);

  expect(clicks).toBeLessThanOrEqual(5);
  const result = page.getByTestId("save-print-share-result");
  await expect(result).toContainText("Handout downloading, with the new link “Handout”");
  const url = await result.getByLabel("Link for the patient").inputValue();
  expect(url).toMatch(/\/r\/[A-Za-z0-9_-]{43}$/);
  await expect(result.getByRole("img", { name: /QR code/ })).toBeVisible();
  const file = path.join(test.info().outputDir, "handout.pdf");
  await download.saveAs(file);
  expect(readFileSync(file).subarray(0, 5).toString("latin1")).toBe("%PDF-");
  expect(pdftotext(file)).toContain(`For ${patient}`);
  // The links table lists it; a second time reuses it rather than making another.
  await expect(page.getByTestId("share-links").getByText("Handout", { exact: true })).toBeVisible();
  for (const [size, name] of [
    [phone, "builder-toolbar-phone"],
    [desktop, "builder-toolbar"],
  ] as const) {
    await page.setViewportSize(size);
    await page.getByRole("heading", { level: 1 }).scrollIntoViewIfNeeded();
    await shot(page, name);
  }
  await setCatCowDose(page, "4", "12");
  const [again] = await Promise.all([page.waitForEvent("download"), page.getByRole("button", { name: "Save, print and share" }).click()]);
  await expect(result).toContainText("Saved as revision 2. Handout downloading, with the patient’s active link");
  expect(await result.getByLabel("Link for the patient").inputValue()).toBe(url);
  await expect(page.getByTestId("share-links").getByRole("row")).toHaveCount(2); // heading row and the one link
  await again.saveAs(file);
  expect(pdftotext(file)).toContain("4 sets of 12");

  // The link opens the routine for the patient.
  await page.goto(url);
  await expect(page.getByRole("heading", { level: 1, name: "Upper back pain — mobility" })).toBeVisible();
});

test("duplicate a routine, and copy it to another patient", async ({ page }) => {
  const first = await newRoutine(page, "Dee Duplicate");
  const second = unique("Cy Copied");
  const sourceUrl = page.url();
  await setCatCowDose(page, "2", "19");
  await page.getByRole("button", { name: "Save routine" }).click();
  await expect(page.getByText("Saved as revision 2.")).toBeVisible();
  // Once saved, Back leaves at once: the guard's own history entry is skipped, not a dead press.
  await page.goBack();
  await expect(page).not.toHaveURL(sourceUrl);
  await page.goto(sourceUrl);

  await page.getByRole("button", { name: "Duplicate routine" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Upper back pain — mobility (copy)" })).toBeVisible();
  await expect(page.getByRole("status").filter({ hasText: "Duplicated" })).toBeVisible();
  await expect(page.getByText(`For ${first} · revision 1`)).toBeVisible();
  expect(page.url()).not.toBe(sourceUrl);
  await expect(page.getByTestId("routine-item").filter({ hasText: "Cat-Cow" }).getByTestId("dose-sentence")).toContainText("2 sets of 19");
  await expect(page.getByTestId("revisions").getByRole("listitem")).toHaveCount(1);

  await createPatient(page, second);
  await page.goto(sourceUrl);
  await page.getByRole("link", { name: "Copy to another patient" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Copy to another patient" })).toBeVisible();
  await page.getByLabel("Patient", { exact: true }).selectOption({ label: second });
  await page.getByRole("button", { name: "Copy routine" }).click();
  await expect(page.getByText(`For ${second} · revision 1`)).toBeVisible();
  await expect(page.getByRole("status").filter({ hasText: "Copied for this patient" })).toBeVisible();
  await expect(page.getByTestId("routine-item").filter({ hasText: "Cat-Cow" }).getByTestId("dose-sentence")).toContainText("2 sets of 19");
});
