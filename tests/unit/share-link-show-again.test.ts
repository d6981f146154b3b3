import { eq } from "drizzle-orm";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { auditEvents, shareLinks } from "@/db/schema";
import { setRoutineArchived } from "@/lib/routines/mutations";
import { resolveShareLink } from "@/lib/share/access";
import { createShareLink, listShareLinks, revokeShareLink } from "@/lib/share/links";
import { newShareLinkInput } from "@/lib/share/schemas";
import { showShareLink } from "@/lib/share/show-share-link";
import { configuredShareTokenKey } from "@/lib/share/token-key";
import { deriveShareToken, generateShareToken, hashShareToken, shareTokenKey } from "@/lib/share/tokens";
import { appUrl, shareFixture } from "../helpers/share-fixture";
import { createTempDb, type TempDb } from "../helpers/temp-db";

describe("derived share tokens", () => {
  const key = shareTokenKey("a-secret-of-at-least-thirty-two-characters");

  it("look like random tokens, follow from seed and key alone, and differ per key and per seed", () => {
    const token = deriveShareToken("seed-1", key);
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(deriveShareToken("seed-1", key)).toBe(token);
    expect(deriveShareToken("seed-2", key)).not.toBe(token);
    expect(deriveShareToken("seed-1", shareTokenKey("another-secret-of-at-least-thirty-two-chars"))).not.toBe(token);
  });

  it("use a key of their own, not the secret itself", () => {
    expect(key).toHaveLength(32);
    expect(key.toString("utf8")).not.toContain("a-secret");
  });
});

describe("showing a link again", () => {
  let t: TempDb;
  let f: Awaited<ReturnType<typeof shareFixture>>;
  const now = Date.now();
  beforeEach(async () => {
    t = await createTempDb();
    f = await shareFixture(t, now);
  });
  afterEach(() => t.close());

  it("gives back the same working address, audited, while the database holds neither the token nor the key", async () => {
    const shown = await showShareLink(t.db, f.bo, f.routineId, f.link.id, appUrl, now);
    expect(shown.url).toBe(f.link.url);
    expect((await resolveShareLink(t.db, f.token, now)).active).toBe(true);

    const [row] = await t.db.select().from(shareLinks).where(eq(shareLinks.id, f.link.id));
    expect(row!.tokenSeed).toMatch(/^[A-Za-z0-9_-]{43}$/);
    // Whoever has a backup has the seed and the hash: neither opens the page.
    for (const candidate of [row!.tokenSeed!, row!.tokenHash]) expect((await resolveShareLink(t.db, candidate, now)).active).toBe(false);
    expect(JSON.stringify(row)).not.toContain(f.token);

    const audit = await t.db.select().from(auditEvents).where(eq(auditEvents.action, "share_link.shown"));
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ actorId: f.bo.id, entityId: f.routineId, changes: { linkId: f.link.id, label: "phone" } });
    expect(JSON.stringify(audit)).not.toContain(f.token);
    expect((await listShareLinks(t.db, f.ada, f.routineId, now))[0]).toMatchObject({ canShowAgain: true });
  });

  it("keeps links made before seeds working, but cannot show them", async () => {
    const oldToken = generateShareToken();
    const [old] = await t.db
      .insert(shareLinks)
      .values({
        routineId: f.routineId,
        label: "old",
        tokenHash: hashShareToken(oldToken),
        expiresAt: new Date(now + 86_400_000),
        createdBy: f.ada.id,
      })
      .returning({ id: shareLinks.id });
    expect((await resolveShareLink(t.db, oldToken, now)).active).toBe(true);
    await expect(showShareLink(t.db, f.ada, f.routineId, old!.id, appUrl, now)).rejects.toMatchObject({
      code: "conflict",
      message: expect.stringMatching(/made before/),
    });
    const listed = await listShareLinks(t.db, f.ada, f.routineId, now);
    expect(listed.find((l) => l.id === old!.id)).toMatchObject({ canShowAgain: false, status: "active" });
  });

  it("after AUTH_SECRET changes: links still open, but cannot be shown (and never show a wrong address)", async () => {
    const rotated = shareTokenKey("the-new-secret-after-rotation-0123456789");
    await expect(showShareLink(t.db, f.ada, f.routineId, f.link.id, appUrl, now, rotated)).rejects.toMatchObject({
      code: "conflict",
      message: expect.stringMatching(/AUTH_SECRET/),
    });
    expect((await resolveShareLink(t.db, f.token, now)).active).toBe(true);
    // A link made under the new key can be shown under it.
    const fresh = await createShareLink(
      t.db,
      f.ada,
      newShareLinkInput.parse({ routineId: f.routineId, label: "new" }),
      appUrl,
      now,
      rotated,
    );
    expect((await showShareLink(t.db, f.ada, f.routineId, fresh.id, appUrl, now, rotated)).url).toBe(fresh.url);
    expect(configuredShareTokenKey().equals(rotated)).toBe(false);
  });

  it("refuses revoked, expired, archived and other routines' links", async () => {
    await expect(showShareLink(t.db, f.ada, f.routineId + 1, f.link.id, appUrl, now)).rejects.toMatchObject({ code: "not_found" });
    await expect(showShareLink(t.db, f.ada, f.routineId, f.link.id, appUrl, f.link.expiresAt.getTime())).rejects.toMatchObject({
      message: expect.stringMatching(/expired/),
    });
    await setRoutineArchived(t.db, f.ada, f.routineId, true);
    await expect(showShareLink(t.db, f.ada, f.routineId, f.link.id, appUrl, now)).rejects.toMatchObject({
      message: expect.stringMatching(/archived/),
    });
    await setRoutineArchived(t.db, f.ada, f.routineId, false);
    await revokeShareLink(t.db, f.ada, f.routineId, f.link.id, now);
    await expect(showShareLink(t.db, f.ada, f.routineId, f.link.id, appUrl, now)).rejects.toMatchObject({
      message: expect.stringMatching(/revoked/),
    });
  });
});
