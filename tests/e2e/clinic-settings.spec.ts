import { mkdirSync } from "node:fs";
import path from "node:path";
import { devices, expect, test, type Page } from "@playwright/test";
import { readPdf } from "../helpers/pdf-text";
import { e2e } from "./servers";
import { admin, createAccount, createPatient, signIn, startFromTemplate, uniqueEmail } from "./helpers";

// Changing the clinic's name is clinic-wide: these tests run on an instance of their own ("settings"), so the
// specs on "main" keep reading the name they were started with.
const server = e2e.settingsServer.url;
test.use({ baseURL: server });
test.describe.configure({ mode: "serial" });

const { defaultBrowserType: _engine, ...phone } = devices["iPhone 13"];
void _engine;

const shots = (name: string) => {
  mkdirSync(e2e.screenshots, { recursive: true });
  return path.join(e2e.screenshots, name);
};

async function shareRoutine(page: Page, name: string) {
  await createPatient(page, name);
  await startFromTemplate(page, name);
  const panel = page.getByRole("region", { name: "Patient links" });
  await panel.getByLabel("Label").fill("phone");
  await panel.getByRole("button", { name: "Create link" }).click();
  const url = await page.getByTestId("new-share-link").getByLabel("Link for the patient").inputValue();
  return { url, routineId: /\/admin\/routines\/(\d+)/.exec(page.url())![1]! };
}

test("an admin changes the clinic's name, contact and logo: handouts, the patient's page and the dead-link page show them at once", async ({
  page,
  browser,
}) => {
  test.setTimeout(120_000);
  await signIn(page, admin.email, admin.password, server);
  const { url, routineId } = await shareRoutine(page, "Kit");
  const patient = await (await browser.newContext({ ...phone })).newPage();
  await patient.goto(url);
  await expect(patient.locator(".patient-head .clinic")).toHaveText(e2e.clinic.name);

  // The environment's values are the first-start defaults in the form.
  await page.goto("/admin/settings");
  await page.getByRole("navigation", { name: "Settings" }).getByRole("link", { name: "Clinic" }).click();
  await expect(page).toHaveURL(`${server}/admin/settings/clinic`);
  const form = page.getByRole("form", { name: "Clinic details" });
  await expect(form.getByLabel("Clinic name")).toHaveValue(e2e.clinic.name);

  // A bad value is refused field by field and keeps what was typed.
  await form.getByLabel("Clinic name").fill("Seaside Physio & Rehab");
  await form.getByLabel("Contact").fill("0161 496 0000\nhello@seaside.example");
  await form.getByLabel("Pain alert threshold").fill("11");
  await form.getByRole("button", { name: "Save clinic settings" }).click();
  await expect(form.getByText("Enter a pain score from 1 to 10.")).toBeVisible();
  await expect(form.getByLabel("Clinic name")).toHaveValue("Seaside Physio & Rehab");
  await form.getByLabel("Pain alert threshold").fill("6");
  await form.getByLabel("US Letter").check();
  await form.getByLabel("Default link lifetime").selectOption("30");
  await form.getByRole("button", { name: "Save clinic settings" }).click();
  await expect(form.getByRole("status")).toContainText("Clinic settings saved");

  // A logo: a picture that is not a PNG or JPEG is refused, a PNG is taken.
  const logo = page.getByRole("region", { name: "Logo" });
  await logo.getByLabel(/Upload a logo|Replace the logo/).setInputFiles(path.join(__dirname, "fixtures", "not-a-picture.png"));
  await logo.getByRole("button", { name: "Upload logo" }).click();
  await expect(page.getByTestId("logo-error")).toContainText("PNG or JPEG");
  await logo.getByLabel(/Upload a logo|Replace the logo/).setInputFiles(path.join(__dirname, "fixtures", "clinic-logo.png"));
  await logo.getByRole("button", { name: "Upload logo" }).click();
  await expect(logo.getByRole("status")).toContainText("Logo saved");
  await expect(logo.getByRole("img", { name: "The clinic's current logo" })).toBeVisible();
  await page.screenshot({ path: shots("clinic-settings.png"), fullPage: true });

  // At once: the patient's page on reload, with the logo…
  await patient.reload();
  await expect(patient.locator(".patient-head .clinic")).toHaveText("Seaside Physio & Rehab");
  const logoImage = patient.locator(".patient-head .clinic-logo");
  await expect(logoImage).toBeVisible();
  expect(await logoImage.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBeGreaterThan(0);
  await patient.screenshot({ path: shots("patient-clinic-logo.png") });
  // …the handouts, the staff's download and the patient's own (both default to the new paper)…
  for (const address of [`/api/routines/${routineId}/handout.pdf`, `${url}/handout.pdf`]) {
    const response = await page.request.get(address);
    expect(response.status()).toBe(200);
    const pdf = readPdf(await response.body());
    expect(pdf.text).toContain("Seaside Physio & Rehab");
    expect(pdf.text).toContain("0161 496 0000");
    expect(pdf.text).not.toContain(e2e.clinic.name);
    expect(pdf.pageSizes[0]).toBe("612 x 792");
  }
  // …the page of a link that no longer works, and a new link's default lifetime.
  const dead = await patient.request.get(`${server}/r/${"x".repeat(43)}`);
  expect(dead.status()).toBe(404);
  expect(await dead.text()).toContain("Seaside Physio &#38; Rehab");
  await page.goto(`/admin/routines/${routineId}`);
  await expect(page.getByRole("region", { name: "Patient links" }).getByLabel("Works for")).toHaveValue("30");
  await patient.context().close();
});

test("the clinic settings page on a phone", async ({ browser }) => {
  const context = await browser.newContext({ ...phone, baseURL: server });
  const page = await context.newPage();
  await signIn(page, admin.email, admin.password, server);
  await page.goto("/admin/settings/clinic");
  await expect(page.getByRole("form", { name: "Clinic details" })).toBeVisible();
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  await page.screenshot({ path: shots("clinic-settings-phone.png") });
  await context.close();
});

test("a clinician cannot reach the clinic's settings, its actions or the logo upload", async ({ page, browser }) => {
  await signIn(page, admin.email, admin.password, server);
  const clinician = { name: "Cai Clinician", email: uniqueEmail("cai"), password: "Cai Clinician password 1" };
  await createAccount(page, clinician);
  const context = await browser.newContext({ baseURL: server });
  const other = await context.newPage();
  await signIn(other, clinician.email, clinician.password, server);
  await other.goto("/admin/settings");
  await expect(other.getByRole("navigation", { name: "Settings" })).toHaveCount(0);
  const response = await other.goto("/admin/settings/clinic");
  expect(response!.status()).toBe(403);
  await expect(other.getByRole("form", { name: "Clinic details" })).toHaveCount(0);
  const upload = await other.request.post("/api/admin/clinic/logo", {
    headers: { Origin: server },
    multipart: { baseVersion: "0", logo: { name: "logo.png", mimeType: "image/png", buffer: Buffer.from("x") } },
  });
  expect(upload.status()).toBe(403);
  await context.close();
});
