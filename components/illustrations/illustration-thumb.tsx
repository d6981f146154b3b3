import { memo } from "react";
import type { Illustration } from "@/lib/illustrations/schema";
import { ExerciseIllustration } from "./exercise-illustration";

/** The drawing's first frame alone, without arrows or captions: what reads at list size. */
export function firstFrameOf(illustration: Illustration): Illustration {
  return { ...illustration, layout: "side-by-side", frames: illustration.frames.slice(0, 1), arrows: [], highlights: [] };
}

/** Memoised: the builder re-renders its items on every keystroke, and a drawing need not be worked out again. */
export const IllustrationThumb = memo(function IllustrationThumb({
  illustration,
  side,
  className = "thumb drawing",
}: {
  illustration: Illustration;
  side?: string;
  className?: string;
}) {
  return <ExerciseIllustration illustration={firstFrameOf(illustration)} captions={false} side={side} className={className} />;
});
