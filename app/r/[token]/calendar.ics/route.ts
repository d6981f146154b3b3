import { connection } from "next/server";
import { publicRoute } from "@/lib/auth/route";
import { getDb } from "@/lib/db";
import { env } from "@/lib/env";
import { resolveShareLink } from "@/lib/share/access";
import { buildReminderCalendar } from "@/lib/share/calendar";
import { readReminderTimes, sessionsInRoutine } from "@/lib/share/reminders";
import { utcDay } from "@/lib/share/days";
import { shareLinkUrl } from "@/lib/share/links";
import { getSharedRoutine } from "@/lib/share/shared-routine";

/**
 * The patient's reminders as an iCalendar feed (subscribed with webcal:, or downloaded with ?download=1).
 * Built afresh on every poll, so it follows the clinician's edits. An unknown, revoked or expired link gets
 * the same empty calendar, status 200: a subscribed calendar then drops the reminders instead of keeping
 * stale ones, and nothing tells which of the three it was.
 */
export const GET = publicRoute<{ token: string }>(async (request, { params }) => {
  await connection();
  const { token } = params;
  const search = new URL(request.url).searchParams;
  const db = await getDb();
  const access = await resolveShareLink(db, token);
  const routine = access.active ? await getSharedRoutine(db, access) : null;
  const times = readReminderTimes(search.getAll("at"), routine ? sessionsInRoutine(routine) : 1);
  if (!times) return Response.json({ error: "Choose up to three reminder times: morning, midday or evening." }, { status: 400 });
  const { appUrl } = env();
  // An inactive link's empty calendar names nobody in particular.
  const clinicName = routine?.clinic.displayName ?? "Your clinic";
  const body = buildReminderCalendar({
    routine,
    feedId: access.active ? `link-${access.linkId}` : "inactive",
    pageUrl: shareLinkUrl(appUrl, token),
    times,
    startDay: utcDay(routine?.updatedAt ?? Date.now()),
    clinicName,
  });
  return new Response(body, {
    headers: {
      "Content-Type": "text/calendar; charset=utf-8",
      "Cache-Control": "private, no-store",
      ...(search.has("download") && { "Content-Disposition": 'attachment; filename="my-exercises.ics"' }),
    },
  });
});
