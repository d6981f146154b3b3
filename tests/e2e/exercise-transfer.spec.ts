import { readFileSync } from "node:fs";
import path from "node:path";
import { expect, test } from "@playwright/test";
import { csvColumns } from "@/lib/exercises/transfer/format";
import { admin, createExercise, signIn, unique } from "./helpers";

test.beforeEach(async ({ page }) => signIn(page, admin.email, admin.password));

test("export a filtered view as JSON, delete it, import the file: the exercise comes back whole", async ({ page }) => {
  const name = unique("Round Trip Reach");
  await createExercise(page, name);
  await page.getByRole("textbox", { name: "Step 1", exact: true }).fill("Kneel tall on a mat.");
  await page.getByRole("button", { name: "Add step" }).click();
  await expect(page.getByRole("textbox", { name: "Step 2", exact: true })).toBeFocused();
  await page.keyboard.type("Reach one arm up and over.");
  await page.getByRole("button", { name: "Save changes" }).click();
  await expect(page.getByText("Saved.", { exact: true })).toBeVisible();
  await page.getByLabel("Add pictures").setInputFiles(path.join(__dirname, "fixtures", "figure.png"));
  await page.getByLabel("Description (alt text)").fill("Kneeling reach");
  await page.getByRole("button", { name: "Upload" }).click();
  await expect(page.getByTestId("exercise-image")).toHaveCount(1);

  await page.goto(`/admin/exercises?q=${encodeURIComponent(name)}&status=all`);
  const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: "Export JSON" }).click()]);
  expect(download.suggestedFilename()).toMatch(/^exercises-\d{4}-\d{2}-\d{2}\.json$/);
  const file = path.join(test.info().outputDir, "export.json");
  await download.saveAs(file);
  const exported = JSON.parse(readFileSync(file, "utf8"));
  expect(exported.exercises).toHaveLength(1);
  expect(exported.exercises[0]).toMatchObject({ name, steps: ["Kneel tall on a mat.", "Reach one arm up and over."] });
  expect(exported.exercises[0].images).toHaveLength(1);

  // Gone from the library…
  await page.getByRole("link", { name }).click();
  await expect(page.getByRole("heading", { level: 1, name })).toBeVisible();
  page.once("dialog", (d) => d.accept());
  await page.getByRole("button", { name: "Delete" }).click();
  await expect(page).toHaveURL(/\/admin\/exercises$/);

  // …and back from the file, with its steps and picture.
  await page.goto("/admin/exercises/import");
  await page.getByLabel("File to import").setInputFiles(file);
  await page.getByRole("button", { name: "Import", exact: true }).click();
  await expect(page.getByRole("status").filter({ hasText: "Import finished" })).toHaveText(
    "Import finished: 1 created, 0 updated, 0 unchanged.",
  );
  await page.goto(`/admin/exercises?q=${encodeURIComponent(name)}&status=all`);
  await page.getByRole("link", { name }).click();
  await expect(page.getByRole("heading", { level: 1, name })).toBeVisible();
  await expect(page.getByRole("textbox", { name: "Step 2", exact: true })).toHaveValue("Reach one arm up and over.");
  await expect(page.getByRole("img", { name: "Kneeling reach" })).toBeVisible();

  // Importing the same file again matches by key: nothing new.
  await page.goto("/admin/exercises/import");
  await page.getByLabel("File to import").setInputFiles(file);
  await page.getByRole("button", { name: "Import", exact: true }).click();
  await expect(page.getByRole("status").filter({ hasText: "Import finished" })).toHaveText(
    "Import finished: 0 created, 0 updated, 1 unchanged.",
  );
});

test("a CSV with one bad row imports nothing and names the row and field", async ({ page }) => {
  const good = unique("Good Row");
  const row = (name: string, category: string) =>
    csvColumns
      .map(
        (c) =>
          ({
            name,
            summary: "Fine.",
            steps: "Do it.",
            category,
            body_regions: "neck",
            position: "seated",
            difficulty: "easy",
            status: "published",
          })[c as string] ?? "",
      )
      .join(",");
  const csv = [csvColumns.join(","), row(good, "stretch"), row(unique("Bad Row"), "yoga")].join("\n");

  await page.goto("/admin/exercises/import");
  await page.getByLabel("File to import").setInputFiles({ name: "library.csv", mimeType: "text/csv", buffer: Buffer.from(csv) });
  await page.getByRole("button", { name: "Import", exact: true }).click();
  await expect(page.getByTestId("import-errors")).toContainText("Row 2 — category");
  await expect(page.getByText(/Nothing was imported/)).toBeVisible();

  await page.goto(`/admin/exercises?q=${encodeURIComponent(good)}&status=all`);
  await expect(page.getByRole("heading", { name: "No exercises match" })).toBeVisible();
});
