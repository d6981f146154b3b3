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
