import "server-only";
import { getDb } from "@/lib/db";
import { clinicSettingsQuery, toClinicSettings } from "@/lib/clinic/settings";
import { openShareLinkQuery, resolveShareLinkQuery, toShareAccess } from "./access";
import { inactiveLinkResponse } from "./inactive";
import { readTickFeedback } from "./tick-feedback";

const patientPage = /^\/r\/([^/]+)$/;

/**
 * For the proxy: the 404 page for a patient page whose link is not active, or null to let the page render.
 * Next renders a page's notFound() into an empty HTML shell filled in by JavaScript (vercel/next.js#62228),
 * so a phone without JavaScript would see a blank page; answering here keeps it a real, readable 404.
 * The check also counts the visit (one statement, one round trip; the page then reads everything else in
 * one more). Coming back from a tick's form post is not another visit: only real opens are counted, and
 * `opened` is null for a request that is not an open at all (any method but GET).
 */
export async function refuseInactiveShareLink(pathname: string, opened: URLSearchParams | null): Promise<Response | null> {
  const match = patientPage.exec(pathname);
  if (!match) return null;
  const isOpen = opened !== null && readTickFeedback(Object.fromEntries(opened)) === null;
  const db = await getDb();
  const token = match[1]!;
  // The clinic's settings ride along in the same batch: the dead-link page names the clinic as Settings says now.
  const [rows, clinic] = await db.batch([
    isOpen ? openShareLinkQuery(db, token) : resolveShareLinkQuery(db, token),
    clinicSettingsQuery(db),
  ]);
  return toShareAccess(rows).active ? null : inactiveLinkResponse(toClinicSettings(clinic));
}
