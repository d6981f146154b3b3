import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { connection } from "next/server";
import { PatientRoutine } from "@/components/share/patient-routine";
import { getDb } from "@/lib/db";
import { env } from "@/lib/env";
import { openShareLink, resolveShareLink } from "@/lib/share/access";
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
  const link = { basePath: `/r/${token}`, serverDay: routine.serverDay, ticksByDay: routine.ticksByDay, feedback };
  return <PatientRoutine routine={routine} displayName={routine.displayName} clinicName={env().clinicName} updatedAt={routine.updatedAt} link={link} />;
}
