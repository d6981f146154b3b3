import { expect, test, type Page } from "@playwright/test";
import { admin, signIn, unique } from "./helpers";

const patientsTable = (page: Page) => page.getByRole("table", { name: "Patients" });
const heading = (page: Page, name: string) => page.getByRole("heading", { level: 1, name, exact: true });

/** Opens the new-patient form from the list, as a person would, and waits for it. */
async function openNewPatient(page: Page) {
  await page.goto("/admin/patients");
  await expect(heading(page, "Patients")).toBeVisible();
  await page.getByRole("link", { name: "New patient" }).click();
  await expect(heading(page, "New patient")).toBeVisible();
}

async function searchPatients(page: Page, typed: string, archived = false) {
  await page.getByLabel("Search patients").fill(typed);
  await page.getByLabel("Show archived patients").setChecked(archived);
  await page.getByRole("button", { name: "Search", exact: true }).click();
  await expect(page).toHaveURL(new RegExp(`[?&]q=${encodeURIComponent(typed)}`));
}

test("create, edit, find, archive and restore a patient; a mistake keeps the form filled", async ({ page }) => {
  await signIn(page, admin.email, admin.password);
  const name = unique("Sam Okafor");
  const ref = unique("MRN").replace(" ", "-");
  const notes = "Left knee ACL reconstruction, 6 weeks post-op.\nAvoid deep squats for now.";
  await openNewPatient(page);

  // Every field filled, the email mistyped: a field-level message, and nothing typed is lost.
  await page.getByLabel("Display name").fill(name);
  await page.getByLabel("External reference").fill(ref);
  await page.getByLabel("Email", { exact: true }).fill("sam-at-example");
  await page.getByLabel("Phone").fill("+44 20 7946 0000");
  await page.getByLabel("Private clinical notes").fill(notes);
  await page.getByRole("button", { name: "Create patient" }).click();
  await expect(page.getByTestId("form-error")).toBeVisible();
  await expect(page.getByText("Enter an email address like name@example.com.")).toBeVisible();
  await expect(page.getByLabel("Email", { exact: true })).toHaveAttribute("aria-invalid", "true");
  await expect(page.getByLabel("Display name")).toHaveValue(name);
  await expect(page.getByLabel("External reference")).toHaveValue(ref);
  await expect(page.getByLabel("Email", { exact: true })).toHaveValue("sam-at-example");
  await expect(page.getByLabel("Phone")).toHaveValue("+44 20 7946 0000");
  await expect(page.getByLabel("Private clinical notes")).toHaveValue(notes);

  await page.getByLabel("Email", { exact: true }).fill("sam@example.com");
  await page.getByRole("button", { name: "Create patient" }).click();
  await expect(heading(page, name)).toBeVisible();
  await expect(page).toHaveURL(/\/admin\/patients\/\d+\?created=1$/);
  await expect(page.getByText("Patient created.")).toBeVisible();
  await expect(page.getByLabel("Private clinical notes")).toHaveValue(notes);
  await expect(page.getByRole("heading", { name: "No routines yet" })).toBeVisible();
  const patientId = /\/admin\/patients\/(\d+)/.exec(page.url())![1];
  await expect(page.getByRole("link", { name: "New routine", exact: true })).toHaveAttribute(
    "href",
    `/admin/routines/new?patient=${patientId}`,
  );

  // Edit and save: the heading follows, and the saved values survive a reload.
  const renamed = `${name} Jr`;
  await page.getByLabel("Display name").fill(renamed);
  await page.getByLabel("Phone").fill("07700 900123");
  await page.getByRole("button", { name: "Save patient" }).click();
  await expect(page.getByText("Saved.", { exact: true })).toBeVisible();
  await expect(heading(page, renamed)).toBeVisible();
  await page.reload();
  await expect(heading(page, renamed)).toBeVisible();
  await expect(page.getByLabel("Phone")).toHaveValue("07700 900123");
  await expect(page.getByLabel("Email", { exact: true })).toHaveValue("sam@example.com");

  // The external reference finds the patient in the list.
  await page.getByRole("main").getByRole("link", { name: "Patients", exact: true }).click();
  await expect(heading(page, "Patients")).toBeVisible();
  await searchPatients(page, ref);
  await expect(patientsTable(page).getByRole("link", { name: renamed })).toBeVisible();
  await expect(patientsTable(page).locator("tbody tr")).toHaveCount(1);
  await expect(patientsTable(page)).toContainText(ref);

  // Archived: gone from the list, back with "show archived", and restorable from their page.
  await patientsTable(page).getByRole("link", { name: renamed }).click();
  await expect(heading(page, renamed)).toBeVisible();
  await page.getByRole("button", { name: "Archive patient" }).click();
  await expect(page.getByRole("button", { name: "Restore patient" })).toBeVisible();
  await expect(page.getByText("Archived", { exact: true })).toBeVisible();
  await expect(page.getByRole("link", { name: "New routine", exact: true })).toHaveCount(0);

  await page.goto("/admin/patients");
  await expect(heading(page, "Patients")).toBeVisible();
  await searchPatients(page, ref);
  await expect(page.getByRole("heading", { name: "No patients match" })).toBeVisible();
  await searchPatients(page, ref, true);
  await expect(page).toHaveURL(/[?&]archived=1/);
  const row = patientsTable(page).locator("tbody tr", { has: page.getByRole("link", { name: renamed }) });
  await expect(row).toContainText("Archived");
  await row.getByRole("link", { name: renamed }).click();
  await expect(heading(page, renamed)).toBeVisible();
  await page.getByRole("button", { name: "Restore patient" }).click();
  await expect(page.getByRole("button", { name: "Archive patient" })).toBeVisible();

  await page.goto(`/admin/patients?q=${encodeURIComponent(ref)}`);
  await expect(heading(page, "Patients")).toBeVisible();
  await expect(patientsTable(page).getByRole("link", { name: renamed })).toBeVisible();
});

test("a stale save is refused, says who saved what, and keeps what was typed", async ({ page }) => {
  await signIn(page, admin.email, admin.password);
  const name = unique("Two Tabs Patient");
  await openNewPatient(page);
  await page.getByLabel("Display name").fill(name);
  await page.getByRole("button", { name: "Create patient" }).click();
  await expect(heading(page, name)).toBeVisible();

  // The same patient open in a second tab, on the same version.
  const other = await page.context().newPage();
  await other.goto(page.url());
  await expect(heading(other, name)).toBeVisible();

  await page.getByLabel("Phone").fill("0161 496 0000");
  await page.getByRole("button", { name: "Save patient" }).click();
  await expect(page.getByText("Saved.", { exact: true })).toBeVisible();

  await other.getByLabel("Private clinical notes").fill("Typed in the second tab.");
  await other.getByRole("button", { name: "Save patient" }).click();
  await expect(other.getByTestId("form-error")).toContainText(`${admin.name} saved this patient while you were editing (changed: Phone)`);
  await expect(other.getByTestId("conflict")).toContainText("0161 496 0000");
  await expect(other.getByLabel("Private clinical notes")).toHaveValue("Typed in the second tab.");

  // Having seen the other save, the second tab takes its phone number and saves its own notes on top.
  await other.getByLabel("Phone").fill("0161 496 0000");
  await other.getByRole("button", { name: "Save patient" }).click();
  await expect(other.getByText("Saved.", { exact: true })).toBeVisible();
  await other.reload();
  await expect(heading(other, name)).toBeVisible();
  await expect(other.getByLabel("Phone")).toHaveValue("0161 496 0000");
  await expect(other.getByLabel("Private clinical notes")).toHaveValue("Typed in the second tab.");
  await other.close();
});
