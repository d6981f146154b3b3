import "server-only";
import { newNonce, patientPageHeaders } from "@/lib/security/headers";
import { shareLinkOpens } from "./open-counter";
import { answerPatientPage, type PageAnswer } from "./patient-page";

/*
 * The patient's page served by scripts/server.mjs itself, before Next.js: Next's own work per request (the
 * proxy, the router, the route's wrappers) costs more than the page, and the patient's page is the busiest and
 * simplest request the app has. Bundled at build time (scripts/build-patient-page.ts) into a module the
 * plain-Node server imports; it calls the same answerPatientPage as Next's route and adds the headers
 * next.config.ts and proxy.ts would.
 */

// Only the plain spelling of the path: any other (a trailing slash, percent-encoding) is left to Next.
const fastPath = /^\/r\/([A-Za-z0-9_-]+)(?:\?|$)/;

/** The token when this server answers the request itself (a GET or HEAD of `/r/{token}`), else null. */
export function fastPatientPageToken(method: string | undefined, target: string | undefined): string | null {
  if (method !== "GET" && method !== "HEAD") return null;
  return fastPath.exec(target ?? "")?.[1] ?? null;
}

/** Answers `/r/{token}` (`target` is the request's path and query) with every header the app's responses carry. */
export async function servePatientPage(method: string, target: string, token: string): Promise<PageAnswer> {
  const nonce = newNonce();
  const query = new URLSearchParams(target.includes("?") ? target.slice(target.indexOf("?") + 1) : "");
  const answer = await answerPatientPage({ method, token, query, nonce });
  return { ...answer, headers: patientPageHeaders(answer.headers, nonce) };
}

/** At shutdown: writes the opens counted but not yet written. */
export function flushShareLinkOpens(): Promise<void> {
  return shareLinkOpens().flush();
}
