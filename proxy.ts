import NextAuth from "next-auth";
import { NextResponse, type NextFetchEvent, type NextRequest } from "next/server";
import { authConfig } from "@/lib/auth/config";
import { contentSecurityPolicy } from "@/lib/security/headers";

const { auth } = NextAuth(authConfig);

const isAdminPage = (pathname: string) => pathname === "/admin" || pathname.startsWith("/admin/");

// Signed-out visitors of admin pages go to sign-in. A convenience only: every admin page, action and
// route handler checks the session itself against the database.
const redirectSignedOut = auth((request) => {
  if (request.auth) return withCsp(request);
  const login = new URL("/login", request.nextUrl);
  login.searchParams.set("callbackUrl", request.nextUrl.pathname + request.nextUrl.search);
  return NextResponse.redirect(login);
});

/** Gives the response a nonce-based CSP; Next stamps the nonce (read from the request header) on its scripts. */
function withCsp(request: NextRequest): NextResponse {
  const nonce = Buffer.from(crypto.getRandomValues(new Uint8Array(16))).toString("base64");
  const csp = contentSecurityPolicy(nonce, { dev: process.env.NODE_ENV === "development" });
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set("x-nonce", nonce);
  requestHeaders.set("Content-Security-Policy", csp);
  const response = NextResponse.next({ request: { headers: requestHeaders } });
  response.headers.set("Content-Security-Policy", csp);
  return response;
}

// Auth.js runs only for admin pages, so public pages (and patients) never get its cookies.
export default async function proxy(request: NextRequest, event: NextFetchEvent) {
  if (isAdminPage(request.nextUrl.pathname)) {
    const response = await redirectSignedOut(request, event as never);
    if (response) return response;
  }
  return withCsp(request);
}

export const config = {
  matcher: ["/((?!_next/static|_next/image|favicon.ico).*)"],
};
