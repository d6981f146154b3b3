import { connection } from "next/server";
import { getDb } from "@/lib/db";
import { resolveShareLink } from "@/lib/share/access";
import { inactiveLinkResponse } from "@/lib/share/inactive";

/** The routine as a printable PDF, for whoever holds an active link (checked exactly as the page checks it). */
export async function GET(_request: Request, { params }: { params: Promise<{ token: string }> }) {
  await connection();
  const { token } = await params;
  const access = await resolveShareLink(await getDb(), token);
  if (!access.active) return inactiveLinkResponse();
  // Integration point: return renderHandoutForRoutine(db, access.routineId, { shareUrl: shareLinkUrl(env().appUrl, token) }) once lib/handout/render-handout.ts exists.
  return Response.json({ error: "Handouts are not available yet." }, { status: 404 });
}
