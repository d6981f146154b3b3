/**
 * The builder's unsaved work, kept in the browser (localStorage) so a reload, a crash or a closed tab loses
 * nothing. One entry per routine and base version ("routine-draft:v1:<id>:<version>"), holding only what the
 * builder needs to put the work back: the routine's content as typed (no patient name or details) and the
 * cards of exercises added since the last save. Cleared on save; older than a week, thrown away unread.
 * Pure over a Storage-like object, so it runs in the browser and in tests alike.
 */
/** An item as typed: every dose box as text, so even a half-typed number comes back. */
export type StoredItem = { exerciseId: number; dose: Record<string, string>; note: string };
export type StoredDraft = {
  title: string;
  instructions: string;
  startDate: string;
  reviewDate: string;
  sections: { title: string; items: StoredItem[] }[];
};
export type KeptDraft<Card = unknown> = {
  routineId: number;
  /** The version the work was started on: saving it later on top of a newer one is reported as a conflict. */
  baseVersion: number;
  /** ISO instant of the last keystroke kept. */
  savedAt: string;
  draft: StoredDraft;
  /** Exercise cards the saved routine does not have yet (library data, no patient data). */
  cards: Record<number, Card>;
};

export type DraftStore = Pick<Storage, "getItem" | "setItem" | "removeItem" | "key" | "length">;

const prefix = "routine-draft:v1:";
export const draftMaxAgeMs = 7 * 24 * 60 * 60 * 1000;

export const draftKey = (routineId: number, baseVersion: number) => `${prefix}${routineId}:${baseVersion}`;

function keysOf(store: DraftStore, routineId: number): string[] {
  const keys: string[] = [];
  for (let i = 0; i < store.length; i++) {
    const key = store.key(i);
    if (key?.startsWith(`${prefix}${routineId}:`)) keys.push(key);
  }
  return keys;
}

function isKeptDraft(value: unknown): value is KeptDraft {
  const v = value as KeptDraft | null;
  return (
    typeof v === "object" &&
    v !== null &&
    typeof v.routineId === "number" &&
    typeof v.baseVersion === "number" &&
    typeof v.savedAt === "string" &&
    typeof v.draft === "object" &&
    v.draft !== null &&
    Array.isArray(v.draft.sections)
  );
}

/** Keeps the work; a full or refused storage (private browsing, quota) is not an error the user can act on. */
export function keepDraft(store: DraftStore, kept: KeptDraft): boolean {
  try {
    // One entry per routine: the newest work replaces what was kept on an older base.
    for (const key of keysOf(store, kept.routineId)) if (key !== draftKey(kept.routineId, kept.baseVersion)) store.removeItem(key);
    store.setItem(draftKey(kept.routineId, kept.baseVersion), JSON.stringify(kept));
    return true;
  } catch {
    return false;
  }
}

/** The newest kept work of a routine, if any and not too old (stale and unreadable entries are removed). */
export function findDraft<Card = unknown>(store: DraftStore, routineId: number, now = Date.now()): KeptDraft<Card> | null {
  let newest: KeptDraft | null = null;
  for (const key of keysOf(store, routineId)) {
    let parsed: unknown = null;
    try {
      parsed = JSON.parse(store.getItem(key) ?? "null");
    } catch {
      // unreadable: removed below
    }
    const at = isKeptDraft(parsed) ? Date.parse(parsed.savedAt) : NaN;
    if (!isKeptDraft(parsed) || parsed.routineId !== routineId || !(now - at < draftMaxAgeMs)) {
      store.removeItem(key);
      continue;
    }
    if (!newest || at > Date.parse(newest.savedAt)) newest = parsed;
  }
  return newest as KeptDraft<Card> | null;
}

/** After a save (or "Discard"): nothing of this routine stays in the browser. */
export function clearDrafts(store: DraftStore, routineId: number): void {
  try {
    for (const key of keysOf(store, routineId)) store.removeItem(key);
  } catch {
    // storage refused: nothing was kept either
  }
}
