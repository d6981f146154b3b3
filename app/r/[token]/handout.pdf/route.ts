import { connection } from "next/server";
import { publicRoute } from "@/lib/auth/route";
import { getDb } from "@/lib/db";
import { env } from "@/lib/env";
import { handoutResponse } from "@/lib/handout/handout-response";
import { parseHandoutQuery } from "@/lib/handout/options";
import { resolveShareLink } from "@/lib/share/access";
import { inactiveLinkResponseFrom } from "@/lib/share/inactive";
import { shareLinkUrl } from "@/lib/share/links";

/**
 * The routine as a printable PDF, for whoever holds an active link (checked exactly as the page checks
 * it). Its QR code and printed address lead back to this same link, so paper and phone stay in step.
 */
export const GET = publicRoute<{ token: string }>(async (request, { params }) => {
  await connection();
  const { token } = params;
  const db = await getDb();
  const access = await resolveShareLink(db, token);
  if (!access.active) return await inactiveLinkResponseFrom(db);
  const query = parseHandoutQuery(new URL(request.url).searchParams);
  if (!query.ok) return Response.json({ error: query.error }, { status: 400 });
  return handoutResponse(
    request,
    db,
    access.routineId,
    { ...query.options, shareUrl: shareLinkUrl(env().appUrl, token) },
    "private, no-store",
  );
});
