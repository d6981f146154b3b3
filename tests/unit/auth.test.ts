import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { safeCallbackUrl } from "@/lib/auth/callback-url";
import { clientAddress } from "@/lib/auth/client-address";
import { hashPassword, verifyPassword } from "@/lib/auth/password";
import { clearAccountFailures, getThrottleStatus, minutesUntil, recordSignInFailure, signInBuckets, throttlePolicy } from "@/lib/auth/throttle";
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

  it("takes the first forwarded address as the client", () => {
    expect(clientAddress(new Headers({ "x-forwarded-for": "203.0.113.5, 10.0.0.1" }))).toBe("203.0.113.5");
    expect(clientAddress(new Headers({ "x-real-ip": "198.51.100.2" }))).toBe("198.51.100.2");
    expect(clientAddress(new Headers())).toBe("unknown");
  });
});
