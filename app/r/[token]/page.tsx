import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { headers } from "next/headers";
import { connection } from "next/server";
import { PatientRoutine } from "@/components/share/patient-routine";
import { getDb } from "@/lib/db";
import { env } from "@/lib/env";
import { openShareLink, resolveShareLink } from "@/lib/share/access";
import { shareLinkUrl } from "@/lib/share/links";
import { readReminderTimes, reminderQueryString, sessionsInRoutine } from "@/lib/share/reminders";
import { getSharedRoutine } from "@/lib/share/shared-routine";
import { readTickFeedback } from "@/lib/share/tick-feedback";

// Generic on purpose: a browser's history and tab titles can be seen by others.
export const metadata: Metadata = { title: "Your exercises", robots: { index: false, follow: false }, referrer: "no-referrer" };

type Props = { params: Promise<{ token: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function SharedRoutinePage({ params, searchParams }: Props) {
  await connection();
  const [{ token }, query] = await Promise.all([params, searchParams]);
  const feedback = readTickFeedback(query);
  const db = await getDb();
  // Coming back from a tick's form post is not another visit: only real opens are counted.
  const access = feedback ? await resolveShareLink(db, token) : await openShareLink(db, token);
  if (!access.active) notFound();
  const routine = await getSharedRoutine(db, access);
  if (!routine) notFound();
  // The page's script asks for the patient's own day (?day=) when it differs from the server's; the days
  // loaded are the ones that can be "today" somewhere, so anything else falls back to the server's day.
  const asked = typeof query.day === "string" ? query.day : "";
  const day = Object.hasOwn(routine.ticksByDay, asked) ? asked : routine.serverDay;
  const scriptNonce = (await headers()).get("x-nonce") ?? undefined;
  const asks = query.at === undefined ? [] : [query.at].flat();
  const sessions = sessionsInRoutine(routine);
  const times = readReminderTimes(asks, sessions) ?? readReminderTimes([], sessions)!;
  // Absolute, from APP_URL: a calendar app fetches the feed from wherever it runs.
  const calendar = { times, feedUrl: `${shareLinkUrl(env().appUrl, token)}/calendar.ics?${reminderQueryString(times)}`, picked: asks.length > 0 };
  const link = { basePath: `/r/${token}`, day, ticks: routine.ticksByDay[day] ?? [], feedback, calendar, scriptNonce };
  return <PatientRoutine routine={routine} displayName={routine.displayName} clinicName={env().clinicName} updatedAt={routine.updatedAt} link={link} />;
}
