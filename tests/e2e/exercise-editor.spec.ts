import { mkdirSync } from "node:fs";
import path from "node:path";
import AxeBuilder from "@axe-core/playwright";
import { expect, test } from "@playwright/test";
import { e2e } from "./servers";
import { admin, adminCreatesAccount, createExercise, openAs, signIn, unique } from "./helpers";

const fixture = (name: string) => path.join(__dirname, "fixtures", name);
test("create an exercise with steps and a picture; mistakes keep the form filled", async ({ page }) => {
  await signIn(page, admin.email, admin.password);
  const name = unique("Seated Thoracic Reach");
  await page.goto("/admin/exercises/new");

  // Three steps, typed out of order, then put right with the move buttons.
  await page.getByLabel("Name").fill(name);
  await page.getByRole("textbox", { name: "Step 1", exact: true }).fill("Reach both arms forward and round your upper back.");
  await page.getByRole("button", { name: "Add step" }).click();
  await expect(page.getByRole("textbox", { name: "Step 2", exact: true })).toBeFocused();
  await page.keyboard.type("Return slowly to sitting tall.");
  await page.getByRole("button", { name: "Add step" }).click();
  await expect(page.getByRole("textbox", { name: "Step 3", exact: true })).toBeFocused();
  await page.keyboard.type("Sit tall with your feet flat.");
  await page.getByRole("button", { name: "Move step 3 up" }).click();
  await page.getByRole("button", { name: "Move step 2 up" }).click();
  await page.getByLabel("Category").selectOption("mobility");
  await page.getByLabel("Starting position").selectOption("seated");
  await page.getByRole("checkbox", { name: "Chair" }).check();
  await page.getByLabel("Reps", { exact: true }).fill("8");
  await page.getByLabel("Times a day").fill("two");

  // No body region and a word for a number: field-level messages, nothing typed is lost.
  await page.getByRole("button", { name: "Create exercise" }).click();
  await expect(page.getByTestId("form-error")).toBeVisible();
  await expect(page.getByText("Pick at least one body region.")).toBeVisible();
  await expect(page.getByText("Enter a whole number.")).toBeVisible();
  await expect(page.getByRole("textbox", { name: "Step 1", exact: true })).toHaveValue("Sit tall with your feet flat.");
  await expect(page.getByLabel("Name")).toHaveValue(name);

  await page.getByRole("checkbox", { name: "Mid back" }).check();
  await page.getByLabel("Times a day").fill("2");
  await page.getByRole("button", { name: "Create exercise" }).click();
  await expect(page.getByRole("status")).toContainText("Exercise created.");
  await expect(page.getByRole("heading", { level: 1, name })).toBeVisible();
  await expect(page.getByRole("textbox", { name: "Step 1", exact: true })).toHaveValue("Sit tall with your feet flat.");
  await expect(page.getByRole("textbox", { name: "Step 3", exact: true })).toHaveValue("Return slowly to sitting tall.");

  // A text file named .png is refused by its bytes; a real PNG is stored and becomes the main picture.
  await page.getByLabel("Add pictures").setInputFiles(fixture("not-a-picture.png"));
  await page.getByRole("button", { name: "Upload" }).click();
  await expect(page.getByTestId("form-error")).toContainText('"not-a-picture.png" is not a PNG, JPEG or WebP picture.');
  await page.getByLabel("Add pictures").setInputFiles(fixture("figure.png"));
  await page.getByLabel("Description (alt text)").fill("A person sitting tall on a chair");
  await page.getByRole("button", { name: "Upload" }).click();
  await expect(page.getByTestId("exercise-image")).toHaveCount(1);
  const picture = page.getByRole("img", { name: "A person sitting tall on a chair" });
  await expect(picture).toBeVisible();
  const src = await picture.getAttribute("src");
  expect(src).toMatch(/^\/images\/[0-9a-f]{64}\.png$/);
  const served = await page.request.get(src!);
  expect(served.headers()["content-type"]).toBe("image/png");
  expect(served.headers()["cache-control"]).toContain("immutable");
  mkdirSync(e2e.screenshots, { recursive: true });
  await page.screenshot({ path: path.join(e2e.screenshots, "exercise-editor.png"), fullPage: true });

  await page.goto(`/admin/exercises?q=${encodeURIComponent(name)}&status=all`);
  await expect(
    page.getByRole("table", { name: "Exercise library" }).getByRole("img", { name: "A person sitting tall on a chair" }),
  ).toBeVisible();
});

test("a new exercise takes its pictures before the first save, and the status says what publishing means", async ({ page }) => {
  await signIn(page, admin.email, admin.password);
  const name = unique("Pictured Before Saving");
  await page.goto("/admin/exercises/new");
  await page.getByLabel("Name").fill(name);
  await page.getByRole("textbox", { name: "Step 1", exact: true }).fill("Sit tall on a chair.");
  await page.getByRole("button", { name: "Add step" }).click();
  // Focus goes to the new step's box, so typing carries on.
  await expect(page.getByRole("textbox", { name: "Step 2", exact: true })).toBeFocused();
  await page.keyboard.type("Reach forward slowly.");
  await page.getByRole("checkbox", { name: "Upper back" }).check();

  // Draft by default; each status says what it means.
  await expect(page.getByRole("radio", { name: "Draft", exact: true })).toBeChecked();
  await expect(page.getByRole("radio", { name: "Draft", exact: true })).toHaveAccessibleDescription(/cannot be added to routines/);
  await expect(page.getByRole("radio", { name: "Published", exact: true })).toHaveAccessibleDescription(/patients see it/);
  await page.getByRole("radio", { name: "Published", exact: true }).check();

  // A file no server would take is named at once and can be taken out; nothing is created meanwhile.
  const pictures = page.getByLabel("Choose pictures");
  await pictures.setInputFiles({ name: "notes.txt", mimeType: "text/plain", buffer: Buffer.from("not a picture") });
  await expect(page.getByRole("alert").filter({ hasText: "notes.txt is not a PNG, JPEG or WebP picture." })).toBeVisible();
  await page.getByRole("button", { name: "Create exercise" }).click();
  await expect(page).toHaveURL(/\/admin\/exercises\/new$/);
  await page.getByRole("button", { name: "Remove notes.txt" }).click();
  // A real picture, and one that only looks like one by its name: the server judges its bytes, as for any upload.
  await pictures.setInputFiles([fixture("figure.png"), fixture("not-a-picture.png")]);
  await expect(page.getByTestId("pending-picture")).toHaveCount(2);
  await page.getByLabel("Description (alt text)").fill("A person reaching forward from a chair");
  const axe = await new AxeBuilder({ page }).include("form").disableRules(["color-contrast"]).analyze();
  expect(axe.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`)).toEqual([]);
  mkdirSync(e2e.screenshots, { recursive: true });
  await page.screenshot({ path: path.join(e2e.screenshots, "exercise-new.png"), fullPage: true });
  await page.getByRole("button", { name: "Create exercise" }).click();

  await expect(page.getByRole("heading", { level: 1, name })).toBeVisible();
  await expect(page.getByRole("status").filter({ hasText: "Exercise created." })).toHaveText(
    "Exercise created. 1 picture added. 1 picture was not added: add it again below.",
  );
  await expect(page.getByTestId("exercise-image")).toHaveCount(1);
  await expect(page.getByRole("img", { name: "A person reaching forward from a chair" })).toBeVisible();
  await expect(page.getByRole("radio", { name: "Published", exact: true })).toBeChecked();
  await page.setViewportSize({ width: 390, height: 844 });
  await page.getByRole("radio", { name: "Published", exact: true }).scrollIntoViewIfNeeded();
  await page.screenshot({ path: path.join(e2e.screenshots, "exercise-editor-phone.png") });
});

test("edits are recorded in the history with what changed", async ({ page }) => {
  await signIn(page, admin.email, admin.password);
  const name = unique("History Check");
  await createExercise(page, name);
  await page.getByLabel("One-line summary").fill("A clearer summary.");
  await page.getByRole("radio", { name: "Published", exact: true }).check();
  await page.getByRole("button", { name: "Save changes" }).click();
  await expect(page.getByText("Saved.", { exact: true })).toBeVisible();
  await page.reload();
  const history = page.getByTestId("history");
  await expect(history).toContainText(`${admin.name} edited it (version 2)`);
  await expect(history).toContainText("Summary: A gentle test exercise. → A clearer summary.");
  await expect(history).toContainText("Status: draft → published");
  await expect(history).toContainText(`${admin.name} created it (version 1)`);
});

test("a concurrent edit is refused, says what changed, and keeps the second editor's text", async ({ page, browser }) => {
  const colleague = await adminCreatesAccount(page, "Robin Colleague");
  const url = await createExercise(page, unique("Shared Exercise"));
  const theirs = await openAs(browser, colleague);
  await theirs.goto(url);

  // The admin saves a new name first.
  await page.getByLabel("Name").fill("Renamed by the admin");
  await page.getByRole("button", { name: "Save changes" }).click();
  await expect(page.getByText("Saved.", { exact: true })).toBeVisible();

  // The colleague, still on the old version, changes the summary and saves.
  await theirs.getByLabel("One-line summary").fill("The colleague's careful wording.");
  await theirs.getByRole("button", { name: "Save changes" }).click();
  await expect(theirs.getByTestId("form-error")).toContainText(`${admin.name} saved this exercise while you were editing (changed: Name)`);
  await expect(theirs.getByTestId("conflict")).toContainText("Renamed by the admin");
  await expect(theirs.getByLabel("One-line summary")).toHaveValue("The colleague's careful wording.");

  // Keeping their change merges: the summary is the colleague's, the name stays the admin's.
  await theirs.getByRole("button", { name: "Keep my changes and save" }).click();
  await expect(theirs.getByText("Saved.", { exact: true })).toBeVisible();
  await theirs.reload();
  await expect(theirs.getByLabel("Name")).toHaveValue("Renamed by the admin");
  await expect(theirs.getByLabel("One-line summary")).toHaveValue("The colleague's careful wording.");
  await theirs.context().close();
});

test("an exercise a routine uses cannot be deleted; archived, it leaves the list and routines keep it", async ({ page }) => {
  await signIn(page, admin.email, admin.password);
  // Adds one exercise for good, so tests reading the dashboard never see fewer than the 30 shipped.
  await createExercise(page, unique("Stand-in"));
  await page.goto("/admin/exercises?q=levator");
  await page.getByRole("link", { name: "Levator Scapulae Stretch" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Levator Scapulae Stretch" })).toBeVisible();
  await expect(page.getByText(/used in \d+ routine item/)).toBeVisible();
  await expect(page.getByRole("button", { name: "Delete" })).toHaveCount(0);

  await page.getByRole("radio", { name: "Archived", exact: true }).check();
  await page.getByRole("button", { name: "Save changes" }).click();
  await expect(page.getByText("Saved.", { exact: true })).toBeVisible();

  // "levator" also finds the neck exercises worded in lay terms; the archived one is no longer among them.
  await page.goto("/admin/exercises?q=levator");
  await expect(
    page
      .getByRole("status")
      .filter({ hasText: /matching “levator”|No exercises match/ })
      .or(page.getByRole("heading", { name: "No exercises match" }))
      .first(),
  ).toBeVisible();
  await expect(page.getByRole("link", { name: "Levator Scapulae Stretch" })).toHaveCount(0);
  await page.goto("/admin/exercises?q=levator&status=archived");
  await expect(page.getByRole("link", { name: "Levator Scapulae Stretch" })).toBeVisible();
  await page.goto("/admin/templates");
  await expect(page.getByText("Stretches — 3 exercises")).toBeVisible();

  // Put it back so other tests see the library as shipped.
  await page.goto("/admin/exercises?q=levator&status=archived");
  await page.getByRole("link", { name: "Levator Scapulae Stretch" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Levator Scapulae Stretch" })).toBeVisible();
  await page.getByRole("radio", { name: "Published", exact: true }).check();
  await page.getByRole("button", { name: "Save changes" }).click();
  await expect(page.getByText("Saved.", { exact: true })).toBeVisible();
});

test("an unused exercise can be duplicated and deleted", async ({ page }) => {
  await signIn(page, admin.email, admin.password);
  const name = unique("Throwaway");
  await createExercise(page, name);
  await page.getByRole("button", { name: "Duplicate" }).click();
  await expect(page.getByRole("heading", { level: 1, name: `${name} (copy)` })).toBeVisible();
  page.once("dialog", (dialog) => dialog.accept());
  await page.getByRole("button", { name: "Delete" }).click();
  await expect(page).toHaveURL(/\/admin\/exercises$/);
  await page.goto(`/admin/exercises?q=${encodeURIComponent(name)}&status=all`);
  await expect(page.getByTestId("result-count")).toHaveText(/^1 exercise/);
});
