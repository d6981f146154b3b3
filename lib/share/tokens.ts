import "server-only";
import { createHash, createHmac, hkdfSync, randomBytes } from "node:crypto";

/** 32 random bytes, base64url without padding: 43 characters from [A-Za-z0-9_-]. */
export function generateShareToken(): string {
  return randomBytes(32).toString("base64url");
}

/** A new link's random value, stored with the link; the token is derived from it (and is never stored). */
export function generateShareTokenSeed(): string {
  return randomBytes(32).toString("base64url");
}

/**
 * The key share-link tokens are derived under: HKDF of the app's secret (AUTH_SECRET) with a purpose of its own,
 * so it is never the key that signs sessions, and lives in the configuration, never in the database.
 */
export function shareTokenKey(appSecret: string): Buffer {
  return Buffer.from(hkdfSync("sha256", appSecret, "", "routine share-link token v1", 32));
}

/** The link's token: HMAC-SHA-256 of its seed under the key, base64url (43 characters, like a random token). */
export function deriveShareToken(seed: string, key: Buffer): string {
  return createHmac("sha256", key).update(seed, "utf8").digest("base64url");
}

/** What the database keeps instead of the token: its SHA-256, hex. */
export function hashShareToken(token: string): string {
  return createHash("sha256").update(token, "utf8").digest("hex");
}

/**
 * The link's token again, or null: a link made before tokens had seeds has none, and after AUTH_SECRET changes
 * the seed derives another token (checked against the stored hash), so such links work but cannot be shown.
 */
export function tokenOf(link: { tokenSeed: string | null; tokenHash: string }, tokenKey: Buffer): string | null {
  if (!link.tokenSeed) return null;
  const token = deriveShareToken(link.tokenSeed, tokenKey);
  return hashShareToken(token) === link.tokenHash ? token : null;
}

const tokenShape = /^[A-Za-z0-9_-]{43}$/;

/** Anything else cannot be a token we issued: answer "inactive" without asking the database. */
export function isWellFormedShareToken(token: string): boolean {
  return tokenShape.test(token);
}
