import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
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
