import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { Db } from "@/db/client";
import { shareLinks } from "@/db/schema";
import { createShareLink, revokeShareLink } from "@/lib/share/links";
import { newShareLinkInput } from "@/lib/share/schemas";
import { flattenItems, readLatestRevision } from "@/lib/share/shared-routine";
import { OpenCounter } from "@/lib/share/open-counter";
import { recordTick } from "@/lib/share/ticks";
import { appUrl, shareFixture } from "../helpers/share-fixture";
import { createTempDb, type TempDb } from "../helpers/temp-db";

// The patient's page as production serves it (lib/share/patient-page-server.ts, bundled into scripts/server.mjs)
// and as Next mounts it (app/r/[token]/route.ts): one handler, against a real database file.
const app = vi.hoisted(() => ({ db: undefined as Db | undefined }));
vi.mock("@/lib/db", () => ({ getDb: async () => app.db! }));
// Auth.js does not load under vitest; this public page never asks it anything.
vi.mock("@/lib/auth/index", () => ({ auth: async () => null }));

const { fastPatientPageToken, flushShareLinkOpens, servePatientPage } = await import("@/lib/share/patient-page-server");
const { GET: nextMount } = await import("@/app/r/[token]/route");
const { pageResponse } = await import("@/lib/share/patient-page");

let t: TempDb;
let f: Awaited<ReturnType<typeof shareFixture>>;
const unknownToken = "x".repeat(43);

beforeAll(async () => {
  t = await createTempDb();
  app.db = t.db;
  f = await shareFixture(t);
});
afterAll(() => t.close());

const serve = async (token: string, query = "", method = "GET") =>
  pageResponse(await servePatientPage(method, `/r/${token}${query}`, token));
async function newLink(label: string) {
  const link = await createShareLink(t.db, f.ada, newShareLinkInput.parse({ routineId: f.routineId, label }), appUrl);
  return { id: link.id, token: link.url.slice(`${appUrl}/r/`.length) };
}
const opens = async () =>
  (await t.db.select({ count: shareLinks.openCount }).from(shareLinks).where(eq(shareLinks.id, f.link.id)))[0]!.count;

describe("which requests the production server answers itself", () => {
  it("only a GET or HEAD of /r/{token}, spelled plainly", () => {
    expect(fastPatientPageToken("GET", `/r/${f.token}`)).toBe(f.token);
    expect(fastPatientPageToken("HEAD", `/r/${f.token}?day=2026-01-01`)).toBe(f.token);
    expect(fastPatientPageToken("POST", `/r/${f.token}`)).toBeNull();
    for (const target of [`/r/${f.token}/`, `/r/${f.token}/ticks`, `/r/${f.token}/calendar.ics`, `/r/%41bc`, `//r/${f.token}`, "/r/"]) {
      expect(fastPatientPageToken("GET", target), target).toBeNull();
    }
  });
});

describe("the patient's page", () => {
  it("carries every header Next's config and proxy give it, with a fresh nonce on its own scripts", async () => {
    const [one, two] = [await serve(f.token), await serve(f.token)];
    expect(one.status).toBe(200);
    const headers = Object.fromEntries(one.headers);
    expect(headers).toMatchObject({
      "content-type": "text/html; charset=utf-8",
      "cache-control": "private, no-store",
      "referrer-policy": "no-referrer",
      "x-robots-tag": "noindex",
      "x-content-type-options": "nosniff",
      "x-frame-options": "DENY",
      "cross-origin-opener-policy": "same-origin",
    });
    const nonce = /script-src 'self' 'nonce-([A-Za-z0-9+/=]+)' 'strict-dynamic'/.exec(headers["content-security-policy"]!)?.[1];
    expect(headers["content-security-policy"]).toContain("frame-ancestors 'none'");
    const html = await one.text();
    expect(html).toContain("Upper back pain");
    const scriptNonces = [...html.matchAll(/<script[^>]* nonce="([^"]+)"/g)].map((m) => m[1]);
    expect(scriptNonces.length).toBeGreaterThan(0);
    expect(new Set(scriptNonces)).toEqual(new Set([nonce]));
    // A page kept from an earlier render still gets this response's nonce.
    const otherNonce = /'nonce-([^']+)'/.exec(two.headers.get("content-security-policy")!)![1];
    expect(otherNonce).not.toBe(nonce);
    expect(await two.text()).toBe(html.replaceAll(nonce!, otherNonce!));
  });

  it("answers unknown, revoked and expired links with one 404 page, byte for byte, under the strict CSP", async () => {
    const unknown = await serve(unknownToken);
    const body = await unknown.text();
    expect(unknown.status).toBe(404);
    expect(body).toContain("This link is no longer active");
    expect(body).not.toContain("<script");
    expect(unknown.headers.get("content-security-policy")).toMatch(/^default-src 'none'/);
    expect(unknown.headers.get("referrer-policy")).toBe("no-referrer");
    expect(unknown.headers.get("cache-control")).toBe("private, no-store");
    expect((await serve("../../etc/passwd")).status).toBe(404);

    const expiring = await newLink("expiring");
    await t.db
      .update(shareLinks)
      .set({ expiresAt: new Date(Date.now() - 1000) })
      .where(eq(shareLinks.id, expiring.id));
    const revoked = await newLink("revoked");
    await revokeShareLink(t.db, f.ada, f.routineId, revoked.id);
    for (const token of [expiring.token, revoked.token]) {
      const response = await serve(token);
      expect(response.status).toBe(404);
      expect(await response.text()).toBe(body);
    }
  });

  it("shows a tick made after the page was last rendered: a kept page is never stale", async () => {
    const before = await (await serve(f.token, "?done=0")).text();
    const [first] = flattenItems((await readLatestRevision(t.db, f.routineId))!.content);
    await recordTick(
      t.db,
      { linkId: f.link.id, routineId: f.routineId },
      { position: 0, exerciseId: first!.exerciseId, intent: "done", session: 0 },
    );
    const after = await (await serve(f.token, "?done=0")).text();
    expect(after).not.toBe(before);
    expect(/<strong>Today:<\/strong> (\d+) of/.exec(after)?.[1]).toBe("1");
  });

  it("counts an open at once, gathers the next ones, and writes them at shutdown; a return from a tick or a HEAD is no open", async () => {
    await flushShareLinkOpens();
    const start = await opens();
    await serve(f.token);
    await vi.waitFor(async () => expect(await opens()).toBe(start + 1));
    await serve(f.token);
    await serve(f.token);
    await serve(f.token, "?done=0&session=0");
    const head = await serve(f.token, "", "HEAD");
    expect(head.status).toBe(200);
    expect(await opens()).toBe(start + 1); // the window is still open: carried, not written
    await flushShareLinkOpens();
    expect(await opens()).toBe(start + 3);
  });

  it("is the same page through Next's route handler, with the nonce Next's proxy made", async () => {
    const response = await nextMount(new Request(`http://localhost/r/${f.token}?done=0`, { headers: { "x-nonce": "bm9uY2U=" } }), {
      params: Promise.resolve({ token: f.token }),
    });
    expect(response.status).toBe(200);
    const html = await response.text();
    expect(html).toContain('nonce="bm9uY2U="');
    const fast = await serve(f.token, "?done=0");
    const nonce = /'nonce-([^']+)'/.exec(fast.headers.get("content-security-policy")!)![1]!;
    expect((await fast.text()).replaceAll(nonce, "bm9uY2U=")).toBe(html);
  });
});

describe("the open counter", () => {
  it("writes a link's first open at once and one write per window after, carrying the count", async () => {
    vi.useFakeTimers();
    try {
      const writes: [number, number, number][] = [];
      const counter = new OpenCounter(async (...write) => void writes.push(write), 1000);
      counter.record(7, 100);
      counter.record(8, 150);
      await vi.advanceTimersByTimeAsync(0);
      expect(writes).toEqual([
        [7, 1, 100],
        [8, 1, 150],
      ]);
      counter.record(7, 200);
      counter.record(7, 300);
      await vi.advanceTimersByTimeAsync(999);
      expect(writes).toHaveLength(2);
      await vi.advanceTimersByTimeAsync(1);
      expect(writes[2]).toEqual([7, 2, 300]);
      // A quiet window ends the link's entry: the next open is written at once again.
      await vi.advanceTimersByTimeAsync(2000);
      counter.record(7, 5000);
      await vi.advanceTimersByTimeAsync(0);
      expect(writes[3]).toEqual([7, 1, 5000]);
      expect(counter.pending()).toBe(0);
    } finally {
      vi.useRealTimers();
    }
  });

  it("keeps the count of a failed write and tries again; flush writes what is pending", async () => {
    vi.useFakeTimers();
    const logged = vi.spyOn(console, "error").mockImplementation(() => {});
    try {
      const writes: [number, number, number][] = [];
      let failing = true;
      const counter = new OpenCounter(async (...write) => {
        if (failing) throw new Error("database is locked");
        writes.push(write);
      }, 1000);
      counter.record(1, 10);
      await vi.advanceTimersByTimeAsync(0);
      expect(counter.pending()).toBe(1);
      expect(logged).toHaveBeenCalledTimes(1);
      failing = false;
      counter.record(1, 20);
      await vi.advanceTimersByTimeAsync(1000);
      expect(writes).toEqual([[1, 2, 20]]);
      counter.record(1, 30);
      await counter.flush();
      expect(writes).toEqual([
        [1, 2, 20],
        [1, 1, 30],
      ]);
      expect(counter.pending()).toBe(0);
    } finally {
      logged.mockRestore();
      vi.useRealTimers();
    }
  });
});
