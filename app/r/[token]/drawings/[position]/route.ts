import { connection } from "next/server";
import { publicRoute } from "@/lib/auth/route";
import { getDb } from "@/lib/db";
import { illustrationToGeometry } from "@/lib/illustrations/geometry";
import { geometryToSvg } from "@/lib/illustrations/svg";
import { resolveShareLink } from "@/lib/share/access";
import { inactiveLinkResponseFrom } from "@/lib/share/inactive";
import { getSharedDrawing } from "@/lib/share/shared-drawing";

/**
 * One exercise's drawing on the patient's page, as an SVG image (`/r/{token}/drawings/{position}`), for
 * whoever holds an active link. A separate, lazily loaded image keeps the page itself small: inline, Next's
 * page payload would carry every drawing twice.
 */
export const GET = publicRoute<{ token: string; position: string }>(async (_request, { params }) => {
  await connection();
  const db = await getDb();
  const access = await resolveShareLink(db, params.token);
  if (!access.active) return await inactiveLinkResponseFrom(db);
  const drawing = /^\d{1,4}$/.test(params.position) ? await getSharedDrawing(db, access.routineId, Number(params.position)) : null;
  if (!drawing) return new Response("No drawing here.", { status: 404, headers: { "Content-Type": "text/plain; charset=utf-8" } });
  return new Response(geometryToSvg(illustrationToGeometry(drawing)), {
    headers: { "Content-Type": "image/svg+xml; charset=utf-8", "X-Content-Type-Options": "nosniff" },
  });
});
