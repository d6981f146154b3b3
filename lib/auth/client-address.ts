import { env } from "@/lib/env";
import { resolveClientAddress, socketAddressHeader, type TrustProxy } from "@/lib/net/trust-proxy";

/**
 * The client's address for throttling and the sessions list: the socket's peer, which scripts/server.mjs
 * hands in a header of its own (Next.js does not expose the socket to route handlers or actions, and
 * sets X-Forwarded-For only when the client did not). X-Forwarded-For counts only as far as TRUST_PROXY says.
 */
export function clientAddress(headers: Headers, trust: TrustProxy = env().trustProxy): string {
  return resolveClientAddress(headers.get(socketAddressHeader), headers.get("x-forwarded-for"), trust);
}
