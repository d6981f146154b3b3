import { readFileSync } from "node:fs";
import path from "node:path";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { exercises, routines } from "@/db/schema";
import { seedStarterContent } from "@/db/seed";
import { addExerciseImage } from "@/lib/exercises/image-mutations";
import { handoutStats, prepareHandout, prerenderHandout, renderHandoutForRoutine } from "@/lib/handout/render-handout";
import { createPatient } from "@/lib/patients/mutations";
import { patientInput } from "@/lib/patients/schemas";
import { describeDose } from "@/lib/routines/dose-sentence";
import { createRoutine, saveRoutine } from "@/lib/routines/mutations";
import { readRoutineContent } from "@/lib/routines/queries";
import type { RoutineContent } from "@/lib/routines/schemas";
import type { SessionUser } from "@/lib/users/accounts";
import { glyphsBySize, pageFill, pdfStructure, readPdf, wordBoxes, type PdfReading } from "../helpers/pdf-text";
import { createTempDb, insertStaff, type TempDb } from "../helpers/temp-db";

const figure = path.join(__dirname, "..", "e2e", "fixtures", "figure.png");
// Read once, on the first handout: set before any render.
Object.assign(process.env, {
  CLINIC_NAME: "Harbour Physiotherapy",
  CLINIC_CONTACT: "01234 567890 · 12 Quay Street",
  CLINIC_LOGO_PATH: figure,
});
const webp = Buffer.from("UklGRiIAAABXRUJQVlA4IBYAAAAwAQCdASoBAAEADsD+JaQAA3AAAAAA", "base64"); // 1×1
const patientName = "Łucja Dvořák-Ωmega Жанна";
const shareUrl = "https://exercises.example.org/r/Xk3pQ9vL2mN7rT4wY8zA1bC5dE6fG0hJ";

let t: TempDb;
let ada: SessionUser;
let bo: SessionUser;
let routineId: number;
let templateId: number;
let content: RoutineContent;
let names: string[];
const readings = new Map<string, PdfReading>();
const pdfs = new Map<string, Uint8Array>();

/** The handout's bytes, rendered once per set of options. */
async function handoutBytes(options: Parameters<typeof renderHandoutForRoutine>[2] = {}) {
  const key = JSON.stringify(options);
  if (!pdfs.has(key)) pdfs.set(key, (await renderHandoutForRoutine(t.db, routineId, options)).pdf);
  return pdfs.get(key)!;
}

/** The handout read back by poppler. */
async function handout(options: Parameters<typeof renderHandoutForRoutine>[2] = {}) {
  const key = JSON.stringify(options);
  if (!readings.has(key)) readings.set(key, readPdf(await handoutBytes(options)));
  return readings.get(key)!;
}

const exerciseId = async (key: string) => (await t.db.select({ id: exercises.id }).from(exercises).where(eq(exercises.key, key)))[0]!.id;

beforeAll(async () => {
  t = await createTempDb();
  await seedStarterContent(t.db);
  ({ ada, bo } = await insertStaff(t.db));
  const patient = await createPatient(
    t.db,
    ada,
    patientInput.parse({
      displayName: patientName,
      externalRef: "MRN-SECRET-77",
      email: "lucja@example.com",
      phone: "+48 555 0101",
      notes: "Private: post-op week 3.",
    }),
  );
  [{ id: templateId }] = (await t.db.select({ id: routines.id }).from(routines).where(eq(routines.isTemplate, true))) as [{ id: number }];
  ({ id: routineId } = await createRoutine(t.db, ada, { patientId: patient.id, templateId }));
  // Bo saves the current revision: Bo is the clinician printed, whoever started the routine.
  const started = (await readRoutineContent(t.db, routineId))!;
  started.sections[0]!.items[0]!.note = "Slow circles, Łucja — no rush.";
  await saveRoutine(t.db, bo, routineId, 1, { ...started, startDate: "2026-06-01", reviewDate: "2026-06-29" });
  content = (await readRoutineContent(t.db, routineId))!;
  const cards = await t.db.select({ id: exercises.id, name: exercises.name }).from(exercises);
  names = content.sections.flatMap((s) => s.items.map((i) => cards.find((c) => c.id === i.exerciseId)!.name));
  // A PNG main picture; and a WebP main picture, which a PDF cannot hold, with a PNG behind it.
  await addExerciseImage(t.db, ada, await exerciseId("cat-cow"), { bytes: readFileSync(figure), name: "figure.png", alt: "" });
  const doorway = await exerciseId("doorway-chest-stretch");
  await addExerciseImage(t.db, ada, doorway, { bytes: webp, name: "dot.webp", alt: "" });
  await addExerciseImage(t.db, ada, doorway, { bytes: readFileSync(figure).subarray(0), name: "figure.png", alt: "" });
  // These two print their photos: the clinician chose the photo over the drawing.
  for (const key of ["cat-cow", "doorway-chest-stretch"]) {
    const [row] = await t.db.select({ illustration: exercises.illustration }).from(exercises).where(eq(exercises.key, key));
    await t.db
      .update(exercises)
      .set({ illustration: { ...row!.illustration!, photoFirst: true } })
      .where(eq(exercises.key, key));
  }
});
afterAll(() => t.close());

describe("printable handout", () => {
  it("prints the routine on A4: clinic, patient, clinician, dates, instructions, every exercise with its dose", async () => {
    const pdf = await handout();
    expect(pdf.pageSizes.every((size) => size === "595.28 x 841.89")).toBe(true);
    for (const text of ["Harbour Physiotherapy", "01234 567890 · 12 Quay Street", "Upper back pain — mobility", `For ${patientName}`]) {
      expect(pdf.text).toContain(text);
    }
    // Labels, then their values: Bo saved the current revision, and the review date is the routine's.
    expect(pdf.text).toMatch(/Your clinician: Bo · Date: \d{1,2} \w+ \d{4} · revision 2 · Review: 29 June 2026/);
    expect(pdf.text).toContain(content.instructions.slice(0, 80));
    names.forEach((name, i) => expect(pdf.text).toContain(`${i + 1} ${name}`));
    for (const dose of content.sections.flatMap((s) => s.items.map((i) => describeDose(i.dose)))) expect(pdf.text).toContain(dose);
    expect(pdf.text).toContain("Note from your clinician: Slow circles, Łucja — no rush.");
    expect(pdf.text).toContain(`Page 1 of ${pdf.pageCount}`);
    // Cat-Cow's picture, Doorway's PNG in place of its WebP, and the clinic's logo; every drawing is vectors.
    expect(pdf.images).toBe(3);
    expect(pdf.text).not.toContain("Exercise diary");
  });

  it("never prints the patient's record number, contact details or clinical notes", async () => {
    const { text } = await handout({ trackingSheet: true, largePrint: true });
    for (const secret of ["MRN-SECRET-77", "lucja@example.com", "555 0101", "post-op"]) expect(text).not.toContain(secret);
  });

  it("prints on US Letter when asked", async () => {
    const pdf = await handout({ paper: "LETTER" });
    expect(pdf.pageSizes.every((size) => size === "612 x 792")).toBe(true);
    names.forEach((name) => expect(pdf.text).toContain(name));
  });

  it("sets body text at 12 pt, and at 16 pt in large print, with only labels and the footer smaller", async () => {
    for (const [options, body, smallest] of [
      [{}, 12, 10],
      [{ largePrint: true }, 16, 13],
    ] as const) {
      const sizes = glyphsBySize(await handoutBytes({ ...options, trackingSheet: true }));
      const total = [...sizes.values()].reduce((a, b) => a + b, 0);
      const most = [...sizes.entries()].sort((a, b) => b[1] - a[1])[0]![0];
      const below = [...sizes.entries()].filter(([size]) => size < body).reduce((sum, [, n]) => sum + n, 0);
      const report = JSON.stringify([...sizes.entries()].sort((a, b) => a[0] - b[0]));
      expect(most, report).toBe(body);
      expect(Math.min(...sizes.keys()), report).toBeGreaterThanOrEqual(smallest);
      expect(below / total, report).toBeLessThan(0.15);
    }
  });

  it("packs the exercises so that no page but the last is less than 60% full, in normal and large print", async () => {
    for (const options of [{}, { largePrint: true }, { shareUrl }]) {
      const fill = pageFill(await handoutBytes(options));
      // In large print a tall header (logo, contact, instructions) can leave page 1 too little room for the first
      // exercise's name, big picture and first step, which are never parted: then page 1 is the header alone.
      const first = options.largePrint ? 0.5 : 0.6;
      expect(
        fill.slice(0, -1).every((f, i) => f >= (i === 0 ? first : 0.6)),
        `${JSON.stringify(options)}: ${fill.map((f) => f.toFixed(2))}`,
      ).toBe(true);
    }
    // Large print is bigger, not emptier: every exercise is still printed, in order.
    const pdf = await handout({ largePrint: true });
    const firstPage = names.map((name, i) => pdf.pages.findIndex((page) => page.includes(`${i + 1} ${name}`)));
    expect(firstPage.every((page, i) => page >= 0 && (i === 0 || page >= firstPage[i - 1]!))).toBe(true);
    expect(pdf.pageCount).toBeGreaterThan((await handout()).pageCount);
  });

  it("is well-formed: title and language set, sound to qpdf, read in order", async () => {
    for (const options of [{}, { largePrint: true, trackingSheet: true, shareUrl }]) {
      expect(pdfStructure(await handoutBytes(options))).toEqual({ lang: "en", title: content.title, qpdfOk: true });
    }
    // pdftotext reads the page as a person would: header, then each exercise's name, dose and steps in turn.
    const { text } = await handout();
    const order = [content.title, "Before you start", names[0]!, "1. ", "2. ", "Tips:", names[1]!, names.at(-1)!].map((s, i, all) =>
      text.indexOf(s, i === 0 ? 0 : text.indexOf(all[i - 1]!)),
    );
    expect(
      order.every((at, i) => at >= 0 && (i === 0 || at > order[i - 1]!)),
      String(order),
    ).toBe(true);
  });

  it("adds a landscape tracking sheet: every exercise against 14 days from the start date", async () => {
    const [plain, tracked] = [await handout(), await handout({ trackingSheet: true })];
    expect(tracked.pageCount).toBe(plain.pageCount + 1);
    expect(tracked.pageSizes.at(-1)).toBe("841.89 x 595.28");
    const sheet = tracked.pages.at(-1)!;
    expect(sheet).toContain("Exercise diary");
    names.forEach((name, i) => expect(sheet).toContain(`${i + 1}. ${name}`));
    // 1 June 2026 is a Monday; two weeks end on Sunday 14 June.
    expect(sheet).toMatch(/Mon\b.*\b1 Jun\b/);
    expect(sheet).toMatch(/\b14 Jun\b/);
    expect(sheet).not.toMatch(/\b15\b/);
  });

  it("keeps three sessions a day in one row of the tracking sheet, in normal and large print", async () => {
    const { id } = await createRoutine(t.db, ada, { patientId: null, templateId: null });
    const [a, b, c] = [await exerciseId("neck-rolls"), await exerciseId("cat-cow"), await exerciseId("wall-angels")];
    const item = (exerciseId: number, timesPerDay: number) => ({ exerciseId, dose: { timesPerDay }, note: "" });
    await saveRoutine(t.db, ada, id, 1, {
      title: "Three a day",
      instructions: "",
      startDate: null,
      reviewDate: null,
      sections: [{ title: "Only", items: [item(a, 3), item(b, 1), item(c, 1)] }],
    });
    for (const largePrint of [false, true]) {
      const pdf = (await renderHandoutForRoutine(t.db, id, { trackingSheet: true, largePrint })).pdf;
      // Where each row's name starts on the diary's first page: a row whose boxes wrapped would be taller.
      const diary = readPdf(pdf).pages.findIndex((page) => page.includes("Exercise diary"));
      const words = wordBoxes(pdf).filter((w) => w.page === diary);
      const tops = ["1.", "2.", "3."].map((n) => words.find((w) => w.text === n)!.top);
      expect(tops[1]! - tops[0]!, `large print: ${largePrint}`).toBeCloseTo(tops[2]! - tops[1]!, 0);
    }
  });

  it("prints a QR code and the short address when given the share link", async () => {
    const [plain, shared] = [await handout(), await handout({ shareUrl })];
    expect(shared.text).toContain("exercises.example.org/r/Xk3pQ9vL2mN7rT4wY8zA1bC5dE6fG0hJ");
    expect(shared.text).toContain("Scan for your exercises on your phone");
    expect(plain.text).not.toContain("Scan for your exercises on your phone");
  });

  it("names the file for the patient, routine and date in plain ASCII", async () => {
    const { fileName } = await prepareHandout(t.db, routineId);
    expect(fileName).toMatch(/^Lucja-Dvorak-Omega-Zhanna-Upper-back-pain-mobility-\d{4}-\d{2}-\d{2}\.pdf$/);
    const template = await renderHandoutForRoutine(t.db, templateId);
    expect(template.fileName).toMatch(/^template-Upper-back-pain-mobility-\d{4}-\d{2}-\d{2}\.pdf$/);
    const text = readPdf(template.pdf).text;
    expect(text).toContain("Upper back pain — mobility Template");
    expect(text).not.toContain(patientName);
  });

  it("serves a repeat request from memory, and draws again when the routine or the options change", async () => {
    const { id } = await createRoutine(t.db, ada, { patientId: null, templateId });
    const first = await renderHandoutForRoutine(t.db, id);
    const renders = handoutStats().renders;
    const again = await prepareHandout(t.db, id);
    expect(again).toMatchObject({ etag: first.etag, cached: true });
    expect(await again.pdf()).toEqual(first.pdf);
    expect(handoutStats().renders).toBe(renders);

    const letter = await renderHandoutForRoutine(t.db, id, { paper: "LETTER" });
    expect(letter.etag).not.toBe(first.etag);
    const saved = (await readRoutineContent(t.db, id))!;
    await saveRoutine(t.db, ada, id, 1, { ...saved, title: "Upper back — week 2" });
    const revised = await renderHandoutForRoutine(t.db, id);
    expect(revised.etag).not.toBe(first.etag);
    expect(handoutStats().renders).toBe(renders + 2);
  });

  it("pre-renders the current revision's default handout after a save, so the first download is a cache hit", async () => {
    const { id } = await createRoutine(t.db, ada, { patientId: null, templateId });
    const saved = (await readRoutineContent(t.db, id))!;
    await saveRoutine(t.db, ada, id, 1, { ...saved, title: "Pre-rendered on save" });
    expect((await prepareHandout(t.db, id)).cached).toBe(false);
    await prerenderHandout(t.db, id);
    const download = await prepareHandout(t.db, id);
    expect(download.cached).toBe(true);
    expect(readPdf(await download.pdf()).text).toContain("Pre-rendered on save");
    // Other options are still drawn on demand.
    expect((await prepareHandout(t.db, id, { largePrint: true })).cached).toBe(false);
  });

  it("keeps every step of an exercise too long for one page", async () => {
    const { id } = await createRoutine(t.db, ada, { patientId: null, templateId: null });
    const long = await exerciseId("wall-angels");
    await t.db
      .update(exercises)
      .set({ steps: Array.from({ length: 45 }, (_, i) => `Step number ${i + 1}: move slowly and keep breathing evenly the whole time.`) })
      .where(eq(exercises.id, long));
    await saveRoutine(t.db, ada, id, 1, {
      title: "Long one",
      instructions: "",
      startDate: null,
      reviewDate: null,
      sections: [{ title: "Only", items: [{ exerciseId: long, dose: {}, note: "" }] }],
    });
    for (const largePrint of [false, true]) {
      const pdf = readPdf((await renderHandoutForRoutine(t.db, id, { largePrint })).pdf);
      for (const n of [1, 23, 45]) expect(pdf.text).toContain(`Step number ${n}: move slowly`);
      expect(pdf.pageCount).toBeGreaterThanOrEqual(2);
    }
  });

  it("refuses an unknown routine and options it cannot print", async () => {
    await expect(prepareHandout(t.db, 999_999)).rejects.toMatchObject({ code: "not_found" });
    await expect(prepareHandout(t.db, routineId, { shareUrl: "javascript:alert(1)" })).rejects.toMatchObject({ code: "validation" });
  });
});
