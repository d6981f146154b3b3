import { execFileSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { Document, Page, renderToBuffer, Text } from "@react-pdf/renderer";
import { createElement as h } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { starterIllustrations } from "@/db/seed/illustrations";
import { illustrationToGeometry } from "@/lib/illustrations/geometry";
import { IllustrationSvg } from "@/lib/illustrations/illustration-svg";
import { IllustrationPdf, paintPaths, pdfShapes } from "@/lib/illustrations/pdf";
import { compilePath } from "@/lib/illustrations/pdf-path";
import { fontFamily, loadHandoutFonts } from "@/lib/handout/pdf/fonts";
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
      { d: "M1 1L2 2Z", ops: compilePath("M1 1L2 2Z"), fill: "#abcdef", stroke: ink, strokeWidth: 1 },
      { d: "M2 2L3 3Z", ops: compilePath("M2 2L3 3Z"), fill: "#abcdef", stroke: ink, strokeWidth: 1 },
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
      // A compiled outline is written operator by operator; its close is a line back to the start.
      "moveTo(1,1)",
      "lineTo(2,2)",
      "lineTo(1,1)",
      "fillAndStroke()",
      // The same look again: no state written.
      "moveTo(2,2)",
      "lineTo(3,3)",
      "lineTo(2,2)",
      "fillAndStroke()",
      // Not compiled: pdfkit reads the string.
      'fillColor("#fedcba")',
      'path("M3 3L4 4Z")',
      "fill()",
      "restore()",
    ]);
  });

  it("compiles an outline once into pdfkit's operators: arcs as Béziers on the circle, a close as a line home", () => {
    const ops = compilePath("M10 0A10 10 0 0 1 -10 0L-10 5Z")!;
    expect(ops[0]).toEqual(["m", 10, 0]);
    // Half a circle: two quarter Béziers, each ending on the circle, the last at the arc's end.
    const curves = ops.filter((op) => op[0] === "c");
    expect(curves).toHaveLength(2);
    for (const c of curves) expect(Math.hypot(c[5] as number, c[6] as number)).toBeCloseTo(10, 1);
    expect(curves.at(-1)!.slice(5)).toEqual([-10, 0]);
    expect(ops.slice(-2)).toEqual([
      ["l", -10, 5],
      ["l", 10, 0],
    ]);
    // Already home: no line added. Coordinates kept to 1/100 of a unit.
    expect(compilePath("M0 0L1.23456 0L0 0Z")).toEqual([
      ["m", 0, 0],
      ["l", 1.23, 0],
      ["l", 0, 0],
    ]);
    // What the drawings never use is left to pdfkit.
    expect(compilePath("M0 0C1 1 2 2 3 3")).toBeNull();
    expect(compilePath("m0 0l1 1")).toBeNull();
    expect(compilePath("M0 0A0 0 0 0 1 5 5")).toBeNull();
    // Every starter drawing's every outline compiles.
    for (const illustration of Object.values(starterIllustrations))
      for (const path of pdfShapes(illustrationToGeometry(illustration)).paths) expect(path.ops, path.d).not.toBeNull();
  });

  it("sets the captions on the canvas as text in the handout's font, embedded once, centred under their frames", async () => {
    await loadHandoutFonts();
    const width = 400;
    const doc = h(
      Document,
      null,
      h(
        Page,
        { size: "A4", style: { padding: 0 } },
        h(IllustrationPdf, { geometry, width, fontFamily }),
        h(Text, { style: { fontFamily } }, "Cat-Cow"),
      ),
    );
    const dir = mkdtempSync(path.join(tmpdir(), "illus-cap-"));
    const file = path.join(dir, "a.pdf");
    // The second document is the one read: the fonts' shared shaping must come through the first unchanged.
    await renderToBuffer(doc);
    writeFileSync(file, await renderToBuffer(doc));
    const fonts = execFileSync("pdffonts", [file]).toString();
    expect(fonts.match(/\+DejaVuSans\s/g)).toHaveLength(1);
    const { captions } = pdfShapes(geometry);
    const text = execFileSync("pdftotext", [file, "-"]).toString();
    for (const caption of [...captions.map((c) => c.text), "Cat-Cow"]) expect(text).toContain(caption);
    // Each caption's first word centred on its anchor, as the SVG's text-anchor="middle" sets it.
    const bbox = execFileSync("pdftotext", ["-bbox", file, "-"]).toString();
    const scale = width / geometry.width;
    for (const caption of captions.filter((c) => !c.text.includes(" "))) {
      const m = new RegExp(`xMin="([\\d.]+)" yMin="[\\d.]+" xMax="([\\d.]+)" yMax="[\\d.]+">${caption.text}<`).exec(bbox)!;
      expect((Number(m[1]) + Number(m[2])) / 2).toBeCloseTo(caption.x * scale, -0.5);
    }
  });
});
