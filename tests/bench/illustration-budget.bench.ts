/**
 * What drawings cost where patients see them, side by side with the same pages without drawings:
 * - the handout of the 10-exercise starter routine, drawn cold through the worker pool, with the starter
 *   drawings and without them, alternating in rounds (budget: at most 20% slower). On a shared machine
 *   the medians move with the load; the fastest run of each column is the steadier estimate of the work
 *   itself, and both ratios are printed;
 * - the patient's phone page of that routine from `next start`, gzipped, with and without drawings
 *   (budget: at most 4 KB per drawing).
 * The 1 ms server budget per drawing is measured by illustrations.bench.ts. This measures and prints; it
 * never fails on a number. Needs a production build (`npm run build`).
 */
import path from "node:path";
import { gzipSync } from "node:zlib";
import { createClient } from "@libsql/client";
import { eq, sql } from "drizzle-orm";
import { exercises, routines } from "../../db/schema";
import { starterIllustrations } from "../../db/seed/illustrations";
import { handoutStats, renderHandoutForRoutine } from "../../lib/handout/render-handout";
import { createPatient } from "../../lib/patients/mutations";
import { patientInput } from "../../lib/patients/schemas";
import { createRoutine } from "../../lib/routines/mutations";
import { createShareLink } from "../../lib/share/links";
import { newShareLinkInput } from "../../lib/share/schemas";
import { prepareDatabase } from "../../lib/startup/prepare-database";
import { createTempDb, insertStaff } from "../helpers/temp-db";
import { requireBuild, withNextServer } from "./next-server";
import { percentile, printTable } from "./stats";

// Short alternating blocks, so a change in the machine's load falls on both columns alike.
const rounds = 12;
const perRound = 4;
const appUrl = "https://exercises.clinic.test";

async function main() {
  requireBuild();
  const t = await createTempDb();
  await prepareDatabase(t.db, {});
  const { ada } = await insertStaff(t.db);
  const patient = await createPatient(t.db, ada, patientInput.parse({ displayName: "Łucja Dvořák" }));
  const [{ id: templateId }] = (await t.db.select({ id: routines.id }).from(routines).where(eq(routines.isTemplate, true))) as [
    { id: number },
  ];
  const routineIds: number[] = [];
  for (let i = 0; i < perRound; i++) routineIds.push((await createRoutine(t.db, ada, { patientId: patient.id, templateId })).id);

  const drawingsOn = async () => {
    for (const [key, illustration] of Object.entries(starterIllustrations))
      await t.db.update(exercises).set({ illustration }).where(eq(exercises.key, key));
  };
  const drawingsOff = () =>
    t.db
      .update(exercises)
      .set({ illustration: sql`null` })
      .where(sql`1 = 1`);

  // The first handout loads the workers and fonts: not part of either column.
  await renderHandoutForRoutine(t.db, routineIds[0]!, { shareUrl: `${appUrl}/r/warm-up` });
  const samples = { with: [] as number[], without: [] as number[] };
  const bytes = { with: 0, without: 0 };
  for (let round = 0; round < rounds; round++) {
    for (const mode of ["with", "without"] as const) {
      await (mode === "with" ? drawingsOn() : drawingsOff());
      for (const [i, id] of routineIds.entries()) {
        // A share address of its own makes every render a cache miss with the same work.
        const started = performance.now();
        const { pdf } = await renderHandoutForRoutine(t.db, id, { shareUrl: `${appUrl}/r/${mode}-${round}-${i}` });
        samples[mode].push(performance.now() - started);
        bytes[mode] = pdf.byteLength;
      }
    }
  }
  const median = (mode: "with" | "without") => percentile(samples[mode], 50);
  printTable(
    (["without", "with"] as const).map((mode) => ({
      handout: `starter routine (10), ${mode} drawings, cold`,
      runs: samples[mode].length,
      "min ms": Math.min(...samples[mode]),
      "median ms": median(mode),
      "p95 ms": percentile(samples[mode], 95),
      "PDF KB": Math.round(bytes[mode] / 1024),
    })),
  );
  console.log(
    `Handout with drawings ÷ without: ${(median("with") / median("without")).toFixed(2)} by median, ` +
      `${(Math.min(...samples.with) / Math.min(...samples.without)).toFixed(2)} by fastest run (budget 1.20). ` +
      `Pool: ${JSON.stringify(handoutStats())}`,
  );

  await drawingsOn();
  const link = await createShareLink(t.db, ada, newShareLinkInput.parse({ routineId: routineIds[0]!, label: "bench" }), appUrl);
  const token = link.url.slice(`${appUrl}/r/`.length);
  t.db.$client.close();
  const dbFile = t.url.replace(/^file:/, "");
  await withNextServer(path.dirname(dbFile), async (base) => {
    const page = async () => {
      const response = await fetch(`${base}/r/${token}`);
      if (!response.ok) throw new Error(`The phone page answered ${response.status}.`);
      return Buffer.from(await response.arrayBuffer());
    };
    const client = createClient({ url: t.url });
    try {
      const withDrawings = await page();
      // Each drawing is an image of its own (/r/{token}/drawings/{position}): count what the phone fetches for it.
      const sources = [...withDrawings.toString("utf8").matchAll(/class="exercise-picture exercise-drawing" src="([^"]+)"/g)].map(
        (m) => m[1]!,
      );
      const images = await Promise.all(sources.map(async (src) => Buffer.from(await (await fetch(`${base}${src}`)).arrayBuffer())));
      const imageGzip = images.reduce((sum, svg) => sum + gzipSync(svg).length, 0);
      await client.execute("UPDATE exercises SET illustration = NULL");
      const without = await page();
      const drawn = Math.max(1, sources.length);
      const added = gzipSync(withDrawings).length - gzipSync(without).length + imageGzip;
      printTable([
        { "phone page": "without drawings", "HTML KB": without.length / 1024, "gzip KB": gzipSync(without).length / 1024 },
        {
          "phone page": `with ${sources.length} drawings`,
          "HTML KB": withDrawings.length / 1024,
          "gzip KB": gzipSync(withDrawings).length / 1024,
        },
        {
          "phone page": `its ${sources.length} drawing images (SVG)`,
          "HTML KB": images.reduce((sum, svg) => sum + svg.length, 0) / 1024,
          "gzip KB": imageGzip / 1024,
        },
      ]);
      console.log(`Each drawing adds ${(added / drawn / 1024).toFixed(2)} KB gzipped to the phone page, its image included (budget 4 KB).`);
    } finally {
      client.close();
    }
  });
  t.close();
  process.exit(0);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
