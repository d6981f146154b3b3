/** A fresh CSP nonce: 16 random bytes, base64. */
export function newNonce(): string {
  return Buffer.from(crypto.getRandomValues(new Uint8Array(16))).toString("base64");
}

/** Content-Security-Policy for one response; the nonce lets Next's own inline scripts run and nothing else. */
export function contentSecurityPolicy(nonce: string, { dev = false } = {}): string {
  return [
    "default-src 'self'",
    // 'strict-dynamic': scripts the nonced bootstrap loads are trusted; no host allow-list to get wrong.
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${dev ? " 'unsafe-eval'" : ""}`,
    // React's style attributes need inline styles; styles cannot run code.
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    `connect-src 'self'${dev ? " ws:" : ""}`,
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join("; ");
}

/** Sent on every response by next.config.ts (the CSP, which needs a per-request nonce, comes from proxy.ts). */
export const baselineHeaders = [
  { key: "X-Content-Type-Options", value: "nosniff" },
  { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
  { key: "X-Frame-Options", value: "DENY" },
  { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=(), payment=()" },
  { key: "Cross-Origin-Opener-Policy", value: "same-origin" },
];

/**
 * Added on the patient's pages (/r/…), whose address carries the link's secret: no Referer may carry it
 * elsewhere, search engines must not index it, and no shared cache may keep a copy.
 */
export const patientLinkHeaders = [
  { key: "Referrer-Policy", value: "no-referrer" },
  { key: "X-Robots-Tag", value: "noindex" },
  { key: "Cache-Control", value: "private, no-store" },
];

/**
 * What a patient page's response carries when scripts/server.mjs answers it without Next: the headers
 * next.config.ts and proxy.ts give it (the later list wins key by key, as in next.config.ts; the page's own
 * headers last), and the nonce CSP unless the page brought its own (the inactive-link page's stricter one).
 */
export function patientPageHeaders(own: Record<string, string>, nonce: string): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const { key, value } of [...baselineHeaders, ...patientLinkHeaders]) headers[key] = value;
  if (!Object.keys(own).some((key) => key.toLowerCase() === "content-security-policy"))
    headers["Content-Security-Policy"] = contentSecurityPolicy(nonce);
  return Object.assign(headers, own);
}
