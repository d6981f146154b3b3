/*
 * The rules of a versioned save that the browser needs too: what a conflict says and how "keep mine" merges.
 * The database half (update-where-version, reading who saved) is in ./save.ts.
 */

/** One save made since the version the editor started from: who, when, and the labels of the fields it changed. */
export type SaveSince = { by: string; at: string; fields: string[] };

/**
 * What an editor gets back when someone saved first (AppError("conflict").details), the same for exercises,
 * patients and routines: the version and values now stored, who saved last and when, every save in between,
 * and all the fields they changed, in form order.
 */
export type VersionConflict<T, F extends string = string> = {
  currentVersion: number;
  current: T;
  by: string;
  at: string;
  saves: SaveSince[];
  fields: { name: F; label: string }[];
};

const isPlainObject = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);
const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/**
 * "Keep my changes": a three-way merge, field by field. A field I changed (mine differs from what I started
 * from) takes mine; every other field keeps theirs. Plain objects (a dose) merge one level down the same way.
 */
export function mergeMine<T extends Record<string, unknown>>(base: T, mine: T, theirs: T): T {
  const merged: Record<string, unknown> = { ...theirs };
  for (const key of Object.keys(mine)) {
    const [b, m, t] = [base[key], mine[key], theirs[key]];
    if (isPlainObject(m) && isPlainObject(b) && isPlainObject(t)) merged[key] = mergeMine(b, m, t);
    else if (!same(m, b)) merged[key] = m;
  }
  return merged as T;
}
