import { readFileSync } from "node:fs";
import path from "node:path";
import { Document, Font, Page, renderToBuffer, View } from "@react-pdf/renderer";
import { createElement as h } from "react";
import { describe, expect, it } from "vitest";
import { starterExercises } from "@/db/seed/exercises";
import { starterIllustrations } from "@/db/seed/illustrations";
import { blockLayout, planBreaks } from "@/lib/handout/pdf/block-layout";
import { ExerciseBlock } from "@/lib/handout/pdf/exercise-block";
import { fontFamily, loadHandoutFonts } from "@/lib/handout/pdf/fonts";
import { createStyles } from "@/lib/handout/pdf/styles";
import type { HandoutExercise } from "@/lib/handout/types";
import { describeDose } from "@/lib/routines/dose-sentence";
import { readPdf } from "../helpers/pdf-text";

const picture = new Uint8Array(readFileSync(path.join(__dirname, "..", "e2e", "fixtures", "shoulder-rolls.png")));
/** A block of `parts` (the first its top, never split) of the given heights, the same at every picture size. */
const block =
  (...parts: number[]) =>
  () => ({ top: parts[0]!, pieces: parts.slice(1), height: parts.reduce((a, b) => a + b, 0) });
const breaks = (plan: { mayBreak: boolean }[]) => plan.map((p) => p.mayBreak);

describe("handout page packing", () => {
  it("keeps blocks whole when the page they leave behind is at least 90% full", () => {
    // 3 × 240 of 750 used (96%): the fourth block moves on whole.
    expect(
      breaks(
        planBreaks(
          Array.from({ length: 6 }, () => block(200, 20, 20)),
          0,
          750,
        ),
      ),
    ).toEqual([false, false, false, false, false, false]);
  });

  it("lets a block run on rather than leave a page less than 90% full, and follows its parts onto the next page", () => {
    // After the 300-point header a 500-point block does not fit; moving it would leave the page 43% full.
    expect(breaks(planBreaks([block(300, 100, 100), block(500)], 300, 700))).toEqual([true, false]);
    // 640 of 700 is 91%: the second block moves on whole.
    expect(breaks(planBreaks([block(540, 100), block(450, 100)], 0, 700))).toEqual([false, false]);
    // A block taller than a page always runs on.
    expect(breaks(planBreaks([block(400, 250, 250), block(200)], 0, 700))).toEqual([true, false]);
    // The first block's top fits after the header and its 200-point part moves on to the next page, where
    // 200 + 400 + 50 fit: the next block stays whole.
    expect(breaks(planBreaks([block(300, 200), block(400, 50)], 300, 700))).toEqual([true, false]);
  });

  it("makes a picture smaller to start a block on a page that would otherwise be left too empty", () => {
    // The top is 400 points with its picture at full size, 340 at 80%: only the smaller one fits after 350.
    const sized = (scale: number) => ({ top: scale === 1 ? 400 : scale > 0.8 ? 370 : 340, pieces: [100], height: 0 });
    const withHeight = (scale: number) => ({ ...sized(scale), height: sized(scale).top + 100 });
    expect(planBreaks([withHeight], 350, 700, [1, 0.9, 0.8])).toEqual([{ mayBreak: true, pictureScale: 0.8 }]);
    // Without smaller sizes to try, it moves on whole.
    expect(planBreaks([withHeight], 350, 700, [1])).toEqual([{ mayBreak: false, pictureScale: 1 }]);
  });

  // Short estimates are the costly ones (a block pushed onto a page of its own); tall ones cost some space.
  it("estimates each starter exercise's printed height close to react-pdf's own layout, erring tall", async () => {
    await loadHandoutFonts();
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
        // A drawing, a photo or neither, in turn.
        illustration: i % 3 === 0 ? (starterIllustrations[e.key] ?? null) : null,
        picture: i % 3 === 1 ? { data: picture, format: "png", width: 600, height: 450 } : null,
      }));
      const layouts = exercises.map((exercise, i) => blockLayout(exercise, { paper: "A4", largePrint, withHeading: i % 4 === 0 }));
      // A page with no height grows to fit its content: one page per block measures the block.
      const pages = exercises.map((exercise, i) =>
        h(
          Page,
          { key: i, size: { width: 595.28 }, style: { ...styles.page, paddingTop: 0, paddingBottom: 0 } },
          h(
            View,
            { style: styles.content },
            h(ExerciseBlock, {
              exercise,
              styles,
              largePrint,
              heading: i % 4 === 0 ? "Section" : undefined,
              keepTogether: true,
              layout: layouts[i]!,
            }),
          ),
        ),
      );
      const { pageSizes } = readPdf(await renderToBuffer(h(Document, null, ...pages) as Parameters<typeof renderToBuffer>[0]));
      const errors = pageSizes.map((size, i) => layouts[i]!.height / Number(size.split(" x ")[1]) - 1);
      const report = `${largePrint ? "large" : "normal"} print: ${errors.map((e) => e.toFixed(2))}`;
      expect(
        errors.every((e) => e > -0.05 && e < 0.15),
        report,
      ).toBe(true);
      expect(errors.reduce((sum, e) => sum + Math.abs(e), 0) / errors.length, report).toBeLessThan(0.04);
    }
  });

  it("shapes each string once per face and hands back the same glyph run", async () => {
    await loadHandoutFonts();
    const font = Font.getFont({ fontFamily, fontWeight: 700, fontStyle: "normal" })!.data as unknown as {
      layout: (text: string, ...rest: unknown[]) => { glyphs: { id: number }[]; positions: { xAdvance: number }[]; advanceWidth: number };
    };
    // As react-pdf's text layout asks: with a script, language and direction.
    const shape = (text: string) => font.layout(text, undefined, undefined, undefined, "ltr");
    const first = shape("Łucja: Shoulder Rolls");
    expect(shape("Łucja: Shoulder Rolls")).toBe(first);
    expect(first.glyphs).toHaveLength("Łucja: Shoulder Rolls".length);
    expect(shape("Neck Rolls")).not.toBe(first);
    // As pdfkit asks (a drawing's captions): a copy to scale in place, which leaves the shared run as it was.
    const width = first.advanceWidth;
    const copy = font.layout("Łucja: Shoulder Rolls");
    expect(copy).not.toBe(first);
    expect(copy.glyphs).toBe(first.glyphs);
    expect(copy.advanceWidth).toBe(width);
    for (const position of copy.positions) position.xAdvance /= 2;
    expect(shape("Łucja: Shoulder Rolls").advanceWidth).toBe(width);
  });
});
