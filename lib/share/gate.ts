import "server-only";
import { getDb } from "@/lib/db";
import { clinicSettingsQuery, toClinicSettings } from "@/lib/clinic/settings";
import { resolveShareLinkQuery, toShareAccess } from "./access";
import { inactiveLinkResponse } from "./inactive";
import { patientPageToken } from "./patient-page-path";

/**
 * For the proxy: the 404 page for a patient page whose link is not active, or null to let the request through.
 * Next renders a page's notFound() into an empty HTML shell filled in by JavaScript (vercel/next.js#62228), and
 * answers a POST to a GET-only route with an empty 405, so a request of any method to an inactive link gets
 * the one real, readable 404 here. Counting the open is the page's job (lib/share/patient-page.ts).
 */
export async function refuseInactiveShareLink(pathname: string): Promise<Response | null> {
  const token = patientPageToken(pathname);
  if (token === null) return null;
  const db = await getDb();
  // The clinic's settings ride along in the same batch: the dead-link page names the clinic as Settings says now.
  const [rows, clinic] = await db.batch([resolveShareLinkQuery(db, token), clinicSettingsQuery(db)]);
  return toShareAccess(rows).active ? null : inactiveLinkResponse(toClinicSettings(clinic));
}
