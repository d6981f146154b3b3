/**
 * Exercise library search at clinic scale: 10,000 exercises (the starter library plus generated variations
 * of it), searched the way a clinician uses the list page — typing a name letter by letter, a word from the
 * steps, several words, text plus filters, filters alone, a miss, the first page and a deep page. A naive
 * `LIKE '%word%'` scan over name/summary/steps runs in the same process as the baseline, so the ratio shows
 * what the FTS5 index buys on this machine. Each case runs up to 200 times after 20 warm-ups, fewer when it is
 * slow (the runs column says how many). It measures and prints; it never fails on a number.
 */
import { sql } from "drizzle-orm";
import type { Db } from "../../db/client";
import { exercises } from "../../db/schema";
import { seedStarterContent } from "../../db/seed";
import { starterExercises } from "../../db/seed/exercises";
import type { SeedExercise } from "../../db/seed/types";
import { exerciseQuery } from "../../lib/exercises/schemas";
import { searchExercises } from "../../lib/exercises/search";
import {
  bodyRegions,
  difficulties,
  equipmentKinds,
  exerciseCategories,
  startingPositions,
  type ExerciseStatus,
} from "../../lib/exercises/vocabulary";
import { createTempDb } from "../helpers/temp-db";
import { percentile, printTable, time } from "./stats";

const totalExercises = 10_000;
const batchSize = 500;
const warmUps = 20;
const runs = 200;
// A slow case gets fewer warm-ups and runs so the whole benchmark stays within a couple of minutes; one that
// takes longer than a second is not repeated at all (its single first run is the sample, shown as runs = 1).
const budgetMsPerCase = 3_000;
const minRuns = 5;
const tooSlowToRepeatMs = 1_000;

// A fixed-seed PRNG (mulberry32): every run builds the same library, so runs compare.
function prng(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const random = prng(20240611);
const chance = (p: number) => random() < p;
const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
const shuffled = <T>(items: readonly T[]): T[] => {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
};
const unique = <T>(items: T[]): T[] => [...new Set(items)];

const namePrefixes = ["Seated", "Standing", "Supported", "Gentle", "Banded", "Assisted", "Slow", "Progressed"];
const extraTags = ["desk", "office", "posture", "home", "rehab", "beginner", "advanced", "post-op", "runner", "gentle"];

/** A plausible clinician-made variation of a starter exercise (number `n` keeps name and key unique). */
function variation(base: SeedExercise, n: number): typeof exercises.$inferInsert {
  const steps = shuffled(base.steps);
  if (chance(0.3)) steps.splice(Math.floor(random() * steps.length), 0, pick(pick(starterExercises).steps));
  const roll = random();
  const status: ExerciseStatus = roll < 0.1 ? "draft" : roll < 0.15 ? "archived" : "published";
  return {
    key: `${base.key}-v${n}`,
    name: `${chance(0.25) ? `${pick(namePrefixes)} ` : ""}${base.name} — variation ${n}`,
    summary: base.summary,
    steps,
    cues: base.cues,
    precautions: base.precautions,
    category: chance(0.2) ? pick(exerciseCategories) : base.category,
    bodyRegions: unique(chance(0.3) ? [...base.bodyRegions, pick(bodyRegions)] : base.bodyRegions),
    equipment: unique(chance(0.25) ? [...base.equipment, pick(equipmentKinds)] : base.equipment),
    position: chance(0.2) ? pick(startingPositions) : base.position,
    difficulty: chance(0.3) ? pick(difficulties) : base.difficulty,
    tags: unique([
      ...shuffled(base.tags).slice(0, 2 + Math.floor(random() * (base.tags.length - 1))),
      ...(chance(0.4) ? [pick(extraTags)] : []),
    ]),
    defaultDose: base.defaultDose,
    status,
  };
}

async function seedLibrary(db: Db): Promise<void> {
  await seedStarterContent(db);
  const rows = Array.from({ length: totalExercises - starterExercises.length }, (_, i) =>
    variation(starterExercises[i % starterExercises.length]!, i + 1),
  );
  await db.transaction(async (tx) => {
    for (let i = 0; i < rows.length; i += batchSize) await tx.insert(exercises).values(rows.slice(i, i + batchSize));
  });
}

/** The baseline without the index: the same page + count, found by scanning every row's text. */
async function likeScan(db: Db, word: string): Promise<number> {
  const pattern = `%${word}%`;
  const where = sql`status != 'archived' and (name like ${pattern} or summary like ${pattern} or steps like ${pattern})`;
  const [, counted] = await Promise.all([
    db.all<{ id: number }>(sql`select id, name, summary from exercises where ${where} order by name, id desc limit 25`),
    db.all<{ n: number }>(sql`select count(*) as n from exercises where ${where}`),
  ]);
  return counted[0]?.n ?? 0;
}

async function main() {
  const t = await createTempDb();
  const { db } = t;

  const seedStart = performance.now();
  await seedLibrary(db);
  const seedMs = performance.now() - seedStart;
  const [{ n: stored } = { n: 0 }] = await db.all<{ n: number }>(sql`select count(*) as n from exercises`);
  console.log(
    `seeded ${stored} exercises (starter library + variations, batches of ${batchSize}, FTS kept by triggers) in ${(seedMs / 1000).toFixed(2)} s\n`,
  );

  const rows: Record<string, string | number>[] = [];
  const measure = async (label: string, fn: () => Promise<number>): Promise<number> => {
    const firstStart = performance.now();
    const matches = await fn();
    const first = performance.now() - firstStart;
    let samples = [first];
    if (first < tooSlowToRepeatMs) {
      const warm = await time(Math.min(warmUps, Math.ceil(tooSlowToRepeatMs / Math.max(first, 0.001))), fn);
      const typical = Math.max(percentile(warm, 50), 0.001);
      samples = await time(Math.max(minRuns, Math.min(runs, Math.floor(budgetMsPerCase / typical))), fn);
    }
    const median = percentile(samples, 50);
    rows.push({ query: label, matches, runs: samples.length, "median ms": median, "p95 ms": percentile(samples, 95) });
    return median;
  };
  const search = (label: string, input: Record<string, unknown>) =>
    measure(label, async () => (await searchExercises(db, exerciseQuery.parse({ page: 1, ...input }))).total);

  // A clinician typing "cat cow" into the search box, one keystroke at a time.
  await search('q "c"', { q: "c" });
  await search('q "ca"', { q: "ca" });
  await search('q "cat"', { q: "cat" });
  await search('q "cat cow"', { q: "cat cow" });
  const ftsKneel = await search('q "kneel" (word in the steps)', { q: "kneel" });
  await search('q "shoulder blade squeeze"', { q: "shoulder blade squeeze" });
  await search('q "stretch" + category stretch + region neck', { q: "stretch", category: "stretch", region: "neck" });
  await search("region upper-back + equipment chair (no text)", { region: "upper-back", equipment: "chair" });
  await search('q "zzzz" (no results)', { q: "zzzz" });
  // Forgiving search: a typo re-runs as the closest spelling (word list read from fts5vocab, kept a minute);
  // a clinical word becomes an OR of the plain words the library uses.
  await search('q "thorasic" (typo → "Did you mean thoracic")', { q: "thorasic" });
  await search('q "rhomboid" (clinical word → shoulder blade…)', { q: "rhomboid" });
  await search("no query, page 1", {});
  await search("no query, page 100", { page: 100 });
  const likeKneel = await measure("LIKE '%kneel%' scan, name/summary/steps", () => likeScan(db, "kneel"));

  printTable(rows);
  const ratio = likeKneel / ftsKneel;
  console.log(
    `\nLIKE scan / FTS median for "kneel": ${ratio.toPrecision(2)}×` +
      (ratio < 1 ? ` (the FTS search is ${(1 / ratio).toPrecision(3)}× slower than the scan)` : ""),
  );

  t.close();
}

void main();
