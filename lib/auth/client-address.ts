/**
 * The client's address for throttling: the first X-Forwarded-For hop (Next's server sets it from the
 * socket; a reverse proxy in front must overwrite, not append to, what the client sent).
 */
export function clientAddress(headers: Headers): string {
  const forwarded = headers.get("x-forwarded-for")?.split(",")[0]?.trim();
  return forwarded || headers.get("x-real-ip")?.trim() || "unknown";
}
