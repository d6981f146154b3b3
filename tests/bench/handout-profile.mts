/**
 * Child process of handout.bench.ts: renders each handout it is given a few times on its main thread under
 * V8's sampling profiler and prints, as JSON, where the time went — summed by the part of the work (element
 * tree, layout, fonts, writing and compressing the PDF, garbage collection) whose code was running, native
 * code counted for the script that called it. Runs with React's production build, as the workers do. An ES module for the same reason as handout-inline-probe.mts.
 */
import { readFileSync } from "node:fs";
import { Session } from "node:inspector/promises";
import { deserialize } from "node:v8";
import { renderHandoutPdf } from "../../lib/handout/pdf/render-handout-pdf";
import type { HandoutPayload } from "../../lib/handout/types";

type ProfileNode = { id: number; callFrame: { url: string; functionName: string }; children?: number[] };
type Profile = { nodes: ProfileNode[]; samples: number[]; timeDeltas: number[] };

/** Which part of the work a script belongs to, by where it lives. */
function partOf(url: string, functionName: string): string {
  if (!url)
    return functionName === "(garbage collector)"
      ? "garbage collection"
      : functionName === "(program)" || functionName === "(idle)"
        ? "other (V8, idle)"
        : "node internals (promises, buffers)";
  if (url === "node:zlib") return "writing the PDF: compressing (zlib)";
  // Yoga, the box layout, is the one WebAssembly module.
  if (url.startsWith("wasm://")) return "layout: boxes and pages (layout, yoga, paginate)";
  const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url)?.[1];
  if (pkg === "@react-pdf/textkit" || pkg === "hyphen" || pkg === "@react-pdf/hyphenate" || pkg === "bidi-js")
    return "layout: text (textkit, bidi)";
  if (pkg === "@react-pdf/layout" || pkg === "@react-pdf/paginate" || pkg === "yoga-layout" || pkg === "emoji-regex-xs")
    return "layout: boxes and pages (layout, yoga, paginate)";
  if (pkg === "@react-pdf/stylesheet" || pkg === "@react-pdf/fns" || pkg === "postcss-value-parser" || pkg === "media-engine")
    return "layout: resolving styles (stylesheet, fns)";
  if (
    pkg === "fontkit" ||
    pkg === "@react-pdf/font" ||
    pkg === "restructure" ||
    pkg === "unicode-trie" ||
    pkg === "unicode-properties" ||
    pkg === "brotli"
  )
    return "fonts: shaping, subsetting (fontkit)";
  if (pkg === "@react-pdf/pdfkit" || pkg === "pdfkit" || pkg === "@react-pdf/render" || pkg === "pako" || pkg === "crypto-js")
    return "writing the PDF: drawing (render, pdfkit)";
  if (pkg === "qrcode") return "QR code";
  if (
    pkg === "react-reconciler" ||
    pkg === "react" ||
    pkg === "@react-pdf/reconciler" ||
    pkg === "@react-pdf/renderer" ||
    pkg === "@react-pdf/primitives" ||
    pkg === "scheduler"
  )
    return "element tree (React, reconciler)";
  if (pkg) return `other packages (${pkg})`;
  if (url.includes("/lib/illustrations/")) return "our drawings (lib/illustrations)";
  if (url.includes("/lib/handout/")) return "our document code (lib/handout)";
  return url.startsWith("node:") ? "node internals (promises, buffers)" : "other";
}

async function main() {
  const cases = deserialize(readFileSync(process.argv[2]!)) as { label: string; payload: HandoutPayload }[];
  const runs = Number(process.argv[3] ?? 10);
  for (const { payload } of cases) await renderHandoutPdf(payload); // warm: fonts parsed, code compiled
  const session = new Session();
  session.connect();
  await session.post("Profiler.enable");
  await session.post("Profiler.setSamplingInterval", { interval: 200 });
  const result: Record<string, Record<string, number>> = {};
  for (const { label, payload } of cases) {
    await session.post("Profiler.start");
    for (let i = 0; i < runs; i++) await renderHandoutPdf(payload);
    const { profile } = (await session.post("Profiler.stop")) as unknown as { profile: Profile };
    const byId = new Map(profile.nodes.map((n) => [n.id, n]));
    const parent = new Map<number, ProfileNode>();
    for (const node of profile.nodes) for (const child of node.children ?? []) parent.set(child, node);
    const parts: Record<string, number> = {};
    profile.samples.forEach((id, i) => {
      // Native code (zlib's deflate, a typed-array copy) counts for the script that called it.
      let node = byId.get(id)!;
      const own = node.callFrame;
      if (!own.url && own.functionName !== "(garbage collector)" && own.functionName !== "(program)")
        for (let up = parent.get(node.id); up && !node.callFrame.url; up = parent.get(up.id)) node = up;
      const part = partOf(node.callFrame.url || own.url, node.callFrame.url ? node.callFrame.functionName : own.functionName);
      parts[part] = (parts[part] ?? 0) + (profile.timeDeltas[i] ?? 0) / 1000 / runs;
    });
    result[label] = parts;
  }
  session.disconnect();
  process.stdout.write(JSON.stringify(result));
}

void main();
