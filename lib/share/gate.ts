import "server-only";
import { getDb } from "@/lib/db";
import { openShareLink, resolveShareLink } from "./access";
import { inactiveLinkResponse } from "./inactive";
import { readTickFeedback } from "./tick-feedback";

const patientPage = /^\/r\/([^/]+)$/;

/**
 * For the proxy: the 404 page for a patient page whose link is not active, or null to let the page render.
 * Next renders a page's notFound() into an empty HTML shell filled in by JavaScript (vercel/next.js#62228),
 * so a phone without JavaScript would see a blank page; answering here keeps it a real, readable 404.
 * The check also counts the visit (one statement, one round trip; the page then reads everything else in
 * one more). Coming back from a tick's form post is not another visit: only real opens are counted.
 */
export async function refuseInactiveShareLink(pathname: string, searchParams?: URLSearchParams): Promise<Response | null> {
  const match = patientPage.exec(pathname);
  if (!match) return null;
  const returningFromTick = searchParams !== undefined && readTickFeedback(Object.fromEntries(searchParams)) !== null;
  const db = await getDb();
  const access = returningFromTick ? await resolveShareLink(db, match[1]!) : await openShareLink(db, match[1]!);
  return access.active ? null : inactiveLinkResponse();
}
