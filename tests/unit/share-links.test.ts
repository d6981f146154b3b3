import { createHash } from "node:crypto";
import { eq } from "drizzle-orm";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { auditEvents, shareLinks } from "@/db/schema";
import { setPatientArchived } from "@/lib/patients/mutations";
import { setRoutineArchived } from "@/lib/routines/mutations";
import { openShareLink, resolveShareLink } from "@/lib/share/access";
import { createShareLink, listShareLinks, revokeShareLink, shareLinkUrl } from "@/lib/share/links";
import { expiryFor, newShareLinkInput } from "@/lib/share/schemas";
import { getSharedRoutine } from "@/lib/share/shared-routine";
import { generateShareToken, hashShareToken, isWellFormedShareToken } from "@/lib/share/tokens";
import { appUrl, shareFixture } from "../helpers/share-fixture";
import { createTempDb, type TempDb } from "../helpers/temp-db";

const day = 86_400_000;

describe("share tokens", () => {
  it("are 32 random bytes in base64url: 43 characters, URL-safe, never repeated", () => {
    const tokens = Array.from({ length: 2000 }, generateShareToken);
    for (const token of tokens) {
      expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
      expect(Buffer.from(token, "base64url")).toHaveLength(32);
      expect(isWellFormedShareToken(token)).toBe(true);
    }
    expect(new Set(tokens).size).toBe(tokens.length);
    // All 64 symbols turn up: the alphabet is base64url's, not a narrower one.
    expect(new Set(tokens.join("")).size).toBe(64);
  });

  it("are stored as the SHA-256 of the token, hex", () => {
    const token = generateShareToken();
    expect(hashShareToken(token)).toBe(createHash("sha256").update(token).digest("hex"));
    expect(hashShareToken(token)).toMatch(/^[0-9a-f]{64}$/);
    expect(hashShareToken("abc")).toBe("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  });

  it("reject anything that is not a token's shape", () => {
    for (const bad of ["", "short", "a".repeat(42), "a".repeat(44), `${"a".repeat(42)}=`, `${"a".repeat(42)}/`, `${"a".repeat(42)}+`]) {
      expect(isWellFormedShareToken(bad)).toBe(false);
    }
  });
});

describe("link expiry", () => {
  const now = Date.UTC(2026, 2, 10, 15, 0);
  const parse = (input: Record<string, unknown>) => newShareLinkInput.parse({ routineId: 1, label: "phone", ...input });

  it("defaults to 90 days and offers presets up to a year", () => {
    expect(expiryFor(parse({}), now)).toEqual(new Date(now + 90 * day));
    expect(expiryFor(parse({ expiry: "365" }), now)).toEqual(new Date(now + 365 * day));
    expect(newShareLinkInput.safeParse({ routineId: 1, label: "x", expiry: "400" }).success).toBe(false);
  });

  it("runs a custom date through its last day, only in the future and at most a year ahead", () => {
    expect(expiryFor(parse({ expiry: "custom", customDate: "2026-03-11" }), now)).toEqual(new Date("2026-03-11T23:59:59.999Z"));
    expect(expiryFor(parse({ expiry: "custom", customDate: "2026-03-09" }), now)).toBeNull();
    expect(expiryFor(parse({ expiry: "custom", customDate: "2027-03-12" }), now)).toBeNull();
    const missing = newShareLinkInput.safeParse({ routineId: 1, label: "phone", expiry: "custom" });
    expect(missing.error?.issues[0]).toMatchObject({ path: ["customDate"], message: "Choose the last day the link works." });
    expect(newShareLinkInput.safeParse({ routineId: 1, label: "  " }).error?.issues[0]?.path).toEqual(["label"]);
  });
});

describe("share links", () => {
  let t: TempDb;
  let f: Awaited<ReturnType<typeof shareFixture>>;
  const now = Date.now();
  beforeEach(async () => {
    t = await createTempDb();
    f = await shareFixture(t, now);
  });
  afterEach(() => t.close());

  it("builds the URL from APP_URL and keeps only the token's hash", async () => {
    expect(f.link.url).toMatch(new RegExp(`^${appUrl}/r/[A-Za-z0-9_-]{43}$`));
    expect(shareLinkUrl("https://a.test/", "tok")).toBe("https://a.test/r/tok");
    const [row] = await t.db.select().from(shareLinks).where(eq(shareLinks.id, f.link.id));
    expect(row!.tokenHash).toBe(hashShareToken(f.token));
    expect(JSON.stringify(row)).not.toContain(f.token);
    const audit = await t.db.select().from(auditEvents).where(eq(auditEvents.action, "share_link.created"));
    expect(JSON.stringify(audit)).not.toContain(f.token);
  });

  it("finds the link by the token's hash, and counts opens only when the page opens it", async () => {
    expect(await resolveShareLink(t.db, f.token, now)).toEqual({ active: true, linkId: f.link.id, routineId: f.routineId });
    expect((await listShareLinks(t.db, f.ada, f.routineId, now))[0]).toMatchObject({
      openCount: 0,
      lastOpenedAt: null,
      status: "active",
      createdBy: "Ada",
    });
    await openShareLink(t.db, f.token, now + 1000);
    await openShareLink(t.db, f.token, now + 2000);
    expect((await listShareLinks(t.db, f.ada, f.routineId, now))[0]).toMatchObject({ openCount: 2, lastOpenedAt: new Date(now + 2000) });
  });

  it("answers unknown, malformed, revoked and expired tokens with one and the same inactive result", async () => {
    const inactive = { active: false };
    expect(await openShareLink(t.db, generateShareToken(), now)).toEqual(inactive);
    expect(await openShareLink(t.db, "../../etc/passwd", now)).toEqual(inactive);
    expect(await resolveShareLink(t.db, f.token, f.link.expiresAt.getTime())).toEqual(inactive);
    expect(await openShareLink(t.db, f.token, f.link.expiresAt.getTime() + 1)).toEqual(inactive);

    await revokeShareLink(t.db, f.bo, f.routineId, f.link.id, now);
    await revokeShareLink(t.db, f.bo, f.routineId, f.link.id, now); // twice is harmless
    expect(await openShareLink(t.db, f.token, now)).toEqual(inactive);
    expect((await listShareLinks(t.db, f.ada, f.routineId, now))[0]).toMatchObject({ status: "revoked", openCount: 0 });
    await expect(revokeShareLink(t.db, f.bo, f.routineId + 1, f.link.id)).rejects.toMatchObject({ code: "not_found" });
  });

  it("stops working when the routine or the patient is archived", async () => {
    await setRoutineArchived(t.db, f.ada, f.routineId, true);
    expect(await resolveShareLink(t.db, f.token, now)).toEqual({ active: false });
    await setRoutineArchived(t.db, f.ada, f.routineId, false);
    expect((await resolveShareLink(t.db, f.token, now)).active).toBe(true);
    await setPatientArchived(t.db, f.ada, f.patientId, true);
    expect(await resolveShareLink(t.db, f.token, now)).toEqual({ active: false });
  });

  it("refuses templates and expiry dates in the past", async () => {
    await expect(
      createShareLink(t.db, f.ada, newShareLinkInput.parse({ routineId: f.templateId, label: "x" }), appUrl),
    ).rejects.toMatchObject({ code: "validation" });
    const past = newShareLinkInput.parse({ routineId: f.routineId, label: "x", expiry: "custom", customDate: "2020-01-01" });
    await expect(createShareLink(t.db, f.ada, past, appUrl)).rejects.toMatchObject({ fieldErrors: { customDate: [expect.any(String)] } });
  });

  it("shows the patient their display name and the routine, never the private fields", async () => {
    const access = await resolveShareLink(t.db, f.token, now);
    const view = await getSharedRoutine(t.db, access as { linkId: number; routineId: number }, now);
    expect(view).toMatchObject({ displayName: "Sam", title: "Upper back pain — mobility", revision: 1, itemCount: 10 });
    expect(view!.sections.flatMap((s) => s.items.map((i) => i.position))).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
    expect(view!.sections[0]!.items[0]!.dose).not.toBe("");
    const text = JSON.stringify(view);
    for (const secret of ["MRN-77812", "sam.private@example.com", "7946", "Secret clinical note"]) expect(text).not.toContain(secret);
  });
});
