import { NextResponse, type NextRequest } from "next/server";
import { contentSecurityPolicy, newNonce } from "@/lib/security/headers";
import { refuseInactiveShareLink } from "@/lib/share/gate";

const isAdminPage = (pathname: string) => pathname === "/admin" || pathname.startsWith("/admin/");

// Auth.js's session cookie, possibly chunked (".0", ".1") and "__Secure-" prefixed over HTTPS.
const sessionCookie = /^(__Secure-)?authjs\.session-token(\.\d+)?$/;

/**
 * Three jobs only. (1) Send visitors of admin pages who carry no session cookie to sign-in: an optimistic
 * convenience, since every admin page, action and route handler verifies the session itself against the
 * database. The proxy deliberately never decodes or re-issues the cookie: a re-issued cookie on a
 * background prefetch could undo a sign-out. (2) Answer a patient page whose link is inactive with a
 * plain 404 (the page checks the link again itself). (3) Give each response a nonce-based CSP.
 */
export default async function proxy(request: NextRequest) {
  const { pathname, search } = request.nextUrl;
  if (isAdminPage(pathname) && !request.cookies.getAll().some((c) => sessionCookie.test(c.name))) {
    const login = new URL("/login", request.nextUrl);
    login.searchParams.set("callbackUrl", pathname + search);
    return NextResponse.redirect(login);
  }

  // Any method: a POST to an inactive link gets the same plain 404 as a GET, not Next's own page. (In production
  // scripts/server.mjs answers GET and HEAD of the page itself, before Next; the page counts its opens.)
  const refusal = await refuseInactiveShareLink(pathname);
  if (refusal) return refusal;

  const nonce = newNonce();
  const csp = contentSecurityPolicy(nonce, { dev: process.env.NODE_ENV === "development" });
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set("x-nonce", nonce);
  // Next reads the nonce from the request's CSP header and stamps it on the scripts it renders.
  requestHeaders.set("Content-Security-Policy", csp);
  const response = NextResponse.next({ request: { headers: requestHeaders } });
  response.headers.set("Content-Security-Policy", csp);
  return response;
}

export const config = {
  // Uploads skip the proxy: a proxied request body is cut at 10 MB, and the upload endpoints (which check
  // the session themselves and answer JSON) take more. The app's icons and manifest are static files that
  // need neither a session nor a CSP. Everything else gets the CSP.
  matcher: [
    "/((?!_next/static|_next/image|favicon.ico|icon.svg|apple-icon.png|manifest.webmanifest|api/admin/exercises/import$|api/admin/exercises/\\d+/images$).*)",
  ],
};
