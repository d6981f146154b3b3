import "server-only";
import { createHash, createHmac, randomBytes, timingSafeEqual } from "node:crypto";
import { env } from "@/lib/env";
import { resolveAuthSecret } from "./secret";

/**
 * OWASP's device cookies: a browser that has signed in to an account before carries a signed cookie for it,
 * and its failed sign-ins count against that cookie alone. Someone hammering the account from elsewhere
 * locks out untrusted browsers, never the owner's own.
 */
export const deviceCookiePolicy = { maxAgeSeconds: 365 * 24 * 60 * 60 } as const;

const normalizeEmail = (email: string) => email.trim().toLowerCase();

export function deviceCookieName(email: string): string {
  return `routine-device-${createHash("sha256").update(normalizeEmail(email)).digest("hex").slice(0, 16)}`;
}

function sign(email: string, nonce: string, secret: string): string {
  return createHmac("sha256", secret)
    .update(`device|${normalizeEmail(email)}|${nonce}`)
    .digest("base64url");
}

const secret = () => resolveAuthSecret(env().authSecret, env().dataDir);

/** A fresh cookie value for this account on this browser. */
export function issueDeviceCookie(email: string, key = secret()): { name: string; value: string } {
  const nonce = randomBytes(16).toString("base64url");
  return { name: deviceCookieName(email), value: `${nonce}.${sign(email, nonce, key)}` };
}

/** The device's id when the request carries a genuine device cookie for this account, else undefined. */
export function verifiedDeviceId(email: string, cookieHeader: string | null, key = secret()): string | undefined {
  if (!cookieHeader) return undefined;
  const name = deviceCookieName(email);
  for (const part of cookieHeader.split(";")) {
    const eq = part.indexOf("=");
    if (eq < 0 || part.slice(0, eq).trim() !== name) continue;
    const [nonce, signature] = part
      .slice(eq + 1)
      .trim()
      .split(".");
    if (!nonce || !signature) return undefined;
    const expected = Buffer.from(sign(email, nonce, key));
    const given = Buffer.from(signature);
    return expected.length === given.length && timingSafeEqual(expected, given) ? nonce : undefined;
  }
  return undefined;
}
