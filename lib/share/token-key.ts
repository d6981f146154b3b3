import "server-only";
import { resolveAuthSecret } from "@/lib/auth/secret";
import { env } from "@/lib/env";
import { shareTokenKey } from "./tokens";

let cached: Buffer | undefined;

/** This server's share-token key, from AUTH_SECRET (or the generated DATA_DIR/auth-secret), as sessions use. */
export function configuredShareTokenKey(): Buffer {
  cached ??= shareTokenKey(resolveAuthSecret(env().authSecret, env().dataDir));
  return cached;
}
