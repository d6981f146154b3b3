import { createRequire } from "node:module";
import { Font } from "@react-pdf/renderer";

const require = createRequire(import.meta.url);
const ttf = (file: string) => require.resolve(`dejavu-fonts-ttf/ttf/${file}`);

/** The family every handout is set in. */
export const fontFamily = "DejaVu Sans";
/** For the printed link: a monospace face tells l, I and 1 (and O and 0) apart when it is typed in. */
export const monoFamily = "DejaVu Sans Mono";

let registered = false;

/**
 * The PDF's built-in fonts only draw Latin-1: DejaVu covers Latin Extended, Greek and Cyrillic (Łucja,
 * Dvořák, Жанна) and is very legible in print. Registered once per thread; react-pdf embeds only the
 * glyphs a document uses.
 */
export function registerHandoutFonts(): void {
  if (registered) return;
  registered = true;
  Font.register({
    family: fontFamily,
    fonts: [
      { src: ttf("DejaVuSans.ttf") },
      { src: ttf("DejaVuSans-Bold.ttf"), fontWeight: "bold" },
      { src: ttf("DejaVuSans-Oblique.ttf"), fontStyle: "italic" },
    ],
  });
  Font.register({ family: monoFamily, src: ttf("DejaVuSansMono.ttf") });
  // Whole words only: a patient should never have to put "shoul-der" back together.
  Font.registerHyphenationCallback((word) => [word]);
}

type Shaper = { layout: (text: string, features?: unknown, ...rest: unknown[]) => unknown };

/** A shaped run with positions of its own; the glyphs, and the run's getters (advanceWidth), are shared. */
function copyRun(run: unknown): unknown {
  const { positions } = run as { positions: object[] };
  return Object.assign(Object.create(Object.getPrototypeOf(run) as object) as object, run, {
    positions: positions.map((position) => ({ ...position })),
  });
}
const faces = [
  { fontFamily, fontWeight: 400, fontStyle: "normal" },
  { fontFamily, fontWeight: 700, fontStyle: "normal" },
  { fontFamily, fontWeight: 400, fontStyle: "italic" },
  { fontFamily: monoFamily, fontWeight: 400, fontStyle: "normal" },
] as const;
let shapingMemoized = false;

/**
 * Loads the faces and remembers how each string was shaped: handouts repeat the same library text
 * (names, steps, labels), and shaping it again (OpenType substitution and positioning) was a fifth of a
 * render. The cache holds at most `limit` strings a face and starts over when full.
 */
export async function loadHandoutFonts(limit = 5000): Promise<void> {
  registerHandoutFonts();
  if (shapingMemoized) return;
  shapingMemoized = true;
  for (const face of faces) {
    await Font.load(face);
    const font = Font.getFont(face)?.data as Shaper | null | undefined;
    if (!font) continue;
    const layout = font.layout.bind(font);
    let cache = new Map<string, unknown>();
    font.layout = (text, features, ...rest) => {
      const key = features === undefined ? text : `${JSON.stringify(features)}\u0000${text}`;
      let run = cache.get(key);
      if (run === undefined) {
        if (cache.size >= limit) cache = new Map();
        run = layout(text, features, ...rest);
        cache.set(key, run);
      }
      // pdfkit (a drawing's captions, set on its canvas: lib/illustrations/pdf.tsx) scales the positions of
      // the run it is given in place, once per document; react-pdf's text layout (which passes a script,
      // language and direction too) never changes them. pdfkit gets a copy, so the shared run stays as shaped.
      return rest.length === 0 ? copyRun(run) : run;
    };
  }
}
