/**
 * Draws every starter illustration with its exercise's name on one contact sheet, docs/illustrations.png,
 * by rendering the SVGs in headless Chromium.
 *
 *   npm run illustrations:sheet                      # the contact sheet
 *   npm run illustrations:sheet -- --only cat-cow,wall-angels --width 340 --out /tmp/two.png
 *   npm run illustrations:sheet -- --side left --out /tmp/left.png   # as drawn for a left-side dose
 */
import { mkdirSync } from "node:fs";
import path from "node:path";
import { chromium } from "@playwright/test";
import { starterExercises } from "../db/seed/exercises";
import { starterIllustrations } from "../db/seed/illustrations";
import { geometryToSvg } from "../lib/illustrations/svg";
import { illustrationToGeometry } from "../lib/illustrations/geometry";

function argument(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

const escapeHtml = (s: string) => s.replace(/[&<>"]/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;" })[c]!);

async function main() {
  const only = argument("only")?.split(",");
  const side = argument("side");
  const cellWidth = Number(argument("width") ?? 300);
  const out = path.resolve(argument("out") ?? "docs/illustrations.png");
  const columns = Number(argument("columns") ?? (only ? Math.min(only.length, 3) : 5));
  const exercises = starterExercises.filter((e) => !only || only.includes(e.key));
  const cells = exercises.map((exercise, i) => {
    const illustration = starterIllustrations[exercise.key];
    const svg = illustration
      ? geometryToSvg(illustrationToGeometry(illustration, { side }), { idPrefix: `i${i}` })
      : `<p class="missing">No illustration</p>`;
    return `<figure><div class="pic">${svg}</div><figcaption>${i + 1}. ${escapeHtml(exercise.name)}</figcaption></figure>`;
  });
  const html = `<!doctype html><meta charset="utf-8"><style>
    body { margin: 0; padding: 16px; background: #fff; font: 15px system-ui, sans-serif; color: #22405c; }
    h1 { font-size: 20px; margin: 0 0 12px; }
    .grid { display: grid; grid-template-columns: repeat(${columns}, ${cellWidth}px); gap: 14px; align-items: start; }
    figure { margin: 0; border: 1px solid #dde4ea; border-radius: 8px; padding: 8px; }
    .pic { height: ${Math.round(cellWidth * 0.75)}px; display: flex; align-items: center; justify-content: center; }
    .pic svg { width: 100%; max-height: 100%; }
    figcaption { margin-top: 6px; font-weight: 600; }
  </style>${only ? "" : "<h1>Routine — the 30 starter exercises, illustrated</h1>"}<div class="grid">${cells.join("")}</div>`;

  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium" });
  try {
    const page = await browser.newPage({ viewport: { width: columns * (cellWidth + 32) + 40, height: 400 } });
    await page.setContent(html);
    mkdirSync(path.dirname(out), { recursive: true });
    await page.screenshot({ path: out, fullPage: true });
  } finally {
    await browser.close();
  }
  console.log(`Wrote ${out} (${exercises.length} illustrations).`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
