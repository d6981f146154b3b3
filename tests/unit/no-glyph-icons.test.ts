import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

// Symbols once used as icons: several are missing from common fonts ("⧉" showed as an empty box) and screen
// readers read them out ("black cross mark"). Icons are lucide SVGs, aria-hidden, beside or inside a named control.
const iconGlyphs = /[⧉✕✖✗✘✓✔⋮⋯☰⠿✎✏🗑↑↓⇅▲▼◀▶⤓⤒]/u;
// Arrows are fine inside a sentence ("old → new"), not as a link's or button's leading or trailing icon.
const arrowAtEdge = /^\s*[←→]|[←→]\s*$|>\s*[←→]|[←→]\s*</u;

const root = path.join(__dirname, "..", "..");

function sourceFiles(dir: string): string[] {
  return readdirSync(path.join(root, dir), { withFileTypes: true }).flatMap((entry) => {
    const rel = path.join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(rel);
    return /\.tsx$/.test(entry.name) ? [rel] : [];
  });
}

/** The file's lines without comments (which may well mention the old glyphs). */
function codeLines(file: string): { line: number; text: string }[] {
  const source = readFileSync(path.join(root, file), "utf8").replace(/\/\*[\s\S]*?\*\//g, (c) => c.replace(/[^\n]/g, ""));
  return source.split("\n").map((text, i) => ({ line: i + 1, text: text.replace(/(^|\s)\/\/.*$/, "$1").replace(/\{\/\*.*?\*\/\}/g, "") }));
}

describe("icons are SVGs, not font glyphs", () => {
  const files = [...sourceFiles("components"), ...sourceFiles("app")];

  it("finds the components and pages to check", () => {
    expect(files.length).toBeGreaterThan(40);
    expect(files).toContain(path.join("components", "routines", "routine-item.tsx"));
  });

  it("no component or page uses a symbol character as an icon", () => {
    const offending = files.flatMap((file) =>
      codeLines(file)
        .filter(({ text }) => iconGlyphs.test(text) || arrowAtEdge.test(text))
        .map(({ line, text }) => `${file}:${line}: ${text.trim()}`),
    );
    expect(offending).toEqual([]);
  });

  it("would catch the glyphs it is meant to", () => {
    expect(iconGlyphs.test("          ⧉")).toBe(true);
    expect(arrowAtEdge.test('<Link href="/admin/exercises">← Exercises</Link>')).toBe(true);
    expect(arrowAtEdge.test("          Next →")).toBe(true);
    expect(arrowAtEdge.test("{c.field}: {show(c.from)} → {show(c.to)}")).toBe(false);
  });
});
