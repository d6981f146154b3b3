import "server-only";
import { createHash, randomBytes } from "node:crypto";

/** 32 random bytes, base64url without padding: 43 characters from [A-Za-z0-9_-]. */
export function generateShareToken(): string {
  return randomBytes(32).toString("base64url");
}

/** What the database keeps instead of the token: its SHA-256, hex. */
export function hashShareToken(token: string): string {
  return createHash("sha256").update(token, "utf8").digest("hex");
}

const tokenShape = /^[A-Za-z0-9_-]{43}$/;

/** Anything else cannot be a token we issued: answer "inactive" without asking the database. */
export function isWellFormedShareToken(token: string): boolean {
  return tokenShape.test(token);
}
