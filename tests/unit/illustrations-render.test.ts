import { execFileSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { Document, Page, renderToBuffer } from "@react-pdf/renderer";
import { createElement as h } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { starterIllustrations } from "@/db/seed/illustrations";
import { illustrationToGeometry } from "@/lib/illustrations/geometry";
import { IllustrationSvg } from "@/lib/illustrations/illustration-svg";
import { IllustrationPdf } from "@/lib/illustrations/pdf";
import { geometryToSvg } from "@/lib/illustrations/svg";

const geometry = illustrationToGeometry(starterIllustrations["cat-cow"]!);

describe("illustration adapters", () => {
  it("draws the same shapes as an SVG string and as a React element", () => {
    const fromString = geometryToSvg(geometry).match(/<path [^>]*>/g)!;
    const fromReact = renderToStaticMarkup(h(IllustrationSvg, { geometry })).match(/<path [^>]*>/g)!;
    expect(fromReact).toHaveLength(geometry.shapes.filter((s) => s.kind === "path").length);
    expect(fromReact.map((p) => p.match(/ d="([^"]+)"/)![1])).toEqual(fromString.map((p) => p.match(/ d="([^"]+)"/)![1]));
    expect(renderToStaticMarkup(h(IllustrationSvg, { geometry }))).toContain(`aria-label="${geometry.alt}"`);
  });

  it("prints in a PDF as vectors, not images, and the picture shows on the page", async () => {
    const doc = h(Document, null, h(Page, { size: "A4" }, h(IllustrationPdf, { geometry, width: 400 })));
    const pdf = await renderToBuffer(doc);
    expect(pdf.subarray(0, 5).toString()).toBe("%PDF-");
    const raw = pdf.toString("latin1");
    expect(raw).not.toMatch(/\/Subtype\s*\/Image/);
    // Rasterise the page and count non-white pixels where the picture is: it must not be blank.
    const dir = mkdtempSync(path.join(tmpdir(), "illus-pdf-"));
    writeFileSync(path.join(dir, "a.pdf"), pdf);
    execFileSync("pdftoppm", ["-r", "30", "-gray", "-f", "1", "-l", "1", path.join(dir, "a.pdf"), path.join(dir, "page")]);
    const pgm = execFileSync("sh", ["-c", `cat ${path.join(dir, "page")}*.pgm`]);
    const header = pgm.toString("latin1", 0, 20).split(/\s+/);
    const [w, hgt] = [Number(header[1]), Number(header[2])];
    const pixels = pgm.subarray(pgm.length - w * hgt);
    const inked = pixels.filter((p) => p < 200).length;
    expect(inked).toBeGreaterThan(200);
  });
});
