import { randomBytes } from "node:crypto";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";

let cached: string | undefined;

/**
 * AUTH_SECRET signs session cookies. When it is not configured, one is generated on first start and kept
 * in DATA_DIR/auth-secret (mode 600), so sessions survive restarts without anyone committing a secret.
 */
export function resolveAuthSecret(configured: string | undefined, dataDir: string): string {
  if (configured) return configured;
  if (cached) return cached;
  const file = path.join(dataDir, "auth-secret");
  try {
    cached = readFileSync(file, "utf8").trim();
  } catch {
    mkdirSync(dataDir, { recursive: true });
    try {
      // "wx" fails if another process wrote it first; then read theirs so both agree.
      writeFileSync(file, randomBytes(32).toString("base64url") + "\n", { flag: "wx", mode: 0o600 });
    } catch {
      /* created concurrently: fall through and read it */
    }
    cached = readFileSync(file, "utf8").trim();
  }
  if (cached.length < 32) throw new Error(`${file} holds a secret shorter than 32 characters: delete it to generate a new one.`);
  return cached;
}
