/**
 * /api/health while a 50,000-row import validates and writes: the same health query (a database round trip)
 * answered by a server in the same thread, pinged every 5 ms. Two runs side by side: the import as it was
 * (no pauses: every embedded-libSQL statement runs on this thread, and awaiting resolved promises never lets
 * I/O in) and as the endpoint runs it now (a turn for other requests every 4 ms of work).
 */
import { createServer, get } from "node:http";
import type { AddressInfo } from "node:net";
import { sql } from "drizzle-orm";
import type { Db } from "../../db/client";
import { users } from "../../db/schema";
import { mintSessionUser } from "../../lib/auth/session-user";
import { applyImport, validateImportInSlices } from "../../lib/exercises/transfer/import-exercises";
import { createPauser, neverPause, type Pauser } from "../../lib/exercises/transfer/pause";
import { createTempDb } from "../helpers/temp-db";
import { percentile, printTable } from "./stats";

const rowsPerImport = Number(process.env.IMPORT_BENCH_ROWS ?? 50_000);
const idle = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function importFile(tag: string): string {
  const base = {
    summary: "A gentle move.",
    steps: ["Sit tall.", "Breathe out and turn."],
    cues: "Slowly.",
    precautions: "",
    category: "mobility",
    bodyRegions: ["neck"],
    equipment: [],
    position: "seated",
    difficulty: "easy",
    tags: ["desk"],
    defaultDose: { sets: 2, reps: 10 },
    status: "published",
  };
  const exercises = Array.from({ length: rowsPerImport }, (_, i) => ({ ...base, key: `${tag}-${i}`, name: `${tag} move ${i}` }));
  return JSON.stringify({ format: "routine-exercises", version: 1, exercises });
}

async function healthWhile(db: Db, work: () => Promise<unknown>): Promise<number[]> {
  const server = createServer((_req, res) => {
    void db.run(sql`select 1`).then(() => res.end('{"status":"ok"}'));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  const samples: number[] = [];
  let done = false;
  // Lateness counts from when each ping was due: a ping due during a stall is sent and answered after it.
  const pinging = (async () => {
    let due = performance.now();
    for (;;) {
      await new Promise<void>((resolve, reject) =>
        get({ host: "127.0.0.1", port, path: "/api/health", agent: false }, (res) => res.resume().on("end", resolve)).on("error", reject),
      );
      samples.push(performance.now() - due);
      if (done) break;
      due = performance.now() + 5;
      await idle(5);
    }
  })();
  await idle(20);
  await work();
  done = true;
  await pinging;
  await new Promise((resolve) => server.close(resolve));
  return samples;
}

async function main() {
  const t = await createTempDb();
  const [actorRow] = await t.db
    .insert(users)
    .values({ email: "bench@clinic.test", name: "Bench", role: "admin", passwordHash: "x" })
    .returning();
  const actor = mintSessionUser({ id: actorRow!.id, email: actorRow!.email, name: actorRow!.name, role: actorRow!.role });
  const table: Record<string, string | number>[] = [];
  const run = async (label: string, tag: string, pauser: () => Pauser) => {
    const text = importFile(tag);
    let progressLines = 0;
    let firstProgressAt = 0;
    const started = performance.now();
    const samples = await healthWhile(t.db, async () => {
      const validation = await validateImportInSlices(text, "bench.json", pauser());
      if (!validation.ok) throw new Error("bench file invalid");
      await applyImport(
        t.db,
        actor,
        validation.rows,
        () => {
          progressLines++;
          firstProgressAt ||= performance.now() - started;
        },
        pauser(),
      );
    });
    table.push({
      import: label,
      rows: rowsPerImport,
      "import s": (performance.now() - started) / 1000,
      "health answers": samples.length,
      "health p50 ms": percentile(samples, 50),
      "health p99 ms": percentile(samples, 99),
      "health max ms": Math.max(...samples),
      "first progress s": firstProgressAt / 1000,
      "progress lines": progressLines,
    });
    return percentile(samples, 99);
  };
  const before = await run("no pauses (before)", "a", () => neverPause);
  const after = await run("paused every 4 ms (now)", "b", () => createPauser());
  printTable(table);
  console.log(`\nhealth p99 without pauses / with pauses: ${(before / after).toFixed(1)}×`);
  t.close();
}

void main();
