import { createHash, randomBytes } from "node:crypto";
import { mkdirSync } from "node:fs";
import path from "node:path";
import { expect, test, type Page } from "@playwright/test";
import { startSmtpInbox, type SmtpInbox } from "../helpers/smtp-inbox";
import { admin, createPatient, signIn, startFromTemplate, unique, withServerDatabase } from "./helpers";
import { e2e } from "./servers";

// One local SMTP server for the file: its tests run in one worker, one after another.
test.describe.configure({ mode: "serial" });
let inbox: SmtpInbox;
test.beforeAll(async () => {
  inbox = await startSmtpInbox(e2e.smtp.port);
});
test.afterAll(async () => inbox?.close());
test.beforeEach(async ({ page }) => signIn(page, admin.email, admin.password));

async function patientRoutine(page: Page, name: string, email?: string) {
  await createPatient(page, name, {
    "External reference": "MRN-MAIL-5521",
    "Private clinical notes": "Confidential: rotator cuff repair",
    ...(email ? { Email: email } : {}),
  });
  await startFromTemplate(page, name);
}

async function createLink(page: Page, label: string): Promise<string> {
  const panel = page.getByRole("region", { name: "Patient links" });
  await panel.getByLabel("Label").fill(label);
  await panel.getByRole("button", { name: "Create link" }).click();
  await expect(page.getByTestId("new-share-link")).toContainText(`Link “${label}” created.`);
  return page.getByTestId("new-share-link").getByLabel("Link for the patient").inputValue();
}

test("an active link can be copied and shown as a QR code again, later, and still opens", async ({ page, context }) => {
  await context.grantPermissions(["clipboard-read", "clipboard-write"]);
  await patientRoutine(page, unique("Quinn"));
  const url = await createLink(page, "phone");

  await page.reload(); // the one-time reveal is gone; the row can show it again
  await expect(page.getByTestId("new-share-link")).toHaveCount(0);
  const links = page.getByTestId("share-links");
  await links.getByRole("button", { name: "Copy the link “phone”" }).click();
  await expect(links.getByText("Copied.")).toBeVisible();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(url);

  await links.getByRole("button", { name: "Show the QR code of “phone”" }).click();
  const shown = page.getByTestId("shown-share-link");
  await expect(shown.getByRole("img", { name: "QR code for the link “phone”" })).toBeVisible();
  await expect(shown.getByLabel("Link for the patient")).toHaveValue(url);
  await page.screenshot({ path: "test-results/share-again-desktop.png", fullPage: true });
  // No email address on file: nothing to email.
  await expect(links.getByRole("button", { name: /Email the link/ })).toHaveCount(0);

  const opened = await page.request.get(url);
  expect(opened.status()).toBe(200);
});

test("a link made before tokens could be derived still opens but says it cannot be shown again", async ({ page }) => {
  const name = unique("Rowan");
  await patientRoutine(page, name);
  const routineId = Number(new URL(page.url()).pathname.split("/").pop());
  const token = randomBytes(32).toString("base64url");
  await withServerDatabase((client) =>
    client.execute({
      sql: "INSERT INTO share_links (routine_id, label, token_hash, expires_at, created_at) VALUES (?, 'old sheet', ?, ?, ?)",
      args: [routineId, createHash("sha256").update(token).digest("hex"), Date.now() + 86_400_000, Date.now()],
    }),
  );
  await page.reload();
  await expect(page.getByTestId("share-links")).toContainText("Made before links could be shown again");
  await expect(page.getByRole("button", { name: "Copy the link “old sheet”" })).toHaveCount(0);
  expect((await page.request.get(`/r/${token}`)).status()).toBe(200);
});

test("email the link: editable subject and message, the clinic's name, no clinical detail, read from SMTP", async ({ page }) => {
  const name = unique("Sasha");
  const email = `sasha-${Date.now().toString(36)}@patient.example`;
  await patientRoutine(page, name, email);
  const url = await createLink(page, "email");

  const links = page.getByTestId("share-links");
  await links.getByRole("button", { name: "Email the link “email”" }).click();
  const form = page.getByRole("form", { name: "Email the link “email”" });
  await expect(form).toContainText(`To ${email}.`);
  await expect(form.getByLabel("Subject")).toHaveValue(`Your exercises from ${e2e.clinic.name}`);
  await expect(form.getByLabel("Message")).toHaveValue(new RegExp(`^Hello ${name},`));

  // An empty subject is refused in the form, and what was typed stays.
  await form.getByLabel("Subject").fill(" ");
  await form.getByLabel("Message").fill("Hi, here are the exercises we did today.");
  await form.getByRole("button", { name: "Send email" }).click();
  await expect(form.getByText("Write a subject.")).toBeVisible();
  await expect(form.getByLabel("Message")).toHaveValue("Hi, here are the exercises we did today.");

  const arrived = inbox.next();
  await form.getByLabel("Subject").fill("Your home exercises");
  await form.getByRole("button", { name: "Send email" }).click();
  await expect(form.getByRole("status")).toHaveText(`Email sent to ${email}.`);
  const mail = await arrived;
  expect(mail.subject).toBe("Your home exercises");
  expect(mail.to && !Array.isArray(mail.to) ? mail.to.value[0]?.address : undefined).toBe(email);
  expect(mail.from?.value[0]).toMatchObject({ name: e2e.clinic.name, address: e2e.smtp.from });
  expect(mail.text).toContain("Hi, here are the exercises we did today.");
  expect(mail.text).toContain(url);
  expect(mail.text).toContain(e2e.clinic.name);
  for (const clinical of ["Upper back pain", "MRN-MAIL-5521", "rotator cuff"]) expect(mail.text).not.toContain(clinical);
  await page.screenshot({ path: "test-results/share-email-desktop.png", fullPage: true });
  mkdirSync(e2e.screenshots, { recursive: true });
  await page.getByRole("region", { name: "Patient links" }).screenshot({ path: path.join(e2e.screenshots, "share-links.png") });
  await page.setViewportSize({ width: 390, height: 844 });
  await page.getByRole("region", { name: "Patient links" }).screenshot({ path: "test-results/share-email-phone.png" });
  await page.setViewportSize({ width: 1280, height: 720 });

  // The emailed link opens the patient's page.
  const emailedUrl = /https?:\/\/\S+\/r\/[A-Za-z0-9_-]{43}/.exec(mail.text ?? "")?.[0];
  expect(emailedUrl).toBe(url);
  expect((await page.request.get(emailedUrl!)).status()).toBe(200);

  // Every send is in the audit trail (there is no audit page yet: read the server's database).
  const routineId = Number(new URL(page.url()).pathname.split("/").pop());
  const audited = await withServerDatabase((client) =>
    client.execute({ sql: "SELECT changes FROM audit_events WHERE action = 'share_link.emailed' AND entity_id = ?", args: [routineId] }),
  );
  expect(audited.rows).toHaveLength(1);
  expect(String(audited.rows[0]!.changes)).not.toContain(email);
});
