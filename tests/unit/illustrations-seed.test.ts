import { gzipSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import { starterExercises } from "@/db/seed/exercises";
import { starterIllustrations } from "@/db/seed/illustrations";
import { illustrationToGeometry } from "@/lib/illustrations/geometry";
import { mirrorIllustration } from "@/lib/illustrations/mirror";
import { illustrationInput } from "@/lib/illustrations/schema";
import { geometryToSvg } from "@/lib/illustrations/svg";

describe("starter illustrations", () => {
  it("illustrate every starter exercise, keyed by its seed key, and nothing else", () => {
    expect(Object.keys(starterIllustrations).sort()).toEqual(starterExercises.map((e) => e.key).sort());
  });

  for (const exercise of starterExercises) {
    const illustration = starterIllustrations[exercise.key]!;

    it(`${exercise.key}: valid, lossless through JSON, inside its picture, small`, () => {
      const parsed = illustrationInput.parse(JSON.parse(JSON.stringify(illustration)));
      expect(parsed).toEqual(illustration);
      expect(JSON.parse(JSON.stringify(parsed))).toEqual(JSON.parse(JSON.stringify(illustration)));
      expect(illustration.alt.startsWith(exercise.name.split(" (")[0]!)).toBe(true);
      // A side is drawn only for an exercise done one side at a time.
      if (illustration.drawnSide) expect(["each", undefined]).toContain(exercise.defaultDose.side);

      const geometry = illustrationToGeometry(illustration);
      for (const shape of geometry.shapes) {
        expect(shape.box.minX).toBeGreaterThanOrEqual(-0.05);
        expect(shape.box.minY).toBeGreaterThanOrEqual(-0.05);
        expect(shape.box.maxX).toBeLessThanOrEqual(geometry.width + 0.05);
        expect(shape.box.maxY).toBeLessThanOrEqual(geometry.height + 0.05);
      }
      expect(gzipSync(geometryToSvg(geometry)).length).toBeLessThanOrEqual(4096);
      // The mirror image for the other side is still a picture of the same size.
      const mirrored = illustrationToGeometry(mirrorIllustration(illustration));
      expect(mirrored.width).toBeCloseTo(geometry.width, 6);
      expect(mirrored.shapes.length).toBe(geometry.shapes.length);
    });
  }

  it("rests bodies on the floor or mat: the lowest joint of each frame is near the floor", () => {
    for (const [key, illustration] of Object.entries(starterIllustrations)) {
      if (illustration.view.kind === "above") continue;
      const geometry = illustrationToGeometry(illustration, { captions: false });
      const floors = geometry.shapes.filter((s) => s.name === "floor" || s.name === "mat");
      if (floors.length === 0) continue;
      for (const frame of geometry.frames) {
        const lowest = Math.max(...Object.values(frame.joints).map((p) => p.y));
        // The floor under this frame (frames may be stacked): joint centres sit within a foot's or a body's
        // thickness (≤ 16 units) above it.
        const gap = Math.min(...floors.map((f) => f.box.maxY - lowest).filter((g) => g > -1));
        expect(gap, key).toBeLessThan(16);
      }
    }
  });
});
