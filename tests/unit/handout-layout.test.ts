import { readFileSync } from "node:fs";
import path from "node:path";
import { Document, Font, Page, renderToBuffer, View } from "@react-pdf/renderer";
import { createElement as h } from "react";
import { describe, expect, it } from "vitest";
import { starterExercises } from "@/db/seed/exercises";
import { blockLayout, planBreaks } from "@/lib/handout/pdf/block-layout";
import { ExerciseBlock } from "@/lib/handout/pdf/exercise-block";
import { fontFamily, loadHandoutFonts, registerHandoutFonts } from "@/lib/handout/pdf/fonts";
import { createStyles } from "@/lib/handout/pdf/styles";
import type { HandoutExercise } from "@/lib/handout/types";
import { describeDose } from "@/lib/routines/dose-sentence";
import { readPdf } from "../helpers/pdf-text";

const picture = new Uint8Array(readFileSync(path.join(__dirname, "..", "e2e", "fixtures", "shoulder-rolls.png")));
const block = (height: number, keepTogether = true) => ({ height, keepTogether });

describe("handout page packing", () => {
  it("keeps blocks whole when the page they leave behind is at least 60% full", () => {
    // 300 + 300 of 700 used: a third 300-point block moves on whole, leaving the page 86% full.
    expect(
      planBreaks(
        Array.from({ length: 5 }, () => block(300)),
        0,
        700,
      ),
    ).toEqual([false, false, false, false, false]);
  });

  it("lets a block run on rather than leave a page less than 60% full", () => {
    // After the 300-point header a 500-point block does not fit; moving it would leave the page 43% full.
    expect(planBreaks([block(500), block(500)], 300, 700)).toEqual([true, false]);
    // 550 of 700 is 79%: the second block moves on whole. (Estimates err tall, so the plan aims for 75%.)
    expect(planBreaks([block(550), block(550)], 0, 700)).toEqual([false, false]);
    // A block taller than a page always runs on.
    expect(planBreaks([block(900, false), block(200)], 0, 700)).toEqual([true, false]);
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
          h(
            View,
            { style: styles.content },
            h(ExerciseBlock, {
              exercise,
              styles,
              largePrint,
              heading: i % 4 === 0 ? "Section" : undefined,
              keepTogether: true,
              pictureMaxHeight: layouts[i]!.pictureMaxHeight,
            }),
          ),
        ),
      );
      const { pageSizes } = readPdf(await renderToBuffer(h(Document, null, ...pages) as Parameters<typeof renderToBuffer>[0]));
      const errors = pageSizes.map((size, i) => layouts[i]!.height / Number(size.split(" x ")[1]) - 1);
      const report = `${largePrint ? "large" : "normal"} print: ${errors.map((e) => e.toFixed(2))}`;
      expect(
        errors.every((e) => e > -0.08 && e < 0.25),
        report,
      ).toBe(true);
      expect(errors.reduce((sum, e) => sum + Math.abs(e), 0) / errors.length, report).toBeLessThan(0.06);
    }
  });

  it("shapes each string once per face and hands back the same glyph run", async () => {
    await loadHandoutFonts();
    const font = Font.getFont({ fontFamily, fontWeight: 700, fontStyle: "normal" })!.data as unknown as {
      layout: (text: string) => { glyphs: { id: number }[] };
    };
    const first = font.layout("Łucja: Shoulder Rolls");
    expect(font.layout("Łucja: Shoulder Rolls")).toBe(first);
    expect(first.glyphs).toHaveLength("Łucja: Shoulder Rolls".length);
    expect(font.layout("Neck Rolls")).not.toBe(first);
  });
});
