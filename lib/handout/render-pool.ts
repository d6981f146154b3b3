import { availableParallelism } from "node:os";
import { Worker, type ResourceLimits } from "node:worker_threads";

/** A render that did not produce a PDF: the worker threw, died or ran out of time. */
export class RenderError extends Error {
  override name = "RenderError";
}

/** Too many renders waiting: the caller should answer "busy, try again" rather than queue without end. */
export class PoolBusyError extends Error {
  override name = "PoolBusyError";
}

export type PoolOptions = {
  /** Absolute path of the worker's ES module (see lib/handout/pdf/render-worker.ts for the protocol). */
  workerFile: string;
  /** Worker threads at most; each renders one document at a time. */
  size?: number;
  /** A render taking longer than this has its worker ended and replaced. */
  timeoutMs?: number;
  /** Renders allowed to wait for a free worker. */
  maxQueue?: number;
  /** Each worker's heap limits (see workerHeap). */
  resourceLimits?: ResourceLimits;
};

/**
 * A worker's heap. A render allocates a few hundred megabytes of short-lived objects (layout nodes, text
 * runs, PDF strings); with V8's default young generation (16 MB semispaces) it was collected about 24
 * times a render, a quarter of the render's time. 96 MB (32 MB semispaces) halves the collections and
 * took garbage collection to about 15% of a render (64 MB semispaces: 11%, for twice the memory). Memory
 * is committed only as a render uses it.
 */
export const workerHeap: ResourceLimits = { maxOldGenerationSizeMb: 512, maxYoungGenerationSizeMb: 96 };

type Task<In> = { id: number; input: In; resolve: (pdf: Uint8Array) => void; reject: (error: Error) => void };
type Slot<In> = { worker: Worker; task: Task<In> | null; timer?: NodeJS.Timeout; rendered: number };
type Reply = { id: number; ok: true; pdf: Uint8Array } | { id: number; ok: false; error: string };

export type PoolStats = { workers: number; busy: number; queued: number; completed: number; failed: number; replaced: number };

/**
 * A bounded pool of worker threads for CPU-heavy renders, so the server's event loop keeps answering other
 * requests meanwhile. Workers start on first use (or `warm()`) and are reused. One that dies or overruns
 * fails the render it was doing with a RenderError and is replaced: at once if it had rendered before
 * (so the pool stays warm), otherwise on the next render (so a worker that cannot start does not loop).
 */
export class RenderPool<In> {
  private readonly slots = new Set<Slot<In>>();
  private readonly queue: Task<In>[] = [];
  private nextId = 1;
  private closed = false;
  private readonly counts = { completed: 0, failed: 0, replaced: 0 };
  readonly size: number;
  private readonly timeoutMs: number;
  private readonly maxQueue: number;

  constructor(private readonly options: PoolOptions) {
    this.size = Math.max(1, options.size ?? Math.min(2, availableParallelism()));
    this.timeoutMs = options.timeoutMs ?? 60_000;
    this.maxQueue = options.maxQueue ?? 100;
  }

  /** Renders `input` in a worker; the bytes come back transferred, not copied. */
  run(input: In): Promise<Uint8Array> {
    if (this.closed) return Promise.reject(new RenderError("The render pool is closed."));
    if (this.queue.length >= this.maxQueue) return Promise.reject(new PoolBusyError(`${this.queue.length} renders are already waiting.`));
    return new Promise((resolve, reject) => {
      this.queue.push({ id: this.nextId++, input, resolve, reject });
      this.dispatch();
    });
  }

  /** Starts every worker now, so the first render does not wait for one to load. */
  warm(): void {
    while (!this.closed && this.slots.size < this.size) this.spawn();
  }

  stats(): PoolStats {
    const busy = [...this.slots].filter((s) => s.task).length;
    return { workers: this.slots.size, busy, queued: this.queue.length, ...this.counts };
  }

  /** Ends every worker; waiting and running renders fail. */
  async close(): Promise<void> {
    this.closed = true;
    for (const task of this.queue.splice(0)) task.reject(new RenderError("The render pool closed."));
    await Promise.all([...this.slots].map((slot) => slot.worker.terminate()));
  }

  private spawn(): Slot<In> {
    // No inherited execArgv: the parent may run with loaders or `--conditions=react-server` (the
    // benchmark does), and the renderer needs plain Node with React's ordinary build.
    const worker = new Worker(this.options.workerFile, {
      execArgv: [],
      resourceLimits: this.options.resourceLimits ?? workerHeap,
    });
    const slot: Slot<In> = { worker, task: null, rendered: 0 };
    worker.unref(); // an idle worker never keeps a process alive
    worker.on("message", (reply: Reply) => this.settle(slot, reply));
    worker.on("error", (error) => console.error("A handout render worker crashed:", error));
    worker.on("exit", (code) => this.retire(slot, `The renderer stopped unexpectedly (exit code ${code}).`));
    this.slots.add(slot);
    return slot;
  }

  private dispatch(): void {
    while (this.queue.length > 0) {
      const slot = [...this.slots].find((s) => !s.task) ?? (this.slots.size < this.size ? this.spawn() : undefined);
      if (!slot) return;
      const task = this.queue.shift()!;
      slot.task = task;
      slot.worker.ref();
      slot.timer = setTimeout(() => {
        this.retire(slot, `The render took longer than ${this.timeoutMs / 1000} seconds.`);
        void slot.worker.terminate();
      }, this.timeoutMs);
      slot.worker.postMessage({ id: task.id, payload: task.input });
    }
  }

  private settle(slot: Slot<In>, reply: Reply): void {
    const task = slot.task;
    if (!task || task.id !== reply.id) return;
    clearTimeout(slot.timer);
    slot.task = null;
    slot.worker.unref();
    slot.rendered++;
    if (reply.ok) {
      this.counts.completed++;
      task.resolve(reply.pdf);
    } else {
      this.counts.failed++;
      task.reject(new RenderError(reply.error));
    }
    this.dispatch();
  }

  /** Drops a worker that exited or timed out, failing its render, and starts a fresh one. */
  private retire(slot: Slot<In>, reason: string): void {
    if (!this.slots.delete(slot)) return;
    clearTimeout(slot.timer);
    if (slot.task) {
      this.counts.failed++;
      slot.task.reject(new RenderError(reason));
      slot.task = null;
    }
    if (this.closed) return;
    this.counts.replaced++;
    if (slot.rendered > 0) this.spawn();
    this.dispatch();
  }
}
