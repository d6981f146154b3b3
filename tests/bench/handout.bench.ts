/**
 * Printable handouts, side by side with a browser: how long a new handout of the 10-exercise starter routine
 * and of a 40-exercise routine (a quarter of them with pictures) take through the worker pool, cold (drawn)
 * and warm (from the cache), against an already running headless Chromium printing the same routine's phone
 * page (`page.goto` + `page.pdf()` against `next start`), the two alternating in rounds so both see the same
 * machine; where the renderer's time goes (V8's sampling profiler, summed by the part of the work); and how
 * quickly this thread still answers HTTP while 10 handouts render at once in the pool, against rendering
 * them inline on a main thread (in a child process) and against idle.
 * It measures and prints; it never fails on a number. Needs a production build (`npm run build`).
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
import { readHandoutSource } from "../../lib/handout/read-handout-source";
import { handoutStats, renderHandoutForRoutine } from "../../lib/handout/render-handout";
import type { HandoutPayload } from "../../lib/handout/types";
import { createPatient } from "../../lib/patients/mutations";
import { patientInput } from "../../lib/patients/schemas";
import { createRoutine, saveRoutine } from "../../lib/routines/mutations";
import { routineContent } from "../../lib/routines/schemas";
import { createShareLink } from "../../lib/share/links";
import { newShareLinkInput } from "../../lib/share/schemas";
import { prepareDatabase } from "../../lib/startup/prepare-database";
import { createTempDb, insertStaff } from "../helpers/temp-db";
import { requireBuild, withNextServer } from "./next-server";
import { idleFor, pingWhile } from "./responsiveness";
import { percentile, printTable, time } from "./stats";

const fixtures = path.join(__dirname, "..", "e2e", "fixtures");
Object.assign(process.env, {
  CLINIC_NAME: "Harbour Physiotherapy",
  CLINIC_CONTACT: "0117 496 0000 · 12 Quay Street, Bristol BS1 4DJ · harbourphysio.example",
  CLINIC_LOGO_PATH: path.join(fixtures, "clinic-logo.png"),
});
// The children render as the pool's workers do: with React's production build (see worker-entry.mjs).
const productionEnv = { ...process.env, NODE_ENV: "production" as const };
const coldRuns = 8;
const warmRuns = 50;
const concurrent = 10;
const appUrl = "https://exercises.clinic.test";

type Row = Record<string, string | number>;
const row = (label: string, samples: number[], bytes?: number): Row => ({
  case: label,
  runs: samples.length,
  "median ms": percentile(samples, 50),
  "p95 ms": percentile(samples, 95),
  "PDF KB": bytes === undefined ? "" : Math.round(bytes / 1024),
});

async function main() {
  requireBuild();
  const t = await createTempDb();
  await prepareDatabase(t.db, {});
  const { ada } = await insertStaff(t.db);
  const patient = await createPatient(t.db, ada, patientInput.parse({ displayName: "Łucja Dvořák" }));
  const [{ id: templateId }] = (await t.db.select({ id: routines.id }).from(routines).where(eq(routines.isTemplate, true))) as [
    { id: number },
  ];
  const library = await t.db.select({ id: exercises.id, defaultDose: exercises.defaultDose }).from(exercises).orderBy(exercises.id);
  const picture = readFileSync(path.join(fixtures, "shoulder-rolls.png"));
  for (const exercise of library.filter((_, i) => i % 4 === 0)) {
    await addExerciseImage(t.db, ada, exercise.id, { bytes: picture, name: "shoulder-rolls.png", alt: "" });
  }
  // Every cold run prints a routine of its own, so it is a cache miss with the same content.
  const fromTemplate = () => createRoutine(t.db, ada, { patientId: patient.id, templateId }).then((r) => r.id);
  const fortyExercises = async () => {
    const { id } = await createRoutine(t.db, ada, { patientId: patient.id, templateId: null });
    const items = Array.from({ length: 40 }, (_, i) => ({
      exerciseId: library[i % library.length]!.id,
      dose: library[i % library.length]!.defaultDose,
      note: i % 5 ? "" : "Go gently.",
    }));
    const sections = [0, 1, 2, 3].map((s) => ({ title: `Part ${s + 1}`, items: items.slice(s * 10, s * 10 + 10) }));
    await saveRoutine(
      t.db,
      ada,
      id,
      1,
      routineContent.parse({ title: "Forty exercises", instructions: "Work through one part a day.", sections }),
    );
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
  const warmRows = [row("starter template (10), warm (cache)", await time(warmRuns, () => renderHandoutForRoutine(t.db, templateIds[0]!)))];
  const forty = await renderHandoutForRoutine(t.db, fortyIds[0]!);
  warmRows.push(row("40 exercises, warm (cache)", await time(warmRuns, () => renderHandoutForRoutine(t.db, fortyIds[0]!))));

  const payload = async (id: number): Promise<HandoutPayload> => {
    const source = await readHandoutSource(t.db, id);
    return {
      ...(await source.withPictures()),
      clinic: { name: source.clinic.name, contact: source.clinic.contact, logo: null },
      paper: "A4",
      largePrint: false,
      trackingSheet: false,
      shareUrl: null,
    };
  };

  // Where the renderer's time goes, per handout, in a child process (plain Node, as in a worker).
  const profileFile = path.join(t.dir, "profile-payloads.bin");
  writeFileSync(
    profileFile,
    serialize([
      { label: "starter (10)", payload: await payload(templateIds[0]!) },
      { label: "40 exercises", payload: await payload(fortyIds[0]!) },
    ]),
  );
  const profile = await new Promise<Record<string, Record<string, number>>>((resolve, reject) =>
    execFile(
      process.execPath,
      // The workers' young generation (workerHeap in render-pool.ts: 96 MB, that is 32 MB semispaces).
      ["--max-semi-space-size=32", "--import", "tsx", path.join(__dirname, "handout-profile.mts"), profileFile, "10"],
      { maxBuffer: 1 << 24, env: productionEnv },
      (error, stdout) => (error ? reject(error) : resolve(JSON.parse(stdout))),
    ),
  );

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
    execFile(
      process.execPath,
      ["--import", "tsx", path.join(__dirname, "handout-inline-probe.mts"), payloadFile],
      { maxBuffer: 1 << 24, env: productionEnv },
      (error, stdout) => (error ? reject(error) : resolve(JSON.parse(stdout))),
    ),
  );

  // The same routines' phone pages, printed by an already running Chromium from an already running server.
  const phonePage = async (routineId: number) => {
    const link = await createShareLink(t.db, ada, newShareLinkInput.parse({ routineId, label: "bench" }), appUrl);
    return link.url.slice(`${appUrl}/r/`.length);
  };
  const [starterToken, fortyToken] = [await phonePage(templateIds[0]!), await phonePage(fortyIds[0]!)];
  // The database stays open: the server reads it too (SQLite allows both), and every new handout below reads
  // its routine as a download does. Each cold handout is a routine of its own, so a cache miss with the same
  // content; a round draws one of each and prints each phone page once, so both see the same machine.
  const cold = { starter: [] as number[], forty: [] as number[] };
  const printed = { starter: [] as number[], forty: [] as number[] };
  const chromiumBytes = { starter: 0, forty: 0 };
  let launchMs = 0;
  try {
    await withNextServer(path.dirname(t.url.replace(/^file:/, "")), async (base) => {
      startedAt = performance.now();
      const browser = await chromium.launch({ ...playwrightConfig.use?.launchOptions });
      launchMs = performance.now() - startedAt;
      const cases = [
        { key: "starter", token: starterToken, title: "Upper back pain", ids: templateIds },
        { key: "forty", token: fortyToken, title: "Forty exercises", ids: fortyIds },
      ] as const;
      const print = async (token: string) => {
        const page = await browser.newPage({ viewport: { width: 390, height: 844 } });
        await page.goto(`${base}/r/${token}`, { waitUntil: "load" });
        const bytes = (await page.pdf({ format: "A4", printBackground: true })).byteLength;
        await page.close();
        return bytes;
      };
      for (const { key, token, title } of cases) {
        const page = await browser.newPage();
        const html = await (await page.goto(`${base}/r/${token}`))!.text();
        await page.close();
        if (!html.includes(title)) throw new Error(`The phone page of the ${key} routine did not render.`);
        await print(token); // first print of this page: server and browser caches
      }
      for (let round = 1; round <= coldRuns; round++) {
        for (const { key, token, ids } of cases) {
          cold[key].push(...(await time(1, () => renderHandoutForRoutine(t.db, ids[round]!))));
          startedAt = performance.now();
          chromiumBytes[key] = await print(token);
          printed[key].push(performance.now() - startedAt);
        }
      }
      await browser.close();
    });
  } finally {
    t.close();
  }
  const stats = handoutStats();
  const [starterCold, fortyCold] = [cold.starter, cold.forty];
  const chromiumMedians = [percentile(printed.starter, 50), percentile(printed.forty, 50)];
  rows.push(row("starter template (10), cold", starterCold, first.pdf.byteLength));
  rows.push(row("40 exercises, cold", fortyCold, forty.pdf.byteLength));
  rows.push(...warmRows);
  const chromiumRows = [
    row("starter (10): Chromium prints the phone page", printed.starter, chromiumBytes.starter),
    row("40 exercises: Chromium prints the phone page", printed.forty, chromiumBytes.forty),
    { case: "Chromium launch (once per server)", runs: 1, "median ms": launchMs, "p95 ms": launchMs, "PDF KB": "" },
  ];

  printTable([...rows, ...chromiumRows]);
  console.log(
    `\nA new handout against an already running Chromium printing the same routine's phone page (medians of ${coldRuns} alternating rounds):\n`,
  );
  const targets = [1.0, 0.5];
  printTable(
    [starterCold, fortyCold].map((samples, i) => {
      const ms = percentile(samples, 50);
      return {
        routine: ["starter (10 exercises)", "40 exercises"][i]!,
        "react-pdf ms": ms,
        "Chromium ms": chromiumMedians[i]!,
        "react-pdf / Chromium": `${(ms / chromiumMedians[i]!).toFixed(2)}×`,
        target: `≤ ${targets[i]!.toFixed(1)}×`,
      };
    }),
  );
  console.log(`\nWhere a render's time goes (ms per handout, main thread of a child process, V8 sampling profiler):\n`);
  const parts = [...new Set(Object.values(profile).flatMap((p) => Object.keys(p)))];
  const totals = Object.fromEntries(Object.entries(profile).map(([label, p]) => [label, Object.values(p).reduce((a, b) => a + b, 0)]));
  printTable(
    parts
      .map((part) => ({
        part,
        ...Object.fromEntries(
          Object.entries(profile).map(([label, p]) => [
            label,
            `${(p[part] ?? 0).toFixed(1)} (${(((p[part] ?? 0) / totals[label]!) * 100).toFixed(0)}%)`,
          ]),
        ),
      }))
      .sort((a, b) => (profile["40 exercises"]![b.part] ?? 0) - (profile["40 exercises"]![a.part] ?? 0)),
  );
  console.log(`\nHandouts drawn: ${stats.renders}; cache: ${stats.cache.entries} PDFs, ${Math.round(stats.cache.bytes / 1024)} KB.`);

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
    ping(`rendering in the pool (${stats.pool?.workers} workers)`, pooled, pooledWall),
    ping("idle (child process)", inline.idle),
    ping("rendering inline on the main thread", inline.busy, inline.wallMs),
  ]);
}

void main().catch((error) => {
  console.error(error);
  process.exit(1);
});
