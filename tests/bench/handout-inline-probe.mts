/**
 * Child process of handout.bench.ts: renders handouts inline on its main thread (the thing the worker pool
 * avoids) while pinging its own HTTP server, and prints the timings as JSON. A separate process because the
 * benchmark runs with `--conditions=react-server`, under which react-pdf's React cannot load; an ES module
 * (.mts) because tsx would turn a .ts file into CommonJS, and react-pdf can only be imported.
 */
import { readFileSync } from "node:fs";
import { deserialize } from "node:v8";
import { renderHandoutPdf } from "../../lib/handout/pdf/render-handout-pdf";
import type { HandoutPayload } from "../../lib/handout/types";
import { idleFor, pingWhile } from "./responsiveness";

async function main() {
  const payloads = deserialize(readFileSync(process.argv[2]!)) as HandoutPayload[];
  await renderHandoutPdf(payloads[0]!); // load fonts and compile, as a warm worker would have
  const idle = await pingWhile(() => idleFor(1500));
  let wallMs = 0;
  const busy = await pingWhile(async () => {
    const started = performance.now();
    await Promise.all(payloads.map((payload) => renderHandoutPdf(payload)));
    wallMs = performance.now() - started;
  });
  process.stdout.write(JSON.stringify({ idle, busy, wallMs }));
}

void main();
