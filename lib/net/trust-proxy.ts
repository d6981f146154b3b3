import { BlockList, isIP } from "node:net";

// Kept free of "server-only": the env schema (start script, tests) validates TRUST_PROXY with it.

/**
 * Which proxies in front of the app may say who the client is. Unset: nobody, the socket's peer is the
 * client and X-Forwarded-For is ignored. A number: that many proxies append to X-Forwarded-For, so the
 * client is that many hops from the right. A list of addresses or CIDR ranges: proxies at those
 * addresses are skipped, and the first address from the right that is not one of them is the client.
 */
export type TrustProxy = { kind: "none" } | { kind: "hops"; hops: number } | { kind: "addresses"; list: BlockList; text: string };

/** The header scripts/server.mjs sets from the socket (and strips from what a client sends). */
export const socketAddressHeader = "x-routine-socket-address";

/** Parses TRUST_PROXY; throws a sentence saying what is wrong. */
export function parseTrustProxy(value: string | undefined): TrustProxy {
  const text = (value ?? "").trim();
  if (text === "" || text === "0" || text.toLowerCase() === "false") return { kind: "none" };
  if (/^\d+$/.test(text)) {
    const hops = Number(text);
    if (hops > 10) throw new Error("must be a number of proxy hops from 0 to 10, or a list of proxy addresses");
    return { kind: "hops", hops };
  }
  const list = new BlockList();
  for (const entry of text
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean)) {
    const [address, bits, extra] = entry.split("/");
    const family = isIP(address ?? "");
    if (!family || extra !== undefined) throw new Error(`has "${entry}", which is not an IP address or a CIDR range such as 10.0.0.0/8`);
    const type = family === 6 ? "ipv6" : "ipv4";
    if (bits === undefined) {
      list.addAddress(address!, type);
      continue;
    }
    const prefix = Number(bits);
    if (!/^\d+$/.test(bits) || prefix > (family === 6 ? 128 : 32)) throw new Error(`has "${entry}", whose prefix length is not valid`);
    list.addSubnet(address!, prefix, type);
  }
  return { kind: "addresses", list, text };
}

/** "::ffff:203.0.113.5" and "203.0.113.5" are one client. */
export function normalizeAddress(address: string): string {
  const trimmed = address.trim().replace(/^\[|\]$/g, "");
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(trimmed);
  return (mapped ? mapped[1]! : trimmed).toLowerCase();
}

function isTrusted(list: BlockList, address: string): boolean {
  const family = isIP(address);
  return family !== 0 && list.check(address, family === 6 ? "ipv6" : "ipv4");
}

/** The client's address from the socket's peer, X-Forwarded-For and the trust setting; "unknown" without a socket. */
export function resolveClientAddress(
  socketAddress: string | null | undefined,
  forwardedFor: string | null | undefined,
  trust: TrustProxy,
): string {
  const socket = socketAddress ? normalizeAddress(socketAddress) : "";
  if (!socket) return "unknown";
  if (trust.kind === "none") return socket;
  const chain = [
    ...(forwardedFor ?? "")
      .split(",")
      .map(normalizeAddress)
      .filter((a) => isIP(a) !== 0),
    socket,
  ];
  if (trust.kind === "hops") return chain[Math.max(0, chain.length - 1 - trust.hops)]!;
  for (let i = chain.length - 1; i >= 0; i--) if (!isTrusted(trust.list, chain[i]!)) return chain[i]!;
  return chain[0]!;
}
