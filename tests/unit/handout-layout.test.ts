import { readFileSync } from "node:fs";
import path from "node:path";
import { Document, Page, renderToBuffer, View } from "@react-pdf/renderer";
import { createElement as h } from "react";
import { describe, expect, it } from "vitest";
import { starterExercises } from "@/db/seed/exercises";
import { blockLayout, planParts } from "@/lib/handout/pdf/block-layout.mjs";
import { ExerciseBlock } from "@/lib/handout/pdf/exercise-block.mjs";
import { registerHandoutFonts } from "@/lib/handout/pdf/fonts.mjs";
import { createStyles } from "@/lib/handout/pdf/styles.mjs";
import type { HandoutExercise } from "@/lib/handout/types";
import { describeDose } from "@/lib/routines/dose-sentence";
import { readPdf } from "../helpers/pdf-text";

const picture = new Uint8Array(readFileSync(path.join(__dirname, "..", "e2e", "fixtures", "shoulder-rolls.png")));
const block = (height: number, keepTogether = true) => ({ height, keepTogether });

describe("handout page plan", () => {
  it("cuts the programme at page breaks that are certain", () => {
    // Two 300-point blocks fill a 700-point page, with room to spare; the header takes most of the first.
    expect(planParts(Array.from({ length: 5 }, () => block(300)), 300, 700)).toEqual([[0], [1, 2], [3, 4]]);
  });

  it("does not cut where an estimate a little out could go either way", () => {
    // 3 × 230 = 690 of 700: the third block may or may not fit, and every page after depends on it.
    expect(planParts(Array.from({ length: 6 }, () => block(230)), 0, 700)).toEqual([[0, 1, 2, 3, 4, 5]]);
    // Nor after a block that runs over pages: where it ends is not known well enough.
    expect(planParts([block(300), block(900, false), block(300), block(300)], 0, 700)).toEqual([[0, 1, 2, 3]]);
  });

  // Short estimates are the costly ones (a block pushed onto a page of its own); tall ones cost some space.
  it("estimates each starter exercise's printed height close to react-pdf's own layout, erring tall", async () => {
    registerHandoutFonts();
    for (const largePrint of [false, true]) {
      const styles = createStyles(largePrint);
      const exercises: HandoutExercise[] = starterExercises.map((e, i) => ({
        number: i + 1,
        name: e.name,
        steps: e.steps,
        dose: describeDose(e.defaultDose),
        ticksPerDay: 1,
        cues: e.cues,
        precautions: e.precautions,
        note: i % 3 ? "" : "Go gently, and stop if it hurts more than a little.",
        picture: i % 2 ? { data: picture, format: "png", width: 600, height: 450 } : null,
      }));
      const layouts = exercises.map((exercise, i) => blockLayout(exercise, { paper: "A4", largePrint, withHeading: i % 4 === 0 }));
      // A page with no height grows to fit its content: one page per block measures the block.
      const pages = exercises.map((exercise, i) =>
        h(
          Page,
          { key: i, size: { width: 595.28 }, style: { ...styles.page, paddingTop: 0, paddingBottom: 0 } },
          h(View, { style: styles.content }, h(ExerciseBlock, { exercise, styles, largePrint, heading: i % 4 === 0 ? "Section" : undefined, keepTogether: true, pictureMaxHeight: layouts[i]!.pictureMaxHeight })),
        ),
      );
      const { pageSizes } = readPdf(await renderToBuffer(h(Document, null, ...pages) as Parameters<typeof renderToBuffer>[0]));
      const errors = pageSizes.map((size, i) => layouts[i]!.height / Number(size.split(" x ")[1]) - 1);
      const report = `${largePrint ? "large" : "normal"} print: ${errors.map((e) => e.toFixed(2))}`;
      expect(errors.every((e) => e > -0.08 && e < 0.25), report).toBe(true);
      expect(errors.reduce((sum, e) => sum + Math.abs(e), 0) / errors.length, report).toBeLessThan(0.06);
    }
  });
});
