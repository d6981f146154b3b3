import "server-only";
import type { InArgs } from "@libsql/client";
import { and, eq, fillPlaceholders, inArray, sql, type Placeholder, type SQL } from "drizzle-orm";
import type { Db } from "@/db/client";
import { currentRoutineQueries, readCurrentRoutine, toCurrentRoutine, type CurrentRoutine } from "@/db/routine-store";
import { shareLinks, shareTicks } from "@/db/schema";
import { sessionsPerDay, toPatientRoutine, type PatientRoutine } from "@/lib/routines/patient-routine";
import { exerciseCardQueries, routineExerciseIds, toExerciseCards } from "@/lib/routines/queries";
import type { RoutineContent } from "@/lib/routines/schemas";
import { clinicSettingsQuery, toClinicSettings, type ClinicSettings } from "@/lib/clinic/settings";
import { liveLink, liveLinkById } from "./access";
import { addDays, utcDay } from "./days";
import { hashShareToken, isWellFormedShareToken } from "./tokens";

export type LatestRevision = { number: number; savedAt: Date; displayName: string; content: RoutineContent };

function toLatestRevision(current: CurrentRoutine | null): LatestRevision | null {
  // Templates have no patient and no links.
  if (!current || current.patientName === null) return null;
  return { number: current.revision.number, savedAt: current.revision.savedAt, displayName: current.patientName, content: current.content };
}

/** The routine as last saved (links always show the newest revision), and only the patient's display name. */
export async function readLatestRevision(db: Db, routineId: number): Promise<LatestRevision | null> {
  return toLatestRevision(await readCurrentRoutine(db, routineId));
}

/**
 * An active link and its routine as last saved, in one round trip: what a tick checks before writing.
 * Null when the token opens nothing (unknown, revoked, expired or archived, all alike).
 */
export async function resolveShareLinkRevision(
  db: Db,
  token: string,
  now = Date.now(),
): Promise<{ linkId: number; routineId: number; latest: LatestRevision | null } | null> {
  if (!isWellFormedShareToken(token)) return null;
  const live = liveLink(db, hashShareToken(token), now);
  const [[access], ...routine] = await db.batch([
    db.select({ linkId: shareLinks.id, routineId: shareLinks.routineId }).from(shareLinks).where(live),
    ...currentRoutineQueries(db, sql`(${db.select({ id: shareLinks.routineId }).from(shareLinks).where(live)})`),
  ]);
  return access ? { ...access, latest: toLatestRevision(toCurrentRoutine(routine)) } : null;
}

/** Items in reading order, numbered by position across sections: the position is how a tick names its item. */
export function flattenItems(content: RoutineContent): { position: number; exerciseId: number; sessions: number }[] {
  let position = 0;
  return content.sections.flatMap((section) =>
    section.items.map((item) => ({ position: position++, exerciseId: item.exerciseId, sessions: sessionsPerDay(item.dose) })),
  );
}

/** One session's tick; an undone tick stays (done: false) so the patient's note is kept. */
export type TickState = { position: number; exerciseId: number; session: number; done: boolean; pain: number | null; comment: string };

/** Everything the patient's page shows, and nothing more: no record number, contact details or notes. */
export type SharedRoutine = PatientRoutine & {
  linkId: number;
  displayName: string;
  revision: number;
  updatedAt: Date;
  /** The server's UTC day; the page's script switches to the patient's own day, which is at most a day away. */
  serverDay: string;
  ticksByDay: Record<string, TickState[]>;
  /** The clinic's settings as they are now (its name, contact and logo head the page). */
  clinic: ClinicSettings;
};

function sharedRoutineQueries(db: Db, linkId: number | SQL, routineId: number | SQL, days: readonly (string | Placeholder)[]) {
  return [
    ...currentRoutineQueries(db, routineId),
    ...exerciseCardQueries(db, routineExerciseIds(routineId)),
    db
      .select({
        day: shareTicks.day,
        position: shareTicks.position,
        exerciseId: shareTicks.exerciseId,
        session: shareTicks.session,
        done: shareTicks.done,
        pain: shareTicks.pain,
        comment: shareTicks.comment,
      })
      .from(shareTicks)
      .where(and(eq(shareTicks.linkId, linkId), inArray(shareTicks.day, [...days]))),
    clinicSettingsQuery(db),
  ] as const;
}

const readResolved = (db: Db, linkId: number, routineId: number, days: string[]) =>
  db.batch(sharedRoutineQueries(db, linkId, routineId, days));

type SharedRoutineRows = Awaited<ReturnType<typeof readResolved>>;

type Prepared = { getQuery(): { sql: string; params: unknown[] }; mapResult(result: unknown, isFromBatch?: boolean): unknown };

type LinkIds = { id: number; routineId: number };
const dayNames = ["yesterday", "today", "tomorrow"] as const;

/**
 * The page's reads, built once per database with placeholders: drizzle spends longer building these statements
 * than SQLite spends running them, and the patient's page is the app's busiest request. `byToken` finds the link
 * from the token's hash inside every statement, for a token this process has not seen; `byId` reads by the ids
 * that token names, which never change, and checks again in the same batch that the link is still live.
 */
function buildQueries(db: Db) {
  const now = sql.placeholder("now");
  const days = dayNames.map((day) => sql.placeholder(day));
  const live = liveLink(db, sql.placeholder("tokenHash"), now);
  const byToken = [
    db.select({ id: shareLinks.id, routineId: shareLinks.routineId }).from(shareLinks).where(live),
    ...sharedRoutineQueries(
      db,
      sql`(${db.select({ id: shareLinks.id }).from(shareLinks).where(live)})`,
      sql`(${db.select({ id: shareLinks.routineId }).from(shareLinks).where(live)})`,
      days,
    ),
  ];
  const byId = [
    db
      .select({ id: shareLinks.id, routineId: shareLinks.routineId })
      .from(shareLinks)
      .where(liveLinkById(db, sql.placeholder("linkId"), now)),
    ...sharedRoutineQueries(db, sql`${sql.placeholder("linkId")}`, sql`${sql.placeholder("routineId")}`, days),
  ];
  return { byToken: byToken.map((query) => query.prepare() as Prepared), byId: byId.map((query) => query.prepare() as Prepared) };
}

type Kept = ReturnType<typeof buildQueries> & { idsByTokenHash: Map<string, LinkIds>; pages: Map<string, SharedRoutine> };
const kept = new WeakMap<Db, Kept>();
const idsKept = 10_000;
const routinesKept = 50;

/**
 * A token's live link and the page's rows, in one round trip (one batch, one transaction, so they agree);
 * null when the token opens nothing (now). `raw` is what the database answered, before any mapping.
 */
async function readByToken(db: Db, token: string, now: number, days: string[]) {
  let queries = kept.get(db);
  if (!queries) kept.set(db, (queries = { ...buildQueries(db), idsByTokenHash: new Map(), pages: new Map() }));
  const tokenHash = hashShareToken(token);
  const values = { now, yesterday: days[0], today: days[1], tomorrow: days[2] };
  const known = queries.idsByTokenHash.get(tokenHash);
  const [statements, args] = known
    ? [queries.byId, { ...values, linkId: known.id, routineId: known.routineId }]
    : [queries.byToken, { ...values, tokenHash }];
  const results = await db.$client.batch(
    statements.map((query) => {
      const built = query.getQuery();
      return { sql: built.sql, args: fillPlaceholders(built.params, args) as InArgs };
    }),
  );
  const [link] = statements[0]!.mapResult(results[0], true) as LinkIds[];
  if (!link) return null;
  if (!known) {
    if (queries.idsByTokenHash.size >= idsKept) queries.idsByTokenHash.delete(queries.idsByTokenHash.keys().next().value!);
    queries.idsByTokenHash.set(tokenHash, link);
  }
  const rows = () => results.slice(1).map((result, i) => statements[i + 1]!.mapResult(result, true)) as unknown as SharedRoutineRows;
  return { linkId: link.id, raw: results.map((result) => result.rows), rows, pages: queries.pages };
}

/**
 * What the patient's page shows, in one round trip (one batch): the link check, the routine as last saved, the
 * exercise cards (their ids taken in SQL from the routine's items) and the ticks. Given a token, the batch
 * checks the link itself and the answer is null when it opens nothing; given a resolved link, it trusts it.
 * Given a token, an unchanged read answers with the same object as before: treat it as read-only.
 */
export async function getSharedRoutine(
  db: Db,
  link: { linkId: number; routineId: number } | { token: string },
  now = Date.now(),
): Promise<SharedRoutine | null> {
  const serverDay = utcDay(now);
  const days = [addDays(serverDay, -1), serverDay, addDays(serverDay, 1)];
  if (!("token" in link)) return toSharedRoutine(link.linkId, await readResolved(db, link.linkId, link.routineId, days), days);
  if (!isWellFormedShareToken(link.token)) return null;
  const found = await readByToken(db, link.token, now, days);
  if (!found) return null;
  // The same rows give the same routine: kept by what the database answered (never stale, as it was just read),
  // so an unchanged page skips the mapping, and the page built from it can be kept by the object (patient-page.ts).
  const key = `${found.linkId} ${days.join(" ")} ${JSON.stringify(found.raw)}`;
  const known = found.pages.get(key);
  if (known) return known;
  const routine = toSharedRoutine(found.linkId, found.rows(), days);
  if (found.pages.size >= routinesKept) found.pages.delete(found.pages.keys().next().value!);
  if (routine) found.pages.set(key, routine);
  return routine;
}

function toSharedRoutine(linkId: number, rows: SharedRoutineRows, days: string[]): SharedRoutine | null {
  const [routineRows, contentRows, revisionRows, cardRows, imageRows, ticks, clinicRows] = rows;
  // With a token, no routine means no live link: the same answer as any inactive link.
  const latest = toLatestRevision(toCurrentRoutine([routineRows, contentRows, revisionRows]));
  if (!latest) return null;
  const cards = toExerciseCards([cardRows, imageRows]);

  const ticksByDay: Record<string, TickState[]> = Object.fromEntries(days.map((d) => [d, []]));
  for (const { day, ...tick } of ticks) ticksByDay[day]!.push(tick);

  return {
    ...toPatientRoutine(latest.content, cards),
    linkId,
    displayName: latest.displayName,
    revision: latest.number,
    updatedAt: latest.savedAt,
    serverDay: days[1]!,
    ticksByDay,
    clinic: toClinicSettings(clinicRows),
  };
}
