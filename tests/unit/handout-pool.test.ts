import path from "node:path";
import { afterEach, describe, expect, it, vi } from "vitest";
import { PoolBusyError, RenderError, RenderPool, workerHeap } from "@/lib/handout/render-pool";
import type { HandoutPayload } from "@/lib/handout/types";
import { readPdf } from "../helpers/pdf-text";

type FakeInput = { action?: "exit" | "throw" | "hang" | "fail" | "limits"; text?: string; delayMs?: number };
const fakeWorker = path.join(__dirname, "..", "helpers", "fake-render-worker.mjs");
const decode = (bytes: Uint8Array) => new TextDecoder().decode(bytes);

let pool: RenderPool<FakeInput> | undefined;
afterEach(async () => {
  await pool?.close();
  vi.restoreAllMocks();
});

describe("render pool", () => {
  it("runs renders in at most `size` worker threads, several at once", async () => {
    pool = new RenderPool<FakeInput>({ workerFile: fakeWorker, size: 2 });
    const results = await Promise.all(["a", "b", "c", "d"].map((text) => pool!.run({ text, delayMs: 150 })));
    expect(results.map(decode).map((s) => s.split(" ")[1])).toEqual(["a", "b", "c", "d"]);
    // Two threads, not one and not four.
    expect(new Set(results.map((r) => decode(r).split("thread ")[1])).size).toBe(2);
    expect(pool.stats()).toMatchObject({ workers: 2, busy: 0, queued: 0, completed: 4 });
  });

  it("fails the render of a worker that dies, logs it, and carries on with a fresh worker", async () => {
    const logged = vi.spyOn(console, "error").mockImplementation(() => {});
    pool = new RenderPool<FakeInput>({ workerFile: fakeWorker, size: 1 });
    await expect(pool.run({ action: "exit" })).rejects.toThrow(RenderError);
    await expect(pool.run({ action: "throw" })).rejects.toThrow(/stopped unexpectedly/);
    expect(logged).toHaveBeenCalledWith("A handout render worker crashed:", expect.objectContaining({ message: "worker blew up" }));
    expect(decode(await pool.run({ text: "after" }))).toMatch(/^%PDF after/);
    expect(pool.stats()).toMatchObject({ workers: 1, completed: 1, failed: 2, replaced: 2 });
  });

  it("reports a render error without losing the worker", async () => {
    pool = new RenderPool<FakeInput>({ workerFile: fakeWorker, size: 1 });
    await expect(pool.run({ action: "fail" })).rejects.toThrow("bad input");
    expect(decode(await pool.run({ text: "next" }))).toMatch(/^%PDF next/);
    expect(pool.stats()).toMatchObject({ workers: 1, replaced: 0 });
  });

  it("ends a render that takes too long and replaces its worker at once, keeping the pool warm", async () => {
    pool = new RenderPool<FakeInput>({ workerFile: fakeWorker, size: 1, timeoutMs: 300 });
    const first = decode(await pool.run({ text: "first" }));
    await expect(pool.run({ action: "hang" })).rejects.toThrow(/longer than 0.3 seconds/);
    expect(pool.stats()).toMatchObject({ workers: 1, busy: 0, replaced: 1 });
    const fresh = decode(await pool.run({ text: "fresh" }));
    expect(fresh).toMatch(/^%PDF fresh/);
    expect(fresh.split("thread ")[1]).not.toBe(first.split("thread ")[1]);
  });

  it("refuses new renders when too many are waiting", async () => {
    pool = new RenderPool<FakeInput>({ workerFile: fakeWorker, size: 1, maxQueue: 1 });
    const running = pool.run({ text: "1", delayMs: 200 });
    const waiting = pool.run({ text: "2" });
    await expect(pool.run({ text: "3" })).rejects.toThrow(PoolBusyError);
    await expect(Promise.all([running, waiting])).resolves.toHaveLength(2);
  });

  it("gives each worker a young generation large enough that a render is not mostly garbage collection", async () => {
    pool = new RenderPool<FakeInput>({ workerFile: fakeWorker, size: 1 });
    const limits = JSON.parse(decode(await pool.run({ action: "limits" })));
    expect(limits).toMatchObject(workerHeap);
    expect(workerHeap.maxYoungGenerationSizeMb).toBeGreaterThanOrEqual(64);
    await pool.close();
    pool = new RenderPool<FakeInput>({ workerFile: fakeWorker, size: 1, resourceLimits: { maxYoungGenerationSizeMb: 48 } });
    expect(JSON.parse(decode(await pool.run({ action: "limits" })))).toMatchObject({ maxYoungGenerationSizeMb: 48 });
  });

  it("draws a real handout in the real worker", async () => {
    const real = new RenderPool<HandoutPayload>({
      workerFile: path.join(process.cwd(), "lib", "handout", "pdf", "worker-entry.mjs"),
      size: 1,
    });
    try {
      const pdf = await real.run({
        clinic: { name: "Pool Clinic", contact: "", logo: null },
        patientName: "Jo",
        title: "Pool check",
        instructions: "",
        clinician: null,
        revisionNumber: 1,
        revisedOn: "1 May 2026",
        reviewOn: null,
        sections: [
          {
            title: "Only",
            exercises: [
              {
                number: 1,
                name: "Arm Circles",
                steps: ["Circle."],
                dose: "10 times",
                ticksPerDay: 1,
                cues: "",
                precautions: "",
                note: "",
                picture: null,
              },
            ],
          },
        ],
        trackingDays: [],
        paper: "A4",
        largePrint: false,
        trackingSheet: false,
        shareUrl: null,
      });
      expect(decode(pdf.subarray(0, 5))).toBe("%PDF-");
      expect(readPdf(pdf).text).toContain("Pool check");
    } finally {
      await real.close();
    }
  });
});
