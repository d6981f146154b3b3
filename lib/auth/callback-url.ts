/** Where to go after signing in: only a path on this site, never another origin (no open redirect). */
export function safeCallbackUrl(raw: unknown, fallback = "/admin"): string {
  // Control characters (a newline) would end up in a Location header, which Node refuses with a 500.
  const value = typeof raw === "string" ? raw.replace(/[\u0000-\u001f\u007f]/g, "") : raw;
  if (typeof value !== "string" || !value.startsWith("/") || value.startsWith("//") || value.startsWith("/\\")) {
    return fallback;
  }
  return value.slice(0, 2048);
}
