import "server-only";
import { and, asc, desc, eq, inArray, ne, sql, type SQL } from "drizzle-orm";
import type { Db } from "@/db/client";
import { exerciseImages, exercises } from "@/db/schema";
import type { ExerciseQuery } from "./schemas";
import type { ImageMimeType } from "./images";
import { groupSynonyms, searchWords } from "./search-words";
import { suggestSpelling } from "./spelling";

export const pageSize = 25;

/**
 * Turns what a person typed into an FTS5 query: every word must match, as a prefix (so results follow the
 * typing), and nothing they type can be read as FTS5 syntax. A clinical word ("rhomboid") also matches the
 * plain words the library uses for it (lib/exercises/synonyms.ts).
 */
export function toFtsQuery(typed: string): string | undefined {
  const words = searchWords(typed).slice(0, 12);
  if (words.length === 0) return undefined;
  const phrase = (w: string[]) => `"${w.join(" ")}"*`;
  const terms = groupSynonyms(words).map(({ words: own, plain }) =>
    plain.length === 0 ? phrase(own) : `(${[phrase(own), ...plain.map((p) => phrase(searchWords(p)))].join(" OR ")})`,
  );
  // FTS5's implicit AND does not join a parenthesised group to its neighbours: spell AND out when there is one.
  return terms.join(terms.some((t) => t.startsWith("(")) ? " AND " : " ");
}

const jsonArrayHas = (column: SQL | typeof exercises.bodyRegions, value: string) =>
  sql`exists (select 1 from json_each(${column}) where json_each.value = ${value})`;

function filters(query: ExerciseQuery): SQL[] {
  const where: SQL[] = [];
  if (query.category) where.push(eq(exercises.category, query.category));
  if (query.position) where.push(eq(exercises.position, query.position));
  if (query.region) where.push(jsonArrayHas(sql`${exercises.bodyRegions}`, query.region));
  if (query.equipment) where.push(jsonArrayHas(sql`${exercises.equipment}`, query.equipment));
  if (query.status === "active") where.push(ne(exercises.status, "archived"));
  else if (query.status !== "all") where.push(eq(exercises.status, query.status));
  return where;
}

// bm25 column weights: a hit in the name counts most, then tags and summary, then the long text.
const rank = sql`bm25(exercises_fts, 10.0, 4.0, 1.5, 1.0, 0.5, 5.0)`;

function matching(query: ExerciseQuery): { where: SQL | undefined; fts: string | undefined } {
  const fts = toFtsQuery(query.q);
  const where = [...filters(query)];
  if (fts) where.push(sql`${exercises.id} in (select rowid from exercises_fts where exercises_fts match ${fts})`);
  return { where: where.length ? and(...where) : undefined, fts };
}

export type ExerciseSearchItem = {
  id: number;
  key: string;
  name: string;
  summary: string;
  category: (typeof exercises.$inferSelect)["category"];
  bodyRegions: string[];
  equipment: string[];
  position: string;
  status: (typeof exercises.$inferSelect)["status"];
  updatedAt: Date;
  thumbnail: { sha256: string; mimeType: ImageMimeType; alt: string } | null;
  illustration: (typeof exercises.$inferSelect)["illustration"];
};

export type ExerciseSearchResult = {
  items: ExerciseSearchItem[];
  total: number;
  page: number;
  pageCount: number;
  /** "Did you mean": set when nothing matched what was typed and these are the results for this spelling. */
  correctedQuery: string | null;
};

// Each row's main picture (the lowest position), read in the same query as the row: one round trip fewer.
// The outer id is named with its table: in a select list drizzle writes a bare "id", which inside this
// subquery would mean the picture's own id.
const thumbnail = sql<string | null>`(select json_object('sha256', img.sha256, 'mimeType', img.mime_type, 'alt', img.alt)
  from ${exerciseImages} img where img.exercise_id = ${sql.identifier("exercises")}.${sql.identifier("id")} order by img.position, img.id limit 1)`;

const listColumns = {
  id: exercises.id,
  key: exercises.key,
  name: exercises.name,
  summary: exercises.summary,
  category: exercises.category,
  bodyRegions: exercises.bodyRegions,
  equipment: exercises.equipment,
  position: exercises.position,
  status: exercises.status,
  updatedAt: exercises.updatedAt,
  thumbnail,
  illustration: exercises.illustration,
};

/**
 * The ids on one page, best first. The full-text search runs once and is joined to the filters; ranking
 * through a per-row subquery re-ran the search for every match (a one-letter query took ~30 s at 10k).
 */
async function pageIds(db: Db, query: ExerciseQuery, fts: string): Promise<number[]> {
  const where = filters(query);
  const rows = await db.all<{ id: number }>(sql`
    select ${exercises.id} as id
    from ${exercises}
    join (select rowid as hit_id, ${rank} as score from exercises_fts where exercises_fts match ${fts}) hits
      on hits.hit_id = ${exercises.id}
    ${where.length ? sql`where ${and(...where)}` : sql``}
    order by hits.score, ${exercises.name}
    limit ${pageSize} offset ${(query.page - 1) * pageSize}`);
  return rows.map((r) => r.id);
}

/**
 * One page of the library for a query: ranked by relevance when there is text, else alphabetical. When the
 * text finds nothing, a misspelt word is corrected to the closest one the library uses and those results come
 * back with the corrected spelling, for the page to say "Did you mean …".
 * No actor: the library is the clinic's, open to every signed-in clinician (the caller checked the session).
 */
export async function searchExercises(db: Db, query: ExerciseQuery): Promise<ExerciseSearchResult> {
  const result = await searchPage(db, query);
  if (result.total > 0 || !query.q.trim()) return { ...result, correctedQuery: null };
  const suggestion = await suggestSpelling(db, query.q);
  if (!suggestion) return { ...result, correctedQuery: null };
  const corrected = await searchPage(db, { ...query, q: suggestion });
  return corrected.total > 0 ? { ...corrected, correctedQuery: suggestion } : { ...result, correctedQuery: null };
}

async function searchPage(db: Db, query: ExerciseQuery): Promise<Omit<ExerciseSearchResult, "correctedQuery">> {
  const { where, fts } = matching(query);
  const countQuery = db
    .select({ n: sql<number>`count(*)` })
    .from(exercises)
    .where(where);

  let rows: (Omit<ExerciseSearchItem, "thumbnail"> & { thumbnail: string | null })[];
  let counted: { n: number }[];
  if (fts) {
    const [ids, count] = await Promise.all([pageIds(db, query, fts), countQuery]);
    const found = ids.length ? await db.select(listColumns).from(exercises).where(inArray(exercises.id, ids)) : [];
    const byId = new Map(found.map((r) => [r.id, r]));
    rows = ids.flatMap((id) => byId.get(id) ?? []);
    counted = count;
  } else {
    [rows, counted] = await Promise.all([
      db
        .select(listColumns)
        .from(exercises)
        .where(where)
        .orderBy(asc(exercises.name), desc(exercises.id))
        .limit(pageSize)
        .offset((query.page - 1) * pageSize),
      countQuery,
    ]);
  }

  const total = counted[0]?.n ?? 0;
  return {
    items: rows.map((r) => ({ ...r, thumbnail: r.thumbnail ? (JSON.parse(r.thumbnail) as ExerciseSearchItem["thumbnail"]) : null })),
    total,
    page: query.page,
    pageCount: Math.max(1, Math.ceil(total / pageSize)),
  };
}

/** Every id matching a query, in list order (for exporting a filtered view). */
export async function findExerciseIds(db: Db, query: ExerciseQuery): Promise<number[]> {
  const { where } = matching(query);
  const rows = await db.select({ id: exercises.id }).from(exercises).where(where).orderBy(asc(exercises.name));
  return rows.map((r) => r.id);
}
