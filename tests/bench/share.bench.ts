/**
 * The patient's page under load, next to a static file from the same server in the same run: the ratios say
 * what rendering a routine costs (token check, open counter write, queries, HTML) over serving bytes.
 * Also reports what a first visit transfers (the HTML and what it loads, gzipped).
 *
 * Needs a production build (`npm run build`). Starts `next start` on a free port against a temporary
 * DATA_DIR whose database was filled beforehand through the lib functions.
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
const connections = 10;

async function load(label: string, url: string, expectStatus: number) {
  await autocannon({ url, connections, duration: 2 }); // warm up: JIT, caches, connection pool
  const result = await autocannon({ url, connections, duration: seconds, expectBody: undefined });
  const wrongStatus = expectStatus === 200 ? result.non2xx : result["2xx"];
  return {
    row: {
      case: label,
      "req/s": Math.round(result.requests.average),
      "p50 ms": result.latency.p50,
      "p99 ms": result.latency.p99,
      requests: result.requests.total,
      "errors/other status": result.errors + result.timeouts + wrongStatus,
    },
    rps: result.requests.average,
    p99: result.latency.p99,
  };
}

/** Bytes a first visit transfers: the HTML and every same-server resource it names, gzipped as sent. */
async function firstLoadWeight(base: string, html: string) {
  const resources = [...html.matchAll(/<(?:script|img|link)\b[^>]*\s(?:src|href)="([^"]+)"/g)].map((m) => m[1]!);
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
    await withNextServer(path.dirname(t.url.replace(/^file:/, "")), (base) => measure(base, token), {
      ADMIN_EMAIL: "bench@clinic.test",
      ADMIN_PASSWORD: "bench password 123",
    });
  } finally {
    t.close();
  }
}

async function measure(base: string, token: string) {
  const first = await fetch(`${base}/r/${token}`);
  const html = await first.text();
  if (first.status !== 200 || !html.includes("Upper back pain")) throw new Error(`The share page did not render (${first.status}).`);

  const page = await load("patient page /r/{token} (200)", `${base}/r/${token}`, 200);
  // The same page as it comes back after a tick's form post: no open-counter write, everything else alike.
  const noWrite = await load("same, after a tick (no open counted)", `${base}/r/${token}?done=0`, 200);
  const file = await load("static file /patient.js (200)", `${base}/patient.js`, 200);
  const inactive = await load("unknown link /r/{other} (404)", `${base}/r/${"x".repeat(43)}`, 404);
  console.log(`${seconds} s per case, ${connections} connections, one next start process, embedded database file.\n`);
  printTable([page.row, noWrite.row, file.row, inactive.row]);
  console.log(`\nthroughput patient page / static file: ${(page.rps / file.rps).toFixed(2)}× (issue 12 asks at least 0.5×)`);
  console.log(`p99 latency patient page / static file: ${(page.p99 / Math.max(1, file.p99)).toFixed(2)}× (issue 12 asks at most 2×)`);

  const weight = await firstLoadWeight(base, html);
  console.log(`\nFirst load of the patient page (the starter template, no pictures), gzipped:\n`);
  printTable(weight.map((w) => ({ resource: w.resource, "gzip KB": w.gzip / 1024 })));
  console.log(`\ntotal: ${(weight.reduce((sum, w) => sum + w.gzip, 0) / 1024).toFixed(1)} KB (issue 12 asks at most 60 KB)`);
}

void main().catch((error) => {
  console.error(error);
  process.exit(1);
});
