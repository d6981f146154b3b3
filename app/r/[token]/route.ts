import { createElement } from "react";
import { PatientPageError } from "@/components/share/patient-page-error";
import { PatientRoutine } from "@/components/share/patient-routine";
import { publicRoute } from "@/lib/auth/route";
import { getDb } from "@/lib/db";
import { env } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { inactiveLinkResponseFrom } from "@/lib/share/inactive";
import { clinicLogoUrl } from "@/lib/clinic/logo";
import { shareLinkUrl } from "@/lib/share/links";
import { renderPatientDocument } from "@/lib/share/patient-page-html";
import { readReminderTimes, reminderQueryString, sessionsInRoutine } from "@/lib/share/reminders";
import { getSharedRoutine } from "@/lib/share/shared-routine";
import { readTickFeedback } from "@/lib/share/tick-feedback";

/**
 * The patient's page, as plain HTML rendered on the server: it needs no React in the browser, only forms
 * and a small script of our own (public/patient.js, with the CSP nonce), so a route handler serves it.
 */
export const GET = publicRoute<{ token: string }>(async (request, { params }) => {
  try {
    return await patientPage(request, params.token);
  } catch (error) {
    if (error instanceof AppError) throw error;
    // A bug or an outage: the patient gets a page in plain words (and their ticks are safe); the log gets the rest.
    console.error("The patient's page failed", error);
    return new Response(renderPatientDocument(createElement(PatientPageError)), {
      status: 500,
      headers: { "Content-Type": "text/html; charset=utf-8", "Cache-Control": "private, no-store" },
    });
  }
});

async function patientPage(request: Request, token: string): Promise<Response> {
  const search = new URL(request.url).searchParams;
  const feedback = readTickFeedback(Object.fromEntries(search));
  // One round trip that checks the link again and reads the routine (proxy.ts checked it and counted the open).
  const db = await getDb();
  const routine = await getSharedRoutine(db, { token });
  // The proxy found the link active a moment ago: rare, so reading the clinic's details for the page costs a trip.
  if (!routine) return inactiveLinkResponseFrom(db);

  // The page's script asks for the patient's own day (?day=) when it differs from the server's; the days
  // loaded are the ones that can be "today" somewhere, so anything else falls back to the server's day.
  const asked = search.get("day") ?? "";
  const day = Object.hasOwn(routine.ticksByDay, asked) ? asked : routine.serverDay;
  const asks = search.getAll("at");
  const sessions = sessionsInRoutine(routine);
  const times = readReminderTimes(asks, sessions) ?? readReminderTimes([], sessions)!;
  const { appUrl } = env();
  const clinicName = routine.clinic.displayName;
  const clinicLogo = routine.clinic.logo ? clinicLogoUrl(routine.clinic.logo) : undefined;
  // Absolute, from APP_URL: a calendar app fetches the feed from wherever it runs.
  const calendar = { times, feedUrl: `${shareLinkUrl(appUrl, token)}/calendar.ics?${reminderQueryString(times)}`, picked: asks.length > 0 };
  const scriptNonce = request.headers.get("x-nonce") ?? undefined;
  const link = { basePath: `/r/${token}`, day, ticks: routine.ticksByDay[day] ?? [], feedback, calendar, scriptNonce };

  const page = createElement(PatientRoutine, {
    routine,
    displayName: routine.displayName,
    clinicName,
    clinicLogo,
    updatedAt: routine.updatedAt,
    link,
  });
  return new Response(renderPatientDocument(createElement("div", { className: "patient-page" }, page)), {
    headers: { "Content-Type": "text/html; charset=utf-8" },
  });
}
