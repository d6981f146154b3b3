/** Where to go after signing in: only a path on this site, never another origin (no open redirect). */
export function safeCallbackUrl(value: unknown, fallback = "/admin"): string {
  if (typeof value !== "string" || !value.startsWith("/") || value.startsWith("//") || value.startsWith("/\\")) {
    return fallback;
  }
  return value.slice(0, 2048);
}
