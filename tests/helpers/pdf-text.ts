import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";

/** A PDF as poppler reads it (pdftotext, pdfinfo; poppler-utils in CI): what a patient's printer gets. */
export type PdfReading = { text: string; pages: string[]; pageCount: number; pageSizes: string[]; images: number };

/** Reads a PDF with poppler. Whitespace is collapsed to single spaces, so a wrapped sentence still matches. */
export function readPdf(bytes: Uint8Array): PdfReading {
  const dir = mkdtempSync(path.join(tmpdir(), "routine-pdf-"));
  try {
    const file = path.join(dir, "handout.pdf");
    writeFileSync(file, bytes);
    const info = execFileSync("pdfinfo", ["-f", "1", "-l", "999", file], { encoding: "utf8" });
    const pageCount = Number(/^Pages:\s+(\d+)/m.exec(info)?.[1]);
    const pageSizes = [...info.matchAll(/^Page\s+\d+ size:\s+([\d.]+ x [\d.]+)/gm)].map((m) => m[1]!);
    const tidy = (s: string) => s.replace(/\s+/g, " ").trim();
    const pages = execFileSync("pdftotext", ["-enc", "UTF-8", file, "-"], { encoding: "utf8" }).split("\f").slice(0, pageCount).map(tidy);
    const images = execFileSync("pdfimages", ["-list", file], { encoding: "utf8" }).trim().split("\n").length - 2;
    return { text: pages.join(" "), pages, pageCount, pageSizes, images };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Glyphs set at each font size, read from the content streams (`Tf` operators and the `TJ` strings after them). */
export function glyphsBySize(bytes: Uint8Array): Map<number, number> {
  return withFile(bytes, (file, dir) => {
    const qdf = path.join(dir, "qdf.pdf");
    execFileSync("qpdf", ["--qdf", "--object-streams=disable", file, qdf]);
    const text = readFileSync(qdf, "latin1");
    const sizes = new Map<number, number>();
    // react-pdf writes each run as `/Fn size Tf` then `[<hex glyph ids> kern ...] TJ`, two bytes a glyph.
    for (const [, size, run] of text.matchAll(/\/F\d+ ([\d.]+) Tf\s*\[([^\]]*)\] TJ/g)) {
      const glyphs = [...run!.matchAll(/<([0-9a-f]*)>/gi)].reduce((sum, m) => sum + m[1]!.length / 4, 0);
      sizes.set(Number(size), (sizes.get(Number(size)) ?? 0) + glyphs);
    }
    return sizes;
  });
}

/** The document catalogue's /Lang, and whether `qpdf --check` finds the file sound. */
export function pdfStructure(bytes: Uint8Array): { lang: string | null; title: string | null; qpdfOk: boolean } {
  return withFile(bytes, (file, dir) => {
    const qdf = path.join(dir, "qdf.pdf");
    execFileSync("qpdf", ["--qdf", "--object-streams=disable", file, qdf]);
    const lang = /\/Lang \(([^)]*)\)/.exec(readFileSync(qdf, "latin1"))?.[1] ?? null;
    const title = /^Title:\s+(.*)$/m.exec(execFileSync("pdfinfo", [file], { encoding: "utf8" }))?.[1] ?? null;
    let qpdfOk = true;
    try {
      execFileSync("qpdf", ["--check", file], { stdio: "pipe" });
    } catch {
      qpdfOk = false;
    }
    return { lang, title, qpdfOk };
  });
}

/**
 * How full each page is: from the top of its first line to the bottom of its last, as a share of the page's
 * text area (from that top to the footer). Read from poppler's word boxes; the footer is the lowest line.
 */
export function pageFill(bytes: Uint8Array): number[] {
  return withFile(bytes, (file) => {
    const xhtml = execFileSync("pdftotext", ["-bbox", file, "-"], { encoding: "utf8" });
    return xhtml
      .split("<page ")
      .slice(1)
      .map((page) => {
        const words = [...page.matchAll(/yMin="([\d.]+)" xMax="[\d.]+" yMax="([\d.]+)"/g)].map((m) => ({
          top: Number(m[1]),
          bottom: Number(m[2]),
        }));
        const footer = Math.max(...words.map((w) => w.top));
        const top = Math.min(...words.map((w) => w.top));
        const bottom = Math.max(...words.filter((w) => w.top < footer - 1).map((w) => w.bottom));
        return (bottom - top) / (footer - top);
      });
  });
}

/** Every word poppler finds, with its page (from 0) and its box in points from the top left. */
export function wordBoxes(bytes: Uint8Array): { page: number; text: string; top: number; bottom: number; left: number }[] {
  return withFile(bytes, (file) =>
    execFileSync("pdftotext", ["-bbox", file, "-"], { encoding: "utf8" })
      .split("<page ")
      .slice(1)
      .flatMap((page, i) =>
        [...page.matchAll(/xMin="([\d.]+)" yMin="([\d.]+)" xMax="[\d.]+" yMax="([\d.]+)">([^<]*)</g)].map((m) => ({
          page: i,
          text: m[4]!,
          left: Number(m[1]),
          top: Number(m[2]),
          bottom: Number(m[3]),
        })),
      ),
  );
}

function withFile<T>(bytes: Uint8Array, read: (file: string, dir: string) => T): T {
  const dir = mkdtempSync(path.join(tmpdir(), "routine-pdf-"));
  try {
    const file = path.join(dir, "handout.pdf");
    writeFileSync(file, bytes);
    return read(file, dir);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
