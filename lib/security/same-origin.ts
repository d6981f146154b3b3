/**
 * Whether a state-changing request came from our own pages (defense in depth against cross-site posts on
 * top of SameSite cookies and unguessable tokens). Browsers send Sec-Fetch-Site and Origin on every POST;
 * a request with neither is not from a browser, so no other site can have forged it through one.
 */
export function isSameOriginRequest(headers: Headers, allowedOrigins: string[]): boolean {
  const site = headers.get("sec-fetch-site");
  if (site !== null && site !== "same-origin" && site !== "none") return false;
  const origin = headers.get("origin");
  if (origin === null) return true;
  // The patient's page is served with Referrer-Policy: no-referrer, so Chromium sends its own form posts
  // with `Origin: null`; Sec-Fetch-Site (which no page can set) then vouches for them.
  if (origin === "null" && site !== null) return true;
  const host = headers.get("x-forwarded-host") ?? headers.get("host");
  const proto = headers.get("x-forwarded-proto") ?? "http";
  const own = host ? [`${proto}://${host}`] : [];
  return [...allowedOrigins, ...own].some((allowed) => sameOrigin(allowed, origin));
}

function sameOrigin(a: string, b: string): boolean {
  try {
    return new URL(a).origin === new URL(b).origin;
  } catch {
    return false;
  }
}
