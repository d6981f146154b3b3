import "server-only";
import { readEnv } from "./env-schema";

let cached: ReturnType<typeof readEnv> | undefined;

/** The validated configuration, read once from process.env on first use (never during the build). */
export function env() {
  cached ??= readEnv(process.env);
  return cached;
}
