/**
 * Exercise illustrations: how long the pure geometry function and the SVG adapter take for each of the 30
 * starter illustrations (the budget is 1 ms on the server), and how many bytes each adds to a page
 * gzipped (budget 4 KB). 30 warm-ups, then 300 runs each. It measures and prints; it never fails.
 */
import { gzipSync } from "node:zlib";
import { starterIllustrations } from "../../db/seed/illustrations";
import { illustrationToGeometry } from "../../lib/illustrations/geometry";
import { geometryToSvg } from "../../lib/illustrations/svg";
import { percentile, printTable } from "./stats";

const warmUps = 30;
const runs = 300;

function timeSync(n: number, fn: () => unknown): number[] {
  const samples: number[] = [];
  for (let i = 0; i < n; i++) {
    const start = performance.now();
    fn();
    samples.push(performance.now() - start);
  }
  return samples;
}

const rows = Object.entries(starterIllustrations).map(([key, illustration]) => {
  const render = () => geometryToSvg(illustrationToGeometry(illustration));
  timeSync(warmUps, render);
  const samples = timeSync(runs, render);
  const svg = render();
  return {
    illustration: key,
    "median ms": percentile(samples, 50),
    "p95 ms": percentile(samples, 95),
    "× of 1 ms budget (median)": percentile(samples, 50) / 1,
    "svg bytes": svg.length,
    "gzip bytes": gzipSync(svg).length,
  };
});
printTable(rows);
const worst = (column: keyof (typeof rows)[number]) => Math.max(...rows.map((r) => Number(r[column])));
console.log(`\nSlowest median ${worst("median ms").toFixed(3)} ms; largest ${worst("gzip bytes")} bytes gzipped.`);
