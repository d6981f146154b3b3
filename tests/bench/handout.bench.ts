/**
 * Printable handouts: how long the starter template and a 40-exercise routine (a quarter of them with
 * pictures) take to render through the worker pool, cold (drawn) and warm (answered from the cache); the same
 * 40-exercise routine printed by headless Chromium (`page.pdf()` of an HTML print view) side by side; and how
 * quickly this thread still answers HTTP while 10 handouts render at once in the pool, against rendering them
 * inline on a main thread (in a child process) and against idle. It measures and prints; it never fails on a
 * number.
 */
import { execFile } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { serialize } from "node:v8";
import { chromium } from "@playwright/test";
import { eq } from "drizzle-orm";
import playwrightConfig from "../../playwright.config";
import { exercises, routines } from "../../db/schema";
import { addExerciseImage } from "../../lib/exercises/image-mutations";
import { handoutConfig } from "../../lib/handout/clinic";
import { readHandoutSource } from "../../lib/handout/read-handout-source";
import { handoutStats, renderHandoutForRoutine } from "../../lib/handout/render-handout";
import type { HandoutPayload } from "../../lib/handout/types";
import { createPatient } from "../../lib/patients/mutations";
import { patientInput } from "../../lib/patients/schemas";
import { createRoutine, saveRoutine } from "../../lib/routines/mutations";
import { routineContent } from "../../lib/routines/schemas";
import { prepareDatabase } from "../../lib/startup/prepare-database";
import { createTempDb, insertStaff } from "../helpers/temp-db";
import { footerTemplate, handoutHtml } from "./handout-html";
import { idleFor, pingWhile } from "./responsiveness";
import { percentile, printTable, time } from "./stats";

const fixtures = path.join(__dirname, "..", "e2e", "fixtures");
Object.assign(process.env, {
  CLINIC_NAME: "Harbour Physiotherapy",
  CLINIC_CONTACT: "0117 496 0000 · 12 Quay Street, Bristol BS1 4DJ · harbourphysio.example",
  CLINIC_LOGO_PATH: path.join(fixtures, "clinic-logo.png"),
});
const coldRuns = 8;
const warmRuns = 50;
const concurrent = 10;

type Row = Record<string, string | number>;
const row = (label: string, samples: number[], bytes?: number): Row => ({
  case: label,
  runs: samples.length,
  "median ms": percentile(samples, 50),
  "p95 ms": percentile(samples, 95),
  "PDF KB": bytes === undefined ? "" : Math.round(bytes / 1024),
});

async function main() {
  const t = await createTempDb();
  await prepareDatabase(t.db, {});
  const { ada } = await insertStaff(t.db);
  const patient = await createPatient(t.db, ada, patientInput.parse({ displayName: "Łucja Dvořák" }));
  const [{ id: templateId }] = (await t.db.select({ id: routines.id }).from(routines).where(eq(routines.isTemplate, true))) as [{ id: number }];
  const library = await t.db.select({ id: exercises.id, defaultDose: exercises.defaultDose }).from(exercises).orderBy(exercises.id);
  const picture = readFileSync(path.join(fixtures, "shoulder-rolls.png"));
  for (const exercise of library.filter((_, i) => i % 4 === 0)) {
    await addExerciseImage(t.db, ada, exercise.id, { bytes: picture, name: "shoulder-rolls.png", alt: "" });
  }
  // Every cold run prints a routine of its own, so it is a cache miss with the same content.
  const fromTemplate = () => createRoutine(t.db, ada, { patientId: patient.id, templateId }).then((r) => r.id);
  const fortyExercises = async () => {
    const { id } = await createRoutine(t.db, ada, { patientId: patient.id, templateId: null });
    const items = Array.from({ length: 40 }, (_, i) => ({ exerciseId: library[i % library.length]!.id, dose: library[i % library.length]!.defaultDose, note: i % 5 ? "" : "Go gently." }));
    const sections = [0, 1, 2, 3].map((s) => ({ title: `Part ${s + 1}`, items: items.slice(s * 10, s * 10 + 10) }));
    await saveRoutine(t.db, ada, id, 1, routineContent.parse({ title: "Forty exercises", instructions: "Work through one part a day.", sections }));
    return id;
  };
  const templateIds: number[] = [];
  const fortyIds: number[] = [];
  for (let i = 0; i < coldRuns + 1; i++) templateIds.push(await fromTemplate());
  for (let i = 0; i < coldRuns + 1 + concurrent; i++) fortyIds.push(await fortyExercises());

  const rows: Row[] = [];
  let startedAt = performance.now();
  const first = await renderHandoutForRoutine(t.db, templateIds[0]!);
  rows.push(row("first handout after start (workers load)", [performance.now() - startedAt], first.pdf.byteLength));
  let next = 1;
  rows.push(row("starter template (10), cold", await time(coldRuns, () => renderHandoutForRoutine(t.db, templateIds[next++]!)), first.pdf.byteLength));
  rows.push(row("starter template (10), warm (cache)", await time(warmRuns, () => renderHandoutForRoutine(t.db, templateIds[0]!))));
  const forty = await renderHandoutForRoutine(t.db, fortyIds[0]!);
  next = 1;
  const fortyCold = await time(coldRuns, () => renderHandoutForRoutine(t.db, fortyIds[next++]!));
  rows.push(row("40 exercises, cold", fortyCold, forty.pdf.byteLength));
  rows.push(row("40 exercises, warm (cache)", await time(warmRuns, () => renderHandoutForRoutine(t.db, fortyIds[0]!))));

  // The same 40-exercise routine through headless Chromium, with the e2e tests' flags.
  const payload = async (id: number): Promise<HandoutPayload> => ({
    ...(await (await readHandoutSource(t.db, id)).withPictures()),
    clinic: handoutConfig().clinic,
    paper: "A4",
    largePrint: false,
    trackingSheet: false,
    shareUrl: null,
  });
  const fortyPayload = await payload(fortyIds[0]!);
  startedAt = performance.now();
  const browser = await chromium.launch({ ...playwrightConfig.use?.launchOptions });
  const launchMs = performance.now() - startedAt;
  let chromiumBytes = 0;
  const printWithChromium = async () => {
    const page = await browser.newPage();
    await page.setContent(handoutHtml(fortyPayload), { waitUntil: "load" });
    const pdf = await page.pdf({ format: "A4", printBackground: true, displayHeaderFooter: true, headerTemplate: "<span></span>", footerTemplate: footerTemplate(fortyPayload) });
    chromiumBytes = pdf.byteLength;
    await page.close();
  };
  await printWithChromium(); // first page load in a fresh browser: fonts, caches
  const chromiumSamples = await time(coldRuns, printWithChromium);
  await browser.close();
  rows.push(row("40 exercises, Chromium page.pdf()", chromiumSamples, chromiumBytes));
  rows.push({ case: "Chromium launch (once per server)", runs: 1, "median ms": launchMs, "p95 ms": launchMs, "PDF KB": "" });
  printTable(rows);
  const [reactPdf, browserPdf] = [percentile(fortyCold, 50), percentile(chromiumSamples, 50)];
  console.log(`\n40 exercises, medians: react-pdf ${reactPdf.toFixed(0)} ms, Chromium ${browserPdf.toFixed(0)} ms: react-pdf takes ${(reactPdf / browserPdf).toFixed(1)}× as long as an already running Chromium.`);
  console.log(`Handouts drawn: ${handoutStats().renders}; cache: ${handoutStats().cache.entries} PDFs, ${Math.round(handoutStats().cache.bytes / 1024)} KB.`);

  // Responsiveness: round trips to an HTTP server in the rendering thread.
  const busyIds = fortyIds.slice(coldRuns + 1);
  const idle = await pingWhile(() => idleFor(1500));
  let pooledWall = 0;
  const pooled = await pingWhile(async () => {
    const started = performance.now();
    await Promise.all(busyIds.map((id) => renderHandoutForRoutine(t.db, id)));
    pooledWall = performance.now() - started;
  });
  const payloadFile = path.join(t.dir, "payloads.bin");
  writeFileSync(payloadFile, serialize(await Promise.all(busyIds.map(payload))));
  const inline = await new Promise<{ idle: number[]; busy: number[]; wallMs: number }>((resolve, reject) =>
    execFile(process.execPath, ["--import", "tsx", path.join(__dirname, "handout-inline-probe.mts"), payloadFile], { maxBuffer: 1 << 24 }, (error, stdout) =>
      error ? reject(error) : resolve(JSON.parse(stdout)),
    ),
  );
  const ping = (label: string, samples: number[], wall?: number): Row => ({
    case: label,
    pings: samples.length,
    "median ms": percentile(samples, 50),
    "p95 ms": percentile(samples, 95),
    "max ms": Math.max(...samples),
    [`${concurrent} handouts ms`]: wall ?? "",
  });
  console.log(`\nHTTP round trips to a server in the same thread while ${concurrent} different 40-exercise handouts render at once:\n`);
  printTable([
    ping("idle (this process)", idle),
    ping(`rendering in the pool (${handoutStats().pool?.workers} workers)`, pooled, pooledWall),
    ping("idle (child process)", inline.idle),
    ping("rendering inline on the main thread", inline.busy, inline.wallMs),
  ]);
  t.close();
}

void main();
