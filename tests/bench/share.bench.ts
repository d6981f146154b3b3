/**
 * The patient's page under load, next to a static file from the same server in the same run: the ratios say
 * what rendering a routine costs (token check, open counter write, queries, HTML) over serving bytes.
 * Also reports what a first visit transfers (the HTML and what it loads, gzipped).
 *
 * Needs a production build (`npm run build`). Starts the production server (scripts/server.mjs, what
 * `npm start` runs, which answers the patient's page itself and hands the static file to Next) on a free port
 * against a temporary DATA_DIR whose database was filled beforehand through the lib functions.
 */
import path from "node:path";
import { gzipSync } from "node:zlib";
import autocannon from "autocannon";
import { prepareDatabase } from "../../lib/startup/prepare-database";
import { shareFixture } from "../helpers/share-fixture";
import { createTempDb } from "../helpers/temp-db";
import { requireBuild, withNextServer } from "./next-server";
import { printTable } from "./stats";

const seconds = Number(process.env.BENCH_SECONDS ?? 10);
const rounds = 3;
const connections = 10;

type Case = { label: string; url: string; expectStatus: number; headers?: Record<string, string> };
type Round = { rps: number; p50: number; p99: number; requests: number; wrong: number; cpuMs: number };

async function round({ url, expectStatus, headers }: Case, duration: number, cpuMs: () => number): Promise<Round> {
  const cpuBefore = cpuMs();
  const result = await autocannon({ url, connections, duration, headers });
  const wrongStatus = expectStatus === 200 ? result.non2xx : result["2xx"];
  return {
    rps: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    requests: result.requests.total,
    wrong: result.errors + result.timeouts + wrongStatus,
    cpuMs: cpuMs() - cpuBefore,
  };
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

/**
 * Every case in turn, `rounds` times over (each round a share of BENCH_SECONDS): the machine is shared, and a
 * neighbour's burst then slows every case alike instead of one. Throughput is the mean over the rounds,
 * latencies the median round's.
 */
async function load(cases: Case[], cpuMs: () => number) {
  // Warm-up: JIT, caches, the connection pool, and the server's own start-up work (the handout workers load
  // in the background for several seconds after the first health check).
  for (const c of cases) await autocannon({ url: c.url, connections, duration: 3, headers: c.headers });
  const measured = cases.map(() => [] as Round[]);
  for (let r = 0; r < rounds; r++)
    for (const [i, c] of cases.entries()) measured[i]!.push(await round(c, Math.max(1, seconds / rounds), cpuMs));
  return cases.map((c, i) => {
    const results = measured[i]!;
    const rps = results.reduce((sum, x) => sum + x.rps, 0) / results.length;
    const [p50, p99] = [median(results.map((x) => x.p50)), median(results.map((x) => x.p99))];
    const requests = results.reduce((sum, x) => sum + x.requests, 0);
    // The server's own CPU time per request: what a neighbour's load on this shared machine disturbs least.
    const cpuPerRequest = results.reduce((sum, x) => sum + x.cpuMs, 0) / requests;
    const row = {
      case: c.label,
      "req/s": Math.round(rps),
      "p50 ms": p50,
      "p99 ms": p99,
      "server CPU ms/req": Number(cpuPerRequest.toFixed(2)),
      requests,
      "errors/other status": results.reduce((sum, x) => sum + x.wrong, 0),
    };
    return { row, rps, p99, cpuPerRequest };
  });
}

/** Bytes a first visit transfers: the HTML and every same-server resource it names, gzipped as sent. */
async function firstLoadWeight(base: string, html: string) {
  // Each address once: a browser fetches a resource the page names twice only once.
  const resources = [...new Set([...html.matchAll(/<(?:script|img|link)\b[^>]*\s(?:src|href)="([^"]+)"/g)].map((m) => m[1]!))];
  const rows = [{ resource: "the page's HTML", gzip: gzipSync(html).length }];
  for (const src of resources) {
    if (!src.startsWith("/") || src.startsWith("//")) throw new Error(`The page loads from another host: ${src}`);
    const body = Buffer.from(await (await fetch(`${base}${src}`)).arrayBuffer());
    rows.push({ resource: src, gzip: gzipSync(body).length });
  }
  return rows;
}

async function main() {
  requireBuild();
  const t = await createTempDb();
  await prepareDatabase(t.db, {});
  const { token } = await shareFixture(t);
  t.db.$client.close();

  try {
    await withNextServer(path.dirname(t.url.replace(/^file:/, "")), (base, server) => measure(base, token, server.cpuMs), {
      ADMIN_EMAIL: "bench@clinic.test",
      ADMIN_PASSWORD: "bench password 123",
    });
  } finally {
    t.close();
  }
}

async function measure(base: string, token: string, cpuMs: () => number) {
  const first = await fetch(`${base}/r/${token}`);
  const html = await first.text();
  if (first.status !== 200 || !html.includes("Upper back pain")) throw new Error(`The share page did not render (${first.status}).`);

  const gzip = { "accept-encoding": "gzip" };
  const [page, noWrite, file, inactive, pageGzip, fileGzip] = await load(
    [
      { label: "patient page /r/{token} (200)", url: `${base}/r/${token}`, expectStatus: 200 },
      // The same page as it comes back after a tick's form post: no open counted, everything else alike.
      { label: "same, after a tick (no open counted)", url: `${base}/r/${token}?done=0`, expectStatus: 200 },
      { label: "static file /patient.js (200)", url: `${base}/patient.js`, expectStatus: 200 },
      { label: "unknown link /r/{other} (404)", url: `${base}/r/${"x".repeat(43)}`, expectStatus: 404 },
      // As a phone asks: compressed (the server gzips the page per response, Next the static file).
      { label: "patient page, gzip", url: `${base}/r/${token}`, expectStatus: 200, headers: gzip },
      { label: "static file, gzip", url: `${base}/patient.js`, expectStatus: 200, headers: gzip },
    ],
    cpuMs,
  );
  console.log(
    `${seconds} s per case in ${rounds} interleaved rounds, ${connections} connections, one production server (scripts/server.mjs), embedded database file.\n`,
  );
  printTable([page!.row, noWrite!.row, file!.row, inactive!.row, pageGzip!.row, fileGzip!.row]);
  console.log(`\nthroughput patient page / static file: ${(page!.rps / file!.rps).toFixed(2)}× (issue 12 asks at least 0.5×)`);
  console.log(`p99 latency patient page / static file: ${(page!.p99 / Math.max(1, file!.p99)).toFixed(2)}× (issue 12 asks at most 2×)`);
  console.log(`server CPU per request, patient page / static file: ${(page!.cpuPerRequest / file!.cpuPerRequest).toFixed(2)}×`);
  console.log(
    `gzip, throughput: ${(pageGzip!.rps / fileGzip!.rps).toFixed(2)}×, p99: ${(pageGzip!.p99 / Math.max(1, fileGzip!.p99)).toFixed(2)}×`,
  );

  const weight = await firstLoadWeight(base, html);
  console.log(`\nFirst load of the patient page (the starter template, no pictures), gzipped:\n`);
  printTable(weight.map((w) => ({ resource: w.resource, "gzip KB": w.gzip / 1024 })));
  console.log(`\ntotal: ${(weight.reduce((sum, w) => sum + w.gzip, 0) / 1024).toFixed(1)} KB (issue 12 asks at most 60 KB)`);
}

void main().catch((error) => {
  console.error(error);
  process.exit(1);
});
