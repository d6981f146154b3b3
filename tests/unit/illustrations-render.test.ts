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
import { IllustrationPdf, paintPaths, pdfShapes } from "@/lib/illustrations/pdf";
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

  it("paints every path of the drawing on one canvas as PDF path operators, with the captions as text", async () => {
    const doc = h(Document, null, h(Page, { size: "A4" }, h(IllustrationPdf, { geometry, width: 400, fontFamily: "Helvetica" })));
    const dir = mkdtempSync(path.join(tmpdir(), "illus-qdf-"));
    writeFileSync(path.join(dir, "a.pdf"), await renderToBuffer(doc));
    // qpdf's QDF form: content streams uncompressed, so the page's drawing operators can be read.
    execFileSync("qpdf", ["--qdf", "--object-streams=disable", path.join(dir, "a.pdf"), path.join(dir, "q.pdf")]);
    const qdf = execFileSync("cat", [path.join(dir, "q.pdf")]).toString("latin1");
    expect(qdf).not.toMatch(/\/Subtype\s*\/Image/);
    const { paths, captions } = pdfShapes(geometry);
    const content = qdf.slice(qdf.indexOf("%% Contents for page 1"));
    const ops = content
      .slice(content.indexOf("stream"), content.indexOf("endstream"))
      .split("\n")
      .map((line) => line.trim().split(" ").at(-1));
    // Each path: a move, then curves or lines, then fill and stroke (B), stroke (S) or fill (f; react-pdf's
    // SVG captions add empty fills of their own).
    const count = (op: string) => ops.filter((o) => o === op).length;
    expect(count("B")).toBe(paths.filter((p) => p.fill && p.stroke).length);
    expect(count("S")).toBe(paths.filter((p) => !p.fill && p.stroke).length);
    expect(count("f")).toBeGreaterThanOrEqual(paths.filter((p) => p.fill && !p.stroke).length);
    expect(ops.filter((op) => op === "c" || op === "l").length).toBeGreaterThan(paths.length * 3);
    // Line weights and colours come through: the figure's ink (#22405c) as a stroke colour.
    expect(qdf).toMatch(/0\.1333\d* 0\.2509\d* 0\.3607\d* SCN/);
    expect(captions.length).toBeGreaterThan(0);
    const text = execFileSync("pdftotext", [path.join(dir, "a.pdf"), "-"]).toString();
    for (const caption of captions) expect(text).toContain(caption.text);
  });

  it("paints with the graphics state of an SVG path, scaled into its box like a viewBox, writing only changes", () => {
    const calls: string[] = [];
    const painter = new Proxy({} as Parameters<typeof paintPaths>[0], {
      get: (_, name: string) =>
        function (...args: unknown[]) {
          calls.push(`${name}(${args.map((a) => JSON.stringify(a)).join(",")})`);
          return painter;
        },
    });
    const ink = "#123456";
    const shapes = [
      { d: "M0 0L10 10", fill: null, stroke: ink, strokeWidth: 2, dash: [3, 2], opacity: 0.5 },
      { d: "M1 1L2 2Z", fill: "#abcdef", stroke: ink, strokeWidth: 1 },
      { d: "M2 2L3 3Z", fill: "#abcdef", stroke: ink, strokeWidth: 1 },
      { d: "M3 3L4 4Z", fill: "#fedcba", stroke: null, strokeWidth: 0 },
    ];
    paintPaths(painter, shapes, { width: 100, height: 50 }, 200, 200);
    expect(calls).toEqual([
      "save()",
      "translate(0,50)",
      "scale(2,2)",
      'lineCap("round")',
      'lineJoin("round")',
      // Dashed and translucent: in a save and restore of its own.
      "save()",
      "dash([3,2])",
      "lineWidth(2)",
      `strokeColor("${ink}")`,
      "opacity(0.5)",
      'path("M0 0L10 10")',
      "stroke()",
      "restore()",
      "lineWidth(1)",
      `strokeColor("${ink}")`,
      'fillColor("#abcdef")',
      'path("M1 1L2 2Z")',
      "fillAndStroke()",
      // The same look again: no state written.
      'path("M2 2L3 3Z")',
      "fillAndStroke()",
      'fillColor("#fedcba")',
      'path("M3 3L4 4Z")',
      "fill()",
      "restore()",
    ]);
  });
});
