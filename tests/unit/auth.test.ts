import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { openDb } from "@/db/client";
import { safeCallbackUrl } from "@/lib/auth/callback-url";
import { clientAddress } from "@/lib/auth/client-address";
import { hashPassword, verifyPassword } from "@/lib/auth/password";
import {
  clearAccountFailures,
  getThrottleStatus,
  minutesUntil,
  recordSignInFailure,
  releaseSignInAttempt,
  reserveSignInAttempt,
  signInBuckets,
  throttlePolicy,
} from "@/lib/auth/throttle";
import { issueDeviceCookie, verifiedDeviceId } from "@/lib/auth/device-cookie";
import { readEnv } from "@/lib/env-schema";
import { parseTrustProxy } from "@/lib/net/trust-proxy";
import { createTempDb, type TempDb } from "../helpers/temp-db";

describe("passwords", () => {
  it("hash with argon2id, salted, and verify only the right password", async () => {
    const [a, b] = await Promise.all([hashPassword("tricky password 1"), hashPassword("tricky password 1")]);
    expect(a).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    expect(a).not.toBe(b);
    expect(await verifyPassword(a, "tricky password 1")).toBe(true);
    expect(await verifyPassword(a, "tricky password 2")).toBe(false);
    expect(await verifyPassword("not a hash", "anything")).toBe(false);
  });
});

describe("sign-in throttling", () => {
  let t: TempDb;
  beforeEach(async () => (t = await createTempDb()));
  afterEach(() => t.close());
  const start = Date.UTC(2026, 0, 1, 9, 0, 0);

  it("refuses an account after 10 failures in 15 minutes and says when to retry", async () => {
    const buckets = signInBuckets("Pat@Clinic.test", "203.0.113.7");
    for (let i = 0; i < throttlePolicy.perAccount - 1; i++) await recordSignInFailure(t.db, buckets, start + i * 1000);
    expect(await getThrottleStatus(t.db, buckets, start + 10_000)).toEqual({ limited: false });

    await recordSignInFailure(t.db, buckets, start + 10_000);
    const status = await getThrottleStatus(t.db, buckets, start + 60_000);
    expect(status).toEqual({ limited: true, retryAfterMs: 15 * 60_000 - 60_000 });
    expect(minutesUntil(14 * 60_000)).toBe(14);

    // The same account from another address is still refused; the window slides past the old failures.
    expect((await getThrottleStatus(t.db, signInBuckets("pat@clinic.test", "198.51.100.1"), start + 60_000)).limited).toBe(true);
    expect((await getThrottleStatus(t.db, buckets, start + 15 * 60_000 + 1)).limited).toBe(false);
  });

  it("refuses a client that tries many accounts", async () => {
    for (let i = 0; i < throttlePolicy.perClient; i++) {
      await recordSignInFailure(t.db, signInBuckets(`user${i}@clinic.test`, "203.0.113.9"), start);
    }
    expect((await getThrottleStatus(t.db, signInBuckets("fresh@clinic.test", "203.0.113.9"), start + 1)).limited).toBe(true);
    expect((await getThrottleStatus(t.db, signInBuckets("fresh@clinic.test", "203.0.113.10"), start + 1)).limited).toBe(false);
  });

  it("defect 3: 40 parallel attempts on one account: exactly 10 are evaluated, even from several connections", async () => {
    const buckets = signInBuckets("target@clinic.test", "203.0.113.20");
    const other = await openDb({ url: t.url });
    try {
      const results = await Promise.all(Array.from({ length: 40 }, (_, i) => reserveSignInAttempt(i % 2 ? other : t.db, buckets)));
      expect(results.filter((r) => r.reserved)).toHaveLength(throttlePolicy.perAccount);
      expect((await getThrottleStatus(t.db, buckets)).limited).toBe(true);
    } finally {
      other.$client.close();
    }
  });

  it("gives a successful attempt's reservation back: it is not a failure", async () => {
    const buckets = signInBuckets("ok@clinic.test", "203.0.113.21");
    for (let i = 0; i < throttlePolicy.perAccount - 1; i++) {
      const attempt = await reserveSignInAttempt(t.db, buckets);
      await releaseSignInAttempt(t.db, attempt);
    }
    expect((await getThrottleStatus(t.db, buckets)).limited).toBe(false);
    expect((await reserveSignInAttempt(t.db, buckets)).reserved).toBe(true);
  });

  it("defect 2: a browser with a device cookie keeps its allowance while the account is attacked from elsewhere", async () => {
    const key = "k".repeat(40);
    const attacked = signInBuckets("owner@clinic.test", "198.51.100.66");
    for (let i = 0; i < throttlePolicy.perAccount; i++) await reserveSignInAttempt(t.db, attacked);
    expect((await reserveSignInAttempt(t.db, attacked)).reserved).toBe(false);

    const cookie = issueDeviceCookie("Owner@Clinic.test", key);
    const device = verifiedDeviceId("owner@clinic.test", `other=1; ${cookie.name}=${cookie.value}`, key);
    expect(device).toBeDefined();
    expect((await reserveSignInAttempt(t.db, signInBuckets("owner@clinic.test", "203.0.113.30", device))).reserved).toBe(true);
    // A forged or borrowed cookie is nobody's device.
    expect(verifiedDeviceId("owner@clinic.test", `${cookie.name}=${cookie.value.slice(0, -2)}xx`, key)).toBeUndefined();
    expect(verifiedDeviceId("someone@clinic.test", `${cookie.name}=${cookie.value}`, key)).toBeUndefined();
  });

  it("forgives an account's failures after a successful sign-in", async () => {
    const buckets = signInBuckets("sam@clinic.test", "203.0.113.8");
    for (let i = 0; i < throttlePolicy.perAccount; i++) await recordSignInFailure(t.db, buckets, start);
    await clearAccountFailures(t.db, buckets);
    expect((await getThrottleStatus(t.db, buckets, start + 1)).limited).toBe(false);
  });
});

describe("request helpers", () => {
  it("only follows callback URLs on this site", () => {
    expect(safeCallbackUrl("/admin/exercises?q=cat")).toBe("/admin/exercises?q=cat");
    for (const evil of ["https://evil.test/", "//evil.test", "/\\evil.test", "javascript:alert(1)", undefined, 42]) {
      expect(safeCallbackUrl(evil)).toBe("/admin");
    }
  });

  it("strips control characters from callback URLs (a newline once made a 500)", () => {
    expect(safeCallbackUrl("/admin/patients\r\nSet-Cookie: x=1")).toBe("/admin/patientsSet-Cookie: x=1");
    expect(safeCallbackUrl("/\n/evil.test")).toBe("/admin");
  });

  it("defect 2: takes the socket's address as the client, X-Forwarded-For only as far as TRUST_PROXY says", () => {
    const from = (xff: string | undefined, trust: string | undefined, socket = "::ffff:10.0.0.2") =>
      clientAddress(
        new Headers({ "x-routine-socket-address": socket, ...(xff ? { "x-forwarded-for": xff } : {}) }),
        parseTrustProxy(trust),
      );
    // Nobody trusted: whatever the client claims, the socket's peer is the client.
    expect(from("198.51.100.77", undefined)).toBe("10.0.0.2");
    expect(from("::ffff:127.0.0.1", undefined)).toBe("10.0.0.2");
    // One proxy appends what it saw: the last entry is the client, anything earlier is the client's own claim.
    expect(from("6.6.6.6, 203.0.113.5", "1")).toBe("203.0.113.5");
    expect(from("198.51.100.1, 6.6.6.6, 203.0.113.5", "2")).toBe("6.6.6.6");
    expect(from(undefined, "1")).toBe("10.0.0.2");
    // Trusted addresses are skipped from the right.
    expect(from("6.6.6.6, 203.0.113.5, 10.1.2.3", "10.0.0.0/8")).toBe("203.0.113.5");
    expect(from("6.6.6.6, 203.0.113.5", "10.0.0.0/8", "192.0.2.1")).toBe("192.0.2.1");
    expect(from("garbage, 2001:db8::1", "10.0.0.2, ::1")).toBe("2001:db8::1");
    // Without the server's socket header (next dev), nobody is believed.
    expect(clientAddress(new Headers({ "x-forwarded-for": "203.0.113.5" }), parseTrustProxy("1"))).toBe("unknown");
  });

  it("validates TRUST_PROXY", () => {
    expect(parseTrustProxy("").kind).toBe("none");
    expect(parseTrustProxy("2")).toEqual({ kind: "hops", hops: 2 });
    expect(() => parseTrustProxy("11")).toThrow(/0 to 10/);
    expect(() => parseTrustProxy("10.0.0.0/33")).toThrow(/prefix/);
    expect(() => parseTrustProxy("proxy.local")).toThrow(/not an IP address/);
    expect(() => readEnv({ TRUST_PROXY: "yes" })).toThrow(/TRUST_PROXY has "yes"/);
    expect(readEnv({ TRUST_PROXY: "127.0.0.1, fd00::/8" }).trustProxy.kind).toBe("addresses");
  });
});
