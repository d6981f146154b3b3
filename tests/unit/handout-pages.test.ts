import { readFileSync } from "node:fs";
import path from "node:path";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { routines, shareLinks } from "@/db/schema";
import { seedStarterContent } from "@/db/seed";
import { env } from "@/lib/env";
import { withActiveShareLink } from "@/lib/handout/clinician-copy";
import { renderHandoutPdf } from "@/lib/handout/pdf/render-handout-pdf";
import { readHandoutSource } from "@/lib/handout/read-handout-source";
import { prepareHandout, renderHandoutForRoutine } from "@/lib/handout/render-handout";
import { createPatient } from "@/lib/patients/mutations";
import { patientInput } from "@/lib/patients/schemas";
import { createRoutine, setRoutineArchived } from "@/lib/routines/mutations";
import { createShareLink, revokeShareLink } from "@/lib/share/links";
import { newShareLinkInput } from "@/lib/share/schemas";
import { readRoutineShareUrl } from "@/lib/share/show-share-link";
import { configuredShareTokenKey } from "@/lib/share/token-key";
import { generateShareToken, hashShareToken } from "@/lib/share/tokens";
import type { SessionUser } from "@/lib/users/accounts";
import { pageFill, readPdf } from "../helpers/pdf-text";
import { createTempDb, insertStaff, type TempDb } from "../helpers/temp-db";

// A clinic's name at the top, as most clinics set it: the header is then as tall as it usually is.
process.env.CLINIC_NAME = "Harbour Physiotherapy";

const logoFile = path.join(__dirname, "..", "e2e", "fixtures", "clinic-logo.png");
let t: TempDb;
let ada: SessionUser;
let routineId: number;
const qrCaption = "Scan for your exercises on your phone";
/** The address as printed (https:// left out), found in the text with line breaks taken out: a long one wraps. */
const printed = (url: string) => url.replace(/^https:\/\//, "");
const hasAddress = (text: string, url: string) => text.replace(/\s+/g, "").includes(printed(url));

beforeAll(async () => {
  t = await createTempDb();
  await seedStarterContent(t.db);
  ({ ada } = await insertStaff(t.db));
  const patient = await createPatient(t.db, ada, patientInput.parse({ displayName: "Margaret Hill" }));
  const [template] = await t.db.select({ id: routines.id }).from(routines).where(eq(routines.isTemplate, true));
  ({ id: routineId } = await createRoutine(t.db, ada, { patientId: patient.id, templateId: template!.id }));
});
afterAll(() => t.close());

/** The clinician's download, as the route asks for it. */
const clinicianCopy = async (id = routineId, options = {}) =>
  renderHandoutForRoutine(t.db, id, await withActiveShareLink(t.db, id, options));
const newLink = (id = routineId, label = "phone") =>
  createShareLink(t.db, ada, newShareLinkInput.parse({ routineId: id, label }), env().appUrl);

describe("the starter routine's pages", () => {
  // The clinic as most set it up: name, a logo and a contact line of phone, street and web address.
  const fullClinic = {
    name: "Harbour Physiotherapy",
    contact: "0117 496 0000 · 12 Quay Street, Bristol BS1 4DJ · harbourphysio.example",
    logo: { data: new Uint8Array(readFileSync(logoFile)), format: "png" as const, width: 192, height: 192 },
  };
  const shareUrl = "https://exercises.example.org/r/Xk3pQ9vL2mN7rT4wY8zA1bC5dE6fG0hJ";
  /** The starter routine drawn in this process, with the clinic given (configuration is read once a process). */
  const render = async (options: { shareUrl?: string; largePrint?: boolean; clinic?: typeof fullClinic }) => {
    const content = await (await readHandoutSource(t.db, routineId)).withPictures();
    return renderHandoutPdf({
      ...content,
      clinic: options.clinic ?? { name: "Harbour Physiotherapy", contact: "", logo: null },
      paper: "A4",
      largePrint: options.largePrint ?? false,
      trackingSheet: false,
      shareUrl: options.shareUrl ?? null,
    });
  };
  const variants = [
    { label: "no link", options: {}, largePrintPages: 10 },
    // Large print's header with the QR code leaves too little of page 1 for the first exercise's big picture.
    { label: "an active link (QR)", options: { shareUrl }, largePrintPages: 11 },
    { label: "logo, contact line and QR", options: { shareUrl, clinic: fullClinic }, largePrintPages: 11 },
  ];

  it.each(variants)(
    "prints the 10 exercises with their drawings on at most 5 A4 pages, each but the last 60% full: $label",
    async ({ options }) => {
      const pdf = await render(options);
      const reading = readPdf(pdf);
      const fill = pageFill(pdf);
      const report = `${reading.pageCount} pages, filled ${fill.map((f) => f.toFixed(2))}`;
      expect(
        reading.pageSizes.every((size) => size === "595.28 x 841.89"),
        report,
      ).toBe(true);
      // Every drawing is printed (vectors, not images; the logo and its transparency are the only images), so this is the illustrated handout.
      expect(reading.images, report).toBe(options.clinic ? 2 : 0);
      expect(reading.pageCount, report).toBeLessThanOrEqual(5);
      expect(
        fill.slice(0, -1).every((f) => f >= 0.6),
        report,
      ).toBe(true);
      if (options.shareUrl) expect(reading.pages[0], report).toContain(qrCaption);
    },
  );

  it.each(variants)(
    "in large print: at most $largePrintPages pages, each name with its first step: $label",
    async ({ options, largePrintPages }) => {
      const pdf = await render({ ...options, largePrint: true });
      const reading = readPdf(pdf);
      const report = `${reading.pageCount} pages, filled ${pageFill(pdf).map((f) => f.toFixed(2))}`;
      expect(reading.pageCount, report).toBeLessThanOrEqual(largePrintPages);
      // Name, dose, picture and the first step on one page: never a page ending on a drawing with its step overleaf.
      for (const [name, step] of [
        ["Shoulder Rolls", "1. Sit upright toward the front"],
        ["Neck Rolls", "1. Sit tall in a sturdy chair"],
      ] as const) {
        const page = reading.pages.findIndex((text) => text.includes(name));
        expect(reading.pages[page], `${name}: ${report}`).toContain(step);
      }
    },
  );

  it("never parts an exercise's name from its picture, in normal and large print", async () => {
    for (const largePrint of [false, true]) {
      const { pdf } = await renderHandoutForRoutine(t.db, routineId, { largePrint });
      // Each drawing's captions print under it: on the page where its exercise's name is.
      const pages = readPdf(pdf).pages;
      for (const [name, caption] of [
        ["Shoulder Rolls", "Back and down"],
        ["Neck Rolls", "Chin down"],
        ["Cat-Cow", "Cow · breathe in"],
        ["Open Book Rotation", "Arms together"],
        ["Thoracic Extension Over a Chair", "Lean back"],
        ["Doorway Chest Stretch", "Step through"],
        ["Seated Spinal Twist", "Turn and hold"],
      ] as const) {
        const page = pages.findIndex((text) => text.includes(name));
        expect(pages[page], `${name}, large print ${largePrint}`).toContain(caption);
      }
    }
  });
});

describe("the QR code on the clinician's copy", () => {
  it("carries the routine's active link when it has one, and none when it has none", async () => {
    const { id } = await createRoutine(t.db, ada, {
      patientId: (await t.db.select().from(routines).where(eq(routines.id, routineId)))[0]!.patientId,
      templateId: null,
    });
    const without = await clinicianCopy(id);
    expect(readPdf(without.pdf).text).not.toContain(qrCaption);

    const link = await newLink(id);
    const withLink = await clinicianCopy(id);
    const text = readPdf(withLink.pdf).text;
    expect(text).toContain(qrCaption);
    expect(hasAddress(text, link.url)).toBe(true);
    // A new link is another document: the cache and the ETag follow the link.
    expect(withLink.etag).not.toBe(without.etag);

    // The newest active link is the one printed.
    const newer = await newLink(id, "printed sheet");
    expect(hasAddress(readPdf((await clinicianCopy(id)).pdf).text, newer.url)).toBe(true);

    await revokeShareLink(t.db, ada, id, newer.id);
    await revokeShareLink(t.db, ada, id, link.id);
    const revoked = await clinicianCopy(id);
    expect(readPdf(revoked.pdf).text).not.toContain(qrCaption);
    expect(revoked.etag).toBe(without.etag);
  });

  it("passes over links that cannot be shown again, have expired, or belong to an archived routine", async () => {
    const key = configuredShareTokenKey();
    const { id } = await createRoutine(t.db, ada, {
      patientId: (await t.db.select().from(routines).where(eq(routines.id, routineId)))[0]!.patientId,
      templateId: null,
    });
    const now = Date.now();
    // Made before links could be shown again: it opens, but its address cannot be printed.
    await t.db.insert(shareLinks).values({
      routineId: id,
      label: "old",
      tokenHash: hashShareToken(generateShareToken()),
      expiresAt: new Date(now + 86_400_000),
      createdBy: ada.id,
    });
    expect(await readRoutineShareUrl(t.db, id, env().appUrl, now, key)).toBeNull();
    expect((await prepareHandout(t.db, id, await withActiveShareLink(t.db, id))).etag).toBe((await prepareHandout(t.db, id)).etag);

    const link = await newLink(id);
    expect(await readRoutineShareUrl(t.db, id, env().appUrl, now, key)).toBe(link.url);
    // A year and a day later it has expired.
    expect(await readRoutineShareUrl(t.db, id, env().appUrl, now + 366 * 86_400_000, key)).toBeNull();
    await setRoutineArchived(t.db, ada, id, true);
    expect(await readRoutineShareUrl(t.db, id, env().appUrl, now, key)).toBeNull();
  });

  it("is on the patient's own copy too, with that copy's link", async () => {
    const link = await newLink();
    const { pdf } = await renderHandoutForRoutine(t.db, routineId, { shareUrl: link.url, largePrint: true });
    const text = readPdf(pdf).text;
    expect(text).toContain(qrCaption);
    expect(hasAddress(text, link.url)).toBe(true);
  });
});
