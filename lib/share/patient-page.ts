import "server-only";
import { randomUUID } from "node:crypto";
import { createElement } from "react";
import { PatientPageError } from "@/components/share/patient-page-error";
import { PatientRoutine } from "@/components/share/patient-routine";
import { clinicLogoUrl } from "@/lib/clinic/logo";
import { getClinicSettings } from "@/lib/clinic/settings";
import { getDb } from "@/lib/db";
import { env } from "@/lib/env";
import { inactiveLinkAnswer } from "./inactive";
import { shareLinkUrl } from "./links";
import { shareLinkOpens } from "./open-counter";
import { renderPatientDocument } from "./patient-page-html";
import { readReminderTimes, reminderQueryString, sessionsInRoutine } from "./reminders";
import { getSharedRoutine } from "./shared-routine";
import { readTickFeedback } from "./tick-feedback";

const html = "text/html; charset=utf-8";

/** A response as plain parts: the production server writes them to the socket as they are (see PatientPageRequest). */
export type PageAnswer = { status: number; headers: Record<string, string>; body: string };

/**
 * What the page needs of a request. Not a web Request: reading a Response's body back costs a quarter of the
 * page's whole time, so the two mounts each turn plain parts into their own kind of response.
 */
export type PatientPageRequest = { method: string; token: string; query: URLSearchParams; nonce: string | undefined };

/**
 * The patient's page, `/r/{token}`: the one implementation behind both mounts, Next's route handler
 * (app/r/[token]/route.ts, which `next dev` serves) and scripts/server.mjs's own path in production
 * (lib/share/patient-page-server.ts). Checks the link, counts a GET that is not the return from a tick's form
 * post as an open, and renders plain HTML. `nonce` is this response's CSP nonce, for the page's own scripts.
 * Headers that every page of the app carries are the mount's job.
 */
export async function answerPatientPage(request: PatientPageRequest): Promise<PageAnswer> {
  try {
    return await patientPage(request);
  } catch (error) {
    // A bug or an outage: the patient gets a page in plain words (and their ticks are safe); the log gets the rest.
    console.error("The patient's page failed", error);
    const body = renderPatientDocument(createElement(PatientPageError));
    return { status: 500, headers: { "Content-Type": html, "Cache-Control": "private, no-store" }, body };
  }
}

/** A page answer as a web Response (Next's mount). */
export function pageResponse({ status, headers, body }: PageAnswer): Response {
  return new Response(body, { status, headers });
}

async function patientPage({ method, token, query, nonce }: PatientPageRequest): Promise<PageAnswer> {
  const feedback = readTickFeedback(Object.fromEntries(query));
  // One round trip that checks the link and reads the routine and the ticks.
  const db = await getDb();
  const routine = await getSharedRoutine(db, { token });
  // A dead link is rare on this path: reading the clinic's details it names costs one more trip.
  if (!routine) return inactiveLinkAnswer(await getClinicSettings(db));
  // Coming back from a tick's form post is not another visit; a HEAD is not a visit at all.
  if (method === "GET" && feedback === null) shareLinkOpens().record(routine.linkId);

  // The page's script asks for the patient's own day (?day=) when it differs from the server's; the days
  // loaded are the ones that can be "today" somewhere, so anything else falls back to the server's day.
  const asked = query.get("day") ?? "";
  const day = Object.hasOwn(routine.ticksByDay, asked) ? asked : routine.serverDay;
  const asks = query.getAll("at");
  const sessions = sessionsInRoutine(routine);
  const times = readReminderTimes(asks, sessions) ?? readReminderTimes([], sessions)!;
  const { appUrl } = env();
  const clinicName = routine.clinic.displayName;
  const clinicLogo = routine.clinic.logo ? clinicLogoUrl(routine.clinic.logo) : undefined;
  // Absolute, from APP_URL: a calendar app fetches the feed from wherever it runs.
  const calendar = { times, feedUrl: `${shareLinkUrl(appUrl, token)}/calendar.ics?${reminderQueryString(times)}`, picked: asks.length > 0 };
  const link = { basePath: `/r/${token}`, day, ticks: routine.ticksByDay[day] ?? [], feedback, calendar };
  const props = { routine, displayName: routine.displayName, clinicName, clinicLogo, updatedAt: routine.updatedAt, link };
  return { status: 200, headers: { "Content-Type": html }, body: renderRoutinePage(props, nonce) };
}

type PageProps = Omit<Parameters<typeof PatientRoutine>[0], "link"> & {
  link: Omit<NonNullable<Parameters<typeof PatientRoutine>[0]["link"]>, "scriptNonce">;
};

// Rendering is most of a page's cost and the same data gives the same page. getSharedRoutine hands back the
// very same routine object while what it read is unchanged (and a new one when anything changed, a tick
// included), so pages are kept per routine object, by the rest of what they are rendered from: a kept page
// is never stale. The nonce differs per response and is put in last, in place of this process's stand-in.
const nonceSlot = `nonce-slot-${randomUUID()}`;
const rendered = new WeakMap<object, Map<string, string>>();
// A routine object lives while getSharedRoutine keeps it (50 at most); a few pages each: its day and query variants.
const keptPerRoutine = 4;

function renderRoutinePage(props: PageProps, nonce: string | undefined): string {
  let pages = rendered.get(props.routine);
  if (!pages) rendered.set(props.routine, (pages = new Map()));
  const key = JSON.stringify({ ...props, routine: undefined });
  let page = pages.get(key);
  if (page === undefined) {
    const element = createElement(PatientRoutine, { ...props, link: { ...props.link, scriptNonce: nonceSlot } });
    page = renderPatientDocument(createElement("div", { className: "patient-page" }, element));
    if (pages.size >= keptPerRoutine) pages.delete(pages.keys().next().value!);
    pages.set(key, page);
  }
  return nonce === undefined ? page.replaceAll(` nonce="${nonceSlot}"`, "") : page.replaceAll(nonceSlot, nonce);
}
