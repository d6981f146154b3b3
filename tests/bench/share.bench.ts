/**
 * The patient's page under load, next to a static file from the same server in the same run: the ratio says
 * what rendering a routine costs (token check, open counter write, queries, React) over serving bytes.
 * Also reports the gzipped JavaScript the page makes a phone download.
 *
 * Needs a production build (`npm run build`). Starts `next start` on a free port against a temporary
 * DATA_DIR whose database was filled beforehand through the lib functions.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { gzipSync } from "node:zlib";
import autocannon from "autocannon";
import { prepareDatabase } from "../../lib/startup/prepare-database";
import { shareFixture } from "../helpers/share-fixture";
import { createTempDb } from "../helpers/temp-db";
import { requireBuild, withNextServer } from "./next-server";
import { printTable } from "./stats";

const root = path.resolve(__dirname, "..", "..");
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

type Script = { src: string; legacyOnly: boolean };

/** The scripts a page's HTML loads; `noModule` ones are polyfills that only pre-2018 browsers fetch. */
function scriptTags(html: string): Script[] {
  const tags = [...html.matchAll(/<script\b[^>]*>/g)].map((m) => m[0]);
  const scripts = tags.flatMap((tag) => {
    const src = /\ssrc="(\/_next\/static\/[^"]+\.js)"/.exec(tag)?.[1];
    return src ? [{ src, legacyOnly: /\snoModule/i.test(tag) }] : [];
  });
  return scripts.filter((s, i) => scripts.findIndex((o) => o.src === s.src) === i);
}

/** Read back from the build and gzipped as a server would send them. */
function gzippedSize(src: string): { raw: number; gzip: number } {
  const bytes = readFileSync(path.join(root, ".next", src.replace(/^\/_next\//, "")));
  return { raw: bytes.length, gzip: gzipSync(bytes).length };
}

async function main() {
  requireBuild();
  const t = await createTempDb();
  await prepareDatabase(t.db, {});
  const { token } = await shareFixture(t);
  t.db.$client.close();

  try {
    await withNextServer(path.dirname(t.url.replace(/^file:/, "")), (base) => measure(base, token), { ADMIN_EMAIL: "bench@clinic.test", ADMIN_PASSWORD: "bench password 123" });
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
  const robots = await load("static /robots.txt (200)", `${base}/robots.txt`, 200);
  const inactive = await load("unknown link /r/{other} (404)", `${base}/r/${"x".repeat(43)}`, 404);
  console.log(`${seconds} s per case, ${connections} connections, one next start process, embedded database file.\n`);
  printTable([page.row, noWrite.row, robots.row, inactive.row]);
  console.log(`\nthroughput static / patient page: ${(robots.rps / page.rps).toFixed(1)}×`);
  console.log(`p99 latency patient page / static: ${(page.p99 / Math.max(1, robots.p99)).toFixed(1)}×`);

  // What the patient page loads beyond what every page loads (the sign-in page stands in for "every page").
  const shared = new Set(scriptTags(await (await fetch(`${base}/login`)).text()).map((s) => s.src));
  const scripts = scriptTags(html).map((s) => ({ ...s, ...gzippedSize(s.src), own: !shared.has(s.src) }));
  console.log(`\nJavaScript the patient page loads (from its script tags):\n`);
  printTable(
    scripts.map((s) => ({
      chunk: s.src.replace("/_next/static/chunks/", ""),
      "raw KB": s.raw / 1024,
      "gzip KB": s.gzip / 1024,
      kind: s.legacyOnly ? "noModule polyfills (old browsers only)" : s.own ? "not on the sign-in page" : "also on the sign-in page (React, Next router)",
    })),
  );
  const kb = (list: typeof scripts) => (list.reduce((sum, s) => sum + s.gzip, 0) / 1024).toFixed(1);
  const modern = scripts.filter((s) => !s.legacyOnly);
  console.log(`\ngzipped JavaScript a current phone downloads: ${kb(modern)} KB, of which not also on the sign-in page: ${kb(modern.filter((s) => s.own))} KB`);
  console.log(`the HTML itself: ${(gzipSync(html).length / 1024).toFixed(1)} KB gzipped (${(html.length / 1024).toFixed(0)} KB raw)`);
}

void main().catch((error) => {
  console.error(error);
  process.exit(1);
});
