import { authedRoute } from "@/lib/auth/route";
import { getDb } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { getExerciseIllustration } from "@/lib/exercises/queries";
import { illustrationToGeometry } from "@/lib/illustrations/geometry";
import { geometryToSvg } from "@/lib/illustrations/svg";
import { idParam } from "@/lib/ids";

/**
 * An exercise's drawing as an SVG file for signed-in staff; ?side=left|right mirrors it as a dose for that
 * side would. 404 when the exercise has no drawing.
 */
export const GET = authedRoute<{ id: string }>(async (request, { params }) => {
  const id = idParam(params, "exercise");
  const side = new URL(request.url).searchParams.get("side");
  if (side !== null && side !== "left" && side !== "right") return Response.json({ error: "side is left or right." }, { status: 400 });
  const illustration = await getExerciseIllustration(await getDb(), id);
  if (!illustration) throw new AppError("not_found", "That exercise has no illustration.");
  const svg = geometryToSvg(illustrationToGeometry(illustration, side ? { side } : {}));
  return new Response(svg, {
    headers: { "Content-Type": "image/svg+xml; charset=utf-8", "Cache-Control": "private, no-cache", "X-Content-Type-Options": "nosniff" },
  });
});
