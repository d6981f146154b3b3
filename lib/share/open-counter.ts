import "server-only";
import { getDb } from "@/lib/db";
import { addShareLinkOpens } from "./access";

/** How long the opens of one link gather before they are written: one write per link per window at most. */
export const openCountWindowMs = 2000;

type Write = (linkId: number, count: number, lastOpenedAt: number) => Promise<void>;
type Entry = { count: number; lastOpenedAt: number; timer?: ReturnType<typeof setTimeout>; writing?: Promise<void> };

/**
 * Counts the opens of patient pages without a database write per open. A link's first open is written at
 * once (the clinician sees it as soon as the patient looks); further opens within the window are carried and
 * written together when it ends. A failed write keeps its count for the next try, and `flush` (at shutdown)
 * writes whatever is pending, so no open is dropped without a line in the log.
 */
export class OpenCounter {
  private readonly entries = new Map<number, Entry>();

  constructor(
    private readonly write: Write,
    private readonly windowMs = openCountWindowMs,
  ) {}

  record(linkId: number, now = Date.now()): void {
    const entry = this.entries.get(linkId);
    if (entry) {
      entry.count += 1;
      entry.lastOpenedAt = Math.max(entry.lastOpenedAt, now);
      return;
    }
    const fresh: Entry = { count: 1, lastOpenedAt: now };
    this.entries.set(linkId, fresh);
    this.writeOut(linkId, fresh);
  }

  /** Opens counted but not yet written (for tests and the shutdown log). */
  pending(): number {
    let sum = 0;
    for (const entry of this.entries.values()) sum += entry.count;
    return sum;
  }

  /** Resolves when no write is in flight (opens carried to a window's end may remain: see `pending`). */
  async settled(): Promise<void> {
    await Promise.all([...this.entries.values()].map((entry) => entry.writing));
  }

  /** Writes everything pending now and forgets the windows: for shutdown, and for tests. */
  async flush(): Promise<void> {
    const entries = [...this.entries];
    this.entries.clear();
    await Promise.all(entries.map(([, entry]) => entry.writing));
    await Promise.all(
      entries.map(async ([linkId, entry]) => {
        clearTimeout(entry.timer);
        const { count, lastOpenedAt } = entry;
        entry.count = 0;
        if (count === 0) return;
        await this.write(linkId, count, lastOpenedAt).catch((error) =>
          console.error(`Could not record ${count} opens of share link ${linkId} at shutdown`, error),
        );
      }),
    );
  }

  private writeOut(linkId: number, entry: Entry): void {
    const { count, lastOpenedAt } = entry;
    entry.count = 0;
    entry.writing = this.write(linkId, count, lastOpenedAt)
      .catch((error) => {
        // Kept, and tried again when the window ends.
        entry.count += count;
        console.error(`Could not record ${count} opens of share link ${linkId}; trying again shortly`, error);
      })
      .then(() => {
        entry.writing = undefined;
        entry.timer = setTimeout(() => this.endWindow(linkId, entry), this.windowMs);
        entry.timer.unref?.();
      });
  }

  private endWindow(linkId: number, entry: Entry): void {
    entry.timer = undefined;
    if (entry.count === 0) this.entries.delete(linkId);
    else this.writeOut(linkId, entry);
  }
}

// One counter per process, shared by every copy of this module (Next's bundle and scripts/server.mjs's).
const holder = globalThis as unknown as { routineOpenCounter?: OpenCounter };

/** The process's counter of patient-page opens, writing to the app's database. */
export function shareLinkOpens(): OpenCounter {
  holder.routineOpenCounter ??= new OpenCounter(async (linkId, count, lastOpenedAt) =>
    addShareLinkOpens(await getDb(), linkId, count, lastOpenedAt),
  );
  return holder.routineOpenCounter;
}
