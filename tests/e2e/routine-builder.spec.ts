import { mkdirSync } from "node:fs";
import path from "node:path";
import AxeBuilder from "@axe-core/playwright";
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
  test.setTimeout(90_000);
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

  // Reorder with the keyboard: the first item's Move down button, pressed with Enter.
  const before = await itemNames(page);
  await page.getByRole("button", { name: `Move ${before[0]} down` }).press("Enter");
  await expect.poll(() => itemNames(page)).toEqual([before[1], before[0], ...before.slice(2)]);

  await saveRoutine(page, 2);
  mkdirSync(e2e.screenshots, { recursive: true });
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

const sectionItemNames = async (page: Page, section: string) =>
  (
    await page
      .getByTestId("routine-section")
      .filter({ has: page.getByRole("button", { name: new RegExp(`^${section} \\d+ exercises?$`) }) })
      .getByTestId("routine-item")
      .locator("strong")
      .allTextContents()
  ).map((t) => t.replace(/^\d+\.\s*/, "").trim());

test("keyboard only: the picker in a few Tabs, moves within and across sections said in words, collapsing, Add to follows", async ({
  page,
}) => {
  test.setTimeout(120_000); // many steps, each waiting for a render, on a shared machine
  await signIn(page, admin.email, admin.password);
  const patient = unique("Kay Board");
  await createPatient(page, patient);
  await startFromTemplate(page, patient);
  await page.reload();

  // From the top of the page to the picker's search box, taking the skip links a keyboard user is offered.
  const search = page.getByLabel("Find an exercise");
  let tabs = 0;
  while (!(await search.evaluate((el) => el === document.activeElement)) && tabs < 100) {
    await page.keyboard.press("Tab");
    tabs++;
    const focused = (await page.evaluate(() => document.activeElement?.textContent ?? "")).trim();
    if (focused === "Skip to content" || focused === "Skip to the exercise picker") await page.keyboard.press("Enter");
  }
  console.log(`Tabs from the top of the routine page to the picker's search: ${tabs}`);
  expect(tabs).toBeLessThanOrEqual(5);
  await expect(search).toBeFocused();

  // Cat-Cow is first of four in Mobility: two steps down, then across into Stretches, then back up.
  const heard = page.getByTestId("builder-announcement");
  const down = page.getByRole("button", { name: "Move Cat-Cow down" });
  await down.focus();
  await page.keyboard.press("Enter");
  await expect(heard).toHaveText("Cat-Cow moved to position 2 of 4 in Mobility.");
  await expect(down).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(heard).toHaveText("Cat-Cow moved to position 3 of 4 in Mobility.");
  await page.keyboard.press("Enter");
  await page.keyboard.press("Enter");
  await expect(heard).toHaveText("Cat-Cow moved to Stretches, position 1 of 4.");
  await expect(down).toBeFocused();
  expect((await sectionItemNames(page, "Stretches"))[0]).toBe("Cat-Cow");
  expect(await sectionItemNames(page, "Mobility")).not.toContain("Cat-Cow");
  // Up goes up, never down: back across the boundary, last in Mobility.
  await page.keyboard.press("Shift+Tab");
  await expect(page.getByRole("button", { name: "Move Cat-Cow up" })).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(heard).toHaveText("Cat-Cow moved to Mobility, position 4 of 4.");
  expect((await sectionItemNames(page, "Mobility")).at(-1)).toBe("Cat-Cow");
  await expect(page.getByRole("button", { name: "Move Cat-Cow up" })).toBeFocused();

  // The section worked on is where the picker adds: its name is on the Add buttons.
  await page.getByRole("button", { name: /^Move Doorway Chest Stretch down/ }).focus();
  await expect(page.getByLabel("Add to").locator("option:checked")).toHaveText("Stretches");
  await search.fill("arm circles");
  const add = page.getByRole("button", { name: "Add Arm Circles to Stretches" });
  await expect(add).toContainText("to Stretches");
  await add.press("Enter");
  await expect(heard).toHaveText("Arm Circles added to Stretches, position 4 of 4.");
  expect((await sectionItemNames(page, "Stretches")).at(-1)).toBe("Arm Circles");
  await page.getByLabel("Section heading").first().focus();
  await expect(page.getByRole("button", { name: "Add Arm Circles to Warm-up" })).toBeVisible();

  // A section collapses to its header, which keeps the count; aria-expanded says which state it is in.
  const toggle = page.getByRole("button", { name: "Mobility 4 exercises" });
  await expect(toggle).toHaveAttribute("aria-expanded", "true");
  await toggle.press("Enter");
  await expect(toggle).toHaveAttribute("aria-expanded", "false");
  await expect(page.getByRole("button", { name: "Move Cat-Cow up" })).toBeHidden();
  // Moving an exercise into a collapsed section opens it, so focus can follow.
  await page.getByRole("button", { name: "Move Shoulder Rolls down" }).focus();
  await page.keyboard.press("Enter");
  await page.keyboard.press("Enter");
  await expect(heard).toHaveText("Shoulder Rolls moved to Mobility, position 1 of 5.");
  await expect(page.getByRole("button", { name: "Mobility 5 exercises" })).toHaveAttribute("aria-expanded", "true");

  // Scrolled down to the sections' heading (vertically only: scrollIntoView may also scroll sideways).
  const toSections = () =>
    page.evaluate(() => window.scrollTo(0, document.getElementById("sections-heading")!.getBoundingClientRect().top + window.scrollY - 12));
  await page.setViewportSize({ width: 1280, height: 800 });
  // Desktop: two columns, the picker beside the sections and still in view after scrolling to the last section.
  const picker = page.getByRole("complementary", { name: "Add exercises" });
  const sections = page.getByTestId("routine-section").first();
  expect((await picker.boundingBox())!.x).toBeGreaterThan((await sections.boundingBox())!.x + (await sections.boundingBox())!.width - 1);
  await page.getByRole("button", { name: /^Cool-down \d/ }).scrollIntoViewIfNeeded();
  await expect(picker).toBeInViewport();
  // axe on the builder with sections folded and open (colours are the whole admin's, judged on their own).
  const axe = await new AxeBuilder({ page }).include(".builder").disableRules(["color-contrast"]).analyze();
  expect(axe.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`)).toEqual([]);
  // For the README: Stretches and Cool-down folded away, the picker showing results for the section worked on.
  await page.getByRole("button", { name: /^Stretches \d/ }).click();
  await page.getByRole("button", { name: /^Cool-down \d/ }).click();
  await page.getByRole("button", { name: "Move Cat-Cow up" }).focus();
  await search.fill("");
  await expect(picker.getByText(/^\d+ published exercises/)).toBeVisible();
  await toSections();
  mkdirSync(e2e.screenshots, { recursive: true });
  await page.screenshot({ path: path.join(e2e.screenshots, "routine-builder.png") });

  // A phone: one column, the picker below the sections, reached by the visible skip link.
  await page.setViewportSize({ width: 390, height: 844 });
  await expect(page.getByRole("link", { name: "Skip to the exercise picker" })).toBeVisible();
  expect((await picker.boundingBox())!.y).toBeGreaterThan((await sections.boundingBox())!.y);
  // The builder itself fits the phone's width (the admin shell around it is another matter).
  expect(await page.locator(".builder").evaluate((el) => el.scrollWidth - el.clientWidth)).toBeLessThanOrEqual(1);
  await toSections();
  await page.screenshot({ path: path.join(e2e.screenshots, "routine-builder-phone.png") });
});
