import { execFileSync } from "node:child_process";
import { mkdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { expect, test, type Page } from "@playwright/test";
import { e2e } from "./servers";
import { admin, createPatient, signIn, startFromTemplate, unique } from "./helpers";

/** Gives the starter "Shoulder Rolls" a picture, as a clinician would, unless an earlier run already did. */
async function giveShoulderRollsAPicture(page: Page) {
  await page.goto(`/admin/exercises?q=${encodeURIComponent("Shoulder Rolls")}`);
  await page.getByRole("link", { name: "Shoulder Rolls", exact: true }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Shoulder Rolls" })).toBeVisible();
  if ((await page.getByTestId("exercise-image").count()) > 0) return;
  await page.getByLabel("Add pictures").setInputFiles(path.join(__dirname, "fixtures", "shoulder-rolls.png"));
  await page.getByLabel("Description (alt text)").fill("Sitting upright on a chair, rolling the shoulders backward");
  await page.getByRole("button", { name: "Upload" }).click();
  await expect(page.getByTestId("exercise-image")).toHaveCount(1);
}

const pdftotext = (file: string) => execFileSync("pdftotext", ["-enc", "UTF-8", file, "-"], { encoding: "utf8" }).replace(/\s+/g, " ");

test("download a patient's printable handout from the routine page", async ({ page }) => {
  await signIn(page, admin.email, admin.password);
  await giveShoulderRollsAPicture(page);
  // Letters the PDF's built-in fonts cannot draw, and a file name that must come out as plain ASCII.
  const patient = "Łucja Dvořák-Ωmega Жанна";
  await createPatient(page, patient);
  await startFromTemplate(page, patient);

  const form = page.getByRole("region", { name: "Printable handout" });
  await expect(form.getByLabel("Paper")).toHaveValue("A4");
  await form.getByLabel(/Tracking sheet/).check();
  const [download] = await Promise.all([page.waitForEvent("download"), form.getByRole("button", { name: "Download PDF" }).click()]);
  expect(download.suggestedFilename()).toMatch(/^Lucja-Dvorak-Omega-Zhanna-Upper-back-pain-mobility-\d{4}-\d{2}-\d{2}\.pdf$/);
  const file = path.join(test.info().outputDir, "handout.pdf");
  await download.saveAs(file);
  expect(readFileSync(file).subarray(0, 5).toString("latin1")).toBe("%PDF-");

  const text = pdftotext(file);
  for (const expected of [
    e2e.clinic.name,
    "Upper back pain — mobility",
    `For ${patient}`,
    "1 Shoulder Rolls",
    "10 Seated Spinal Twist",
    "Exercise diary",
  ]) {
    expect(text).toContain(expected);
  }
  // The page stays where it was: the handout is an attachment, not a navigation.
  await expect(page.getByRole("heading", { level: 1, name: "Upper back pain — mobility" })).toBeVisible();

  mkdirSync(e2e.screenshots, { recursive: true });
  execFileSync("pdftoppm", ["-png", "-r", "80", "-f", "1", "-l", "1", "-singlefile", file, path.join(e2e.screenshots, "handout-page-1")]);
});

test("the handout endpoint: signed-in only, clear errors, and a repeat download answered with 304", async ({ page, playwright }) => {
  const anonymous = await playwright.request.newContext({ baseURL: e2e.main.url });
  expect((await anonymous.get("/api/routines/1/handout.pdf")).status()).toBe(401);
  await anonymous.dispose();

  await signIn(page, admin.email, admin.password);
  const patient = unique("Pat Printer");
  await createPatient(page, patient);
  await startFromTemplate(page, patient);
  const id = /\/admin\/routines\/(\d+)/.exec(page.url())![1];

  for (const bad of ["/api/routines/999999999/handout.pdf", "/api/routines/abc/handout.pdf"]) {
    const response = await page.request.get(bad);
    expect(response.status(), bad).toBe(404);
    expect(await response.json()).toEqual({ error: "That routine does not exist." });
  }
  const badOption = await page.request.get(`/api/routines/${id}/handout.pdf?paper=A5`);
  expect(badOption.status()).toBe(400);
  expect(await badOption.json()).toEqual({ error: "paper: Use A4 or LETTER." });

  const url = `/api/routines/${id}/handout.pdf?paper=LETTER&large=1`;
  const first = await page.request.get(url);
  expect(first.status()).toBe(200);
  const headers = first.headers();
  expect(headers["content-type"]).toBe("application/pdf");
  expect(headers["cache-control"]).toBe("private, max-age=0, must-revalidate");
  expect(headers["content-disposition"]).toMatch(
    /^attachment; filename="Pat-Printer-[a-z0-9]+-Upper-back-pain-mobility-\d{4}-\d{2}-\d{2}\.pdf"$/,
  );
  expect(headers.etag).toMatch(/^"[\w-]+"$/);
  expect((await first.body()).subarray(0, 5).toString("latin1")).toBe("%PDF-");

  const again = await page.request.get(url, { headers: { "If-None-Match": headers.etag! } });
  expect(again.status()).toBe(304);
  expect(again.headers().etag).toBe(headers.etag);
  // Other options are another document, with another ETag.
  const a4 = await page.request.get(`/api/routines/${id}/handout.pdf`, { headers: { "If-None-Match": headers.etag! } });
  expect(a4.status()).toBe(200);
  expect(a4.headers().etag).not.toBe(headers.etag);
});

test("the clinician's copy carries the QR code of the routine's active link, and none once it is revoked", async ({ page }) => {
  await signIn(page, admin.email, admin.password);
  const patient = unique("Pat QR");
  await createPatient(page, patient);
  await startFromTemplate(page, patient);

  const form = page.getByRole("region", { name: "Printable handout" });
  const download = async (name: string) => {
    const [file] = await Promise.all([page.waitForEvent("download"), form.getByRole("button", { name: "Download PDF" }).click()]);
    const saved = path.join(test.info().outputDir, name);
    await file.saveAs(saved);
    return pdftotext(saved);
  };
  // The address as printed: without https://, and perhaps over two lines.
  const carries = (text: string, url: string) => text.replace(/\s+/g, "").includes(url.replace(/^https:\/\//, ""));

  expect(await download("no-link.pdf")).not.toContain("Scan for your exercises on your phone");

  const panel = page.getByRole("region", { name: "Patient links" });
  const label = unique("fridge");
  await panel.getByLabel("Label").fill(label);
  await panel.getByRole("button", { name: "Create link" }).click();
  await expect(page.getByTestId("new-share-link")).toContainText(`Link “${label}” created.`);
  const url = await page.getByTestId("new-share-link").getByLabel("Link for the patient").inputValue();

  const linked = await download("with-link.pdf");
  expect(linked).toContain("Scan for your exercises on your phone");
  expect(carries(linked, url)).toBe(true);

  await page
    .getByTestId("share-links")
    .getByRole("button", { name: `Revoke the link “${label}”` })
    .click();
  await expect(page.getByTestId("share-links").getByRole("row", { name: new RegExp(label) })).toContainText("Revoked");
  const revoked = await download("revoked.pdf");
  expect(revoked).not.toContain("Scan for your exercises on your phone");
  expect(carries(revoked, url)).toBe(false);
});
