import "server-only";
import { getDb } from "@/lib/db";
import { resolveShareLink } from "./access";
import { inactiveLinkResponse } from "./inactive";

const patientPage = /^\/r\/([^/]+)$/;

/**
 * For the proxy: the 404 page for a patient page whose link is not active, or null to let the page render.
 * Next renders a page's notFound() into an empty HTML shell filled in by JavaScript (vercel/next.js#62228),
 * so a phone without JavaScript would see a blank page; answering here keeps it a real, readable 404.
 */
export async function refuseInactiveShareLink(pathname: string): Promise<Response | null> {
  const match = patientPage.exec(pathname);
  if (!match) return null;
  const access = await resolveShareLink(await getDb(), match[1]!);
  return access.active ? null : inactiveLinkResponse();
}
