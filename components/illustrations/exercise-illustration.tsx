import { memo } from "react";
import { illustrationToGeometry } from "@/lib/illustrations/geometry";
import { IllustrationSvg } from "@/lib/illustrations/illustration-svg";
import type { Illustration } from "@/lib/illustrations/schema";

type Props = {
  illustration: Illustration;
  className?: string;
  /** Frame labels ("Start", "Finish") under the frames; off for thumbnails. */
  captions?: boolean;
  /** A dose's side: the drawing is mirrored when it differs from the side drawn. */
  side?: string;
};

/**
 * An exercise's drawing as inline SVG, for server and client components alike (pure, no state); memoised,
 * so a re-render with the same drawing (the builder's preview as you type) does not draw it again.
 */
export const ExerciseIllustration = memo(function ExerciseIllustration({ illustration, className, captions = true, side }: Props) {
  const geometry = illustrationToGeometry(illustration, { captions, ...(side ? { side } : {}) });
  return <IllustrationSvg geometry={geometry} className={className} />;
});
