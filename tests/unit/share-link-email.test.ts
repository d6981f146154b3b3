import { eq } from "drizzle-orm";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { clinicSettings } from "@/db/schema";
import { auditEvents, patients } from "@/db/schema";
import { readEnv } from "@/lib/env-schema";
import { smtpMailer, type MailMessage, type Mailer } from "@/lib/mail/mailer";
import { defaultShareLinkEmail, shareEmailPolicy, shareLinkEmailInput } from "@/lib/share/email-schemas";
import { emailNotConfigured, emailShareLink, getShareLinkEmailSetup } from "@/lib/share/email-share-link";
import { revokeShareLink } from "@/lib/share/links";
import { appUrl, shareFixture } from "../helpers/share-fixture";
import { startSmtpInbox } from "../helpers/smtp-inbox";
import { createTempDb, type TempDb } from "../helpers/temp-db";

describe("email configuration", () => {
  it("is off by default and needs SMTP_URL and MAIL_FROM together", () => {
    expect(readEnv({}).mail).toBeUndefined();
    expect(readEnv({ SMTP_URL: "smtps://u:p@mail.example.com:465", MAIL_FROM: "Harbour Physio <hello@harbour.example>" }).mail).toEqual({
      smtpUrl: "smtps://u:p@mail.example.com:465",
      from: "Harbour Physio <hello@harbour.example>",
    });
    expect(readEnv({ SMTP_URL: "smtp://mail.example.com:587", MAIL_FROM: "hello@harbour.example" }).mail?.from).toBe(
      "hello@harbour.example",
    );
    expect(() => readEnv({ SMTP_URL: "smtp://mail.example.com" })).toThrow(/MAIL_FROM and SMTP_URL go together/);
    expect(() => readEnv({ SMTP_URL: "https://mail.example.com", MAIL_FROM: "a@b.example" })).toThrow(/SMTP_URL must be an SMTP address/);
    expect(() => readEnv({ SMTP_URL: "smtp://mail.example.com", MAIL_FROM: "not an address" })).toThrow(/MAIL_FROM must be an address/);
  });
});

describe("emailing a link", () => {
  let t: TempDb;
  let f: Awaited<ReturnType<typeof shareFixture>>;
  let sent: MailMessage[];
  const fakeMailer: Mailer = { send: async (m) => void sent.push(m) };
  const now = Date.now();
  const options = { mailer: fakeMailer, appUrl, now };
  const input = (overrides: Record<string, unknown> = {}) =>
    shareLinkEmailInput.parse({
      routineId: f.routineId,
      linkId: f.link.id,
      ...defaultShareLinkEmail("Harbour Physiotherapy", "Sam"),
      ...overrides,
    });

  beforeEach(async () => {
    t = await createTempDb();
    f = await shareFixture(t, now);
    // The clinic's name comes from Settings → Clinic.
    await t.db.insert(clinicSettings).values({ key: "clinic.name", value: "Harbour Physiotherapy" });
    sent = [];
  });
  afterEach(() => t.close());

  it("sends the clinician's subject and note, the working link and the clinic's name, and nothing clinical", async () => {
    expect(await emailShareLink(t.db, f.bo, input({ subject: "Your exercises", message: "Hi Sam, as promised." }), options)).toEqual({
      to: "sam.private@example.com",
    });
    expect(sent).toHaveLength(1);
    const [mail] = sent;
    expect(mail).toMatchObject({ to: "sam.private@example.com", subject: "Your exercises", fromName: "Harbour Physiotherapy" });
    expect(mail!.text).toContain("Hi Sam, as promised.");
    expect(mail!.text).toContain(f.link.url);
    expect(mail!.text).toContain("Harbour Physiotherapy");
    for (const clinical of ["Upper back pain", "MRN-77812", "Secret clinical note", "7946"]) expect(mail!.text).not.toContain(clinical);

    const audit = await t.db.select().from(auditEvents).where(eq(auditEvents.action, "share_link.emailed"));
    expect(audit).toMatchObject([
      { actorId: f.bo.id, entityType: "routine", entityId: f.routineId, changes: { linkId: f.link.id, label: "phone" } },
    ]);
    expect(JSON.stringify(audit)).not.toContain(f.token);
    expect(JSON.stringify(audit)).not.toContain("sam.private");
  });

  it("offers a first draft with the clinic's and the patient's names only", async () => {
    const setup = await getShareLinkEmailSetup(t.db, f.ada, f.routineId, { mailConfigured: true });
    expect(setup).toMatchObject({
      to: "sam.private@example.com",
      notConfigured: null,
      defaults: { subject: "Your exercises from Harbour Physiotherapy" },
    });
    expect(setup!.defaults.message).toMatch(/^Hello Sam,/);
    expect((await getShareLinkEmailSetup(t.db, f.ada, f.routineId, { mailConfigured: false }))!.notConfigured).toBe(emailNotConfigured);
  });

  it("says clearly when email is not configured, or the patient has no address, or the link is not active", async () => {
    await expect(emailShareLink(t.db, f.ada, input(), { ...options, mailer: null })).rejects.toMatchObject({ message: emailNotConfigured });
    await revokeShareLink(t.db, f.ada, f.routineId, f.link.id, now);
    await expect(emailShareLink(t.db, f.ada, input(), options)).rejects.toMatchObject({ message: expect.stringMatching(/revoked/) });
    await t.db.update(patients).set({ email: null }).where(eq(patients.id, f.patientId));
    await expect(emailShareLink(t.db, f.ada, input(), options)).rejects.toMatchObject({
      message: expect.stringMatching(/no email address/),
    });
    expect(await getShareLinkEmailSetup(t.db, f.ada, f.routineId, { mailConfigured: true })).toBeNull();
    expect(sent).toHaveLength(0);
  });

  it("refuses an empty subject or message, field by field", () => {
    const result = shareLinkEmailInput.safeParse({ routineId: 1, linkId: 1, subject: " ", message: "" });
    expect(result.error?.issues.map((i) => i.path[0]).sort()).toEqual(["message", "subject"]);
  });

  it("limits emails to one patient's routine per hour, counted in the database", async () => {
    for (let i = 0; i < shareEmailPolicy.perRoutine; i++) await emailShareLink(t.db, f.ada, input(), options);
    await expect(emailShareLink(t.db, f.bo, input(), options)).rejects.toMatchObject({ code: "rate_limited" });
    expect(sent).toHaveLength(shareEmailPolicy.perRoutine);
    // An hour on, the window has moved past them.
    await emailShareLink(t.db, f.bo, input(), { ...options, now: now + shareEmailPolicy.windowMs + 60_000 });
    expect(sent).toHaveLength(shareEmailPolicy.perRoutine + 1);
  });

  it("reports a mail server that refuses, and audits nothing then", async () => {
    const failing: Mailer = { send: async () => Promise.reject(new Error("550 no")) };
    await expect(emailShareLink(t.db, f.ada, input(), { ...options, mailer: failing })).rejects.toMatchObject({
      message: expect.stringMatching(/could not be sent/),
    });
    expect(await t.db.select().from(auditEvents).where(eq(auditEvents.action, "share_link.emailed"))).toHaveLength(0);
  });
});

describe("SMTP", () => {
  it("delivers through SMTP_URL from MAIL_FROM with the clinic's name", async () => {
    const inbox = await startSmtpInbox();
    try {
      const arrived = inbox.next();
      await smtpMailer(`smtp://someone:secret@127.0.0.1:${inbox.port}`, "hello@harbour.example").send({
        to: "sam@example.com",
        subject: "Your exercises",
        text: "Hello Sam\n\nhttps://x.test/r/abc",
        fromName: "Harbour Physiotherapy",
      });
      const mail = await arrived;
      expect(mail.subject).toBe("Your exercises");
      expect(mail.from?.value[0]).toMatchObject({ name: "Harbour Physiotherapy", address: "hello@harbour.example" });
      expect(mail.text).toContain("https://x.test/r/abc");
    } finally {
      await inbox.close();
    }
  });
});
