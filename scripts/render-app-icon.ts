/**
 * Renders app/icon.svg into the bitmaps some devices want: app/apple-icon.png (180 px, full-bleed, since
 * the phone rounds the corners itself) and app/favicon.ico (16 and 32 px PNGs in an ICO, for anything
 * that asks for /favicon.ico). Run once after changing the SVG: `npx tsx scripts/render-app-icon.ts`.
 */
import { readFileSync, writeFileSync } from "node:fs";
import { chromium } from "@playwright/test";

const svg = readFileSync("app/icon.svg", "utf8");
const fullBleed = svg.replace(' rx="7"', "");

async function main() {
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium" });
  const render = async (markup: string, size: number): Promise<Buffer> => {
    const page = await browser.newPage({ viewport: { width: size, height: size } });
    await page.setContent(`<body style="margin:0">${markup.replace('width="32" height="32"', `width="${size}" height="${size}"`)}</body>`);
    const png = await page.screenshot({ omitBackground: true });
    await page.close();
    return png;
  };
  writeFileSync("app/apple-icon.png", await render(fullBleed, 180));
  writeFileSync("app/favicon.ico", toIco([await render(svg, 16), await render(svg, 32)], [16, 32]));
  await browser.close();
}

/** An ICO file holding PNG images (allowed since Windows Vista; every browser reads it). */
function toIco(pngs: Buffer[], sizes: number[]): Buffer {
  const header = Buffer.alloc(6);
  header.writeUInt16LE(0, 0);
  header.writeUInt16LE(1, 2); // 1 = icon
  header.writeUInt16LE(pngs.length, 4);
  let offset = 6 + 16 * pngs.length;
  const entries = pngs.map((png, i) => {
    const entry = Buffer.alloc(16);
    entry.writeUInt8(sizes[i]!, 0);
    entry.writeUInt8(sizes[i]!, 1);
    entry.writeUInt16LE(1, 4); // colour planes
    entry.writeUInt16LE(32, 6); // bits per pixel
    entry.writeUInt32LE(png.length, 8);
    entry.writeUInt32LE(offset, 12);
    offset += png.length;
    return entry;
  });
  return Buffer.concat([header, ...entries, ...pngs]);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
