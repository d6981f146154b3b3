import "server-only";
import { and, eq, sql } from "drizzle-orm";
import type { Db, Tx } from "@/db/client";
import { auditEvents, exercises, patients, routines, users } from "@/db/schema";
import { AppError } from "@/lib/errors";
import type { VersionConflict } from "./conflict";

/** The editable rows that carry a `version`. */
type VersionedTable = typeof exercises | typeof patients | typeof routines;
type SetOf<T extends VersionedTable> = Partial<Omit<T["$inferInsert"], "id" | "version">>;

/**
 * `UPDATE … SET …, version = version + 1 WHERE id = ? AND version = ?`: the new version, or null when zero rows
 * matched (someone saved first, or the row is gone), which the caller turns into a conflict, never a success.
 */
export async function updateWhereVersion<T extends VersionedTable>(
  db: Db | Tx,
  table: T,
  id: number,
  baseVersion: number,
  set: SetOf<T>,
): Promise<number | null> {
  const versioned = table as typeof exercises; // the three share id and version; one concrete type keeps drizzle's generics simple
  const rows = await db
    .update(versioned)
    .set({ ...(set as SetOf<typeof exercises>), version: sql`${versioned.version} + 1` })
    .where(and(eq(versioned.id, id), eq(versioned.version, baseVersion)))
    .returning({ version: versioned.version });
  return rows[0]?.version ?? null;
}

type ConflictSpec<T, F extends string> = {
  entityType: "exercise" | "patient" | "routine" | "clinic";
  /** How the message names the thing ("the clinic's settings"); "this <entityType>" by default. */
  noun?: string;
  id: number;
  baseVersion: number;
  currentVersion: number;
  current: T;
  /** Every field's label, in form order: the order the conflict lists changed fields in. */
  labels: Record<F, string>;
  /** What the editor can do now, after "<who> saved this <thing> while you were editing (changed: …)." */
  advice: string;
};

/**
 * The conflict for a stale save: every save since `baseVersion` from the audit trail (each one records its
 * `version` and its changed `fields`), who saved last, and a message that names them and the fields.
 */
export async function versionConflict<T, F extends string>(db: Db | Tx, spec: ConflictSpec<T, F>): Promise<AppError> {
  const events = await db
    .select({ name: users.name, at: auditEvents.createdAt, changes: auditEvents.changes })
    .from(auditEvents)
    .leftJoin(users, eq(users.id, auditEvents.actorId))
    .where(
      and(
        eq(auditEvents.entityType, spec.entityType),
        eq(auditEvents.entityId, spec.id),
        sql`json_extract(${auditEvents.changes}, '$.version') > ${spec.baseVersion}`,
      ),
    )
    .orderBy(auditEvents.createdAt, auditEvents.id);
  const labelOf = (field: string) => (spec.labels as Record<string, string>)[field] ?? field;
  const changedIn = (changes: unknown) => Object.keys((changes as { fields?: object } | null)?.fields ?? {});
  const saves = events.map((e) => ({ by: e.name ?? "Someone", at: e.at.toISOString(), fields: changedIn(e.changes).map(labelOf) }));
  const changed = new Set(events.flatMap((e) => changedIn(e.changes)));
  const fields = (Object.keys(spec.labels) as F[]).filter((name) => changed.has(name)).map((name) => ({ name, label: spec.labels[name] }));
  const last = saves.at(-1);
  const by = last?.by ?? "Someone";
  const detail: VersionConflict<T, F> = {
    currentVersion: spec.currentVersion,
    current: spec.current,
    by,
    at: last?.at ?? new Date().toISOString(),
    saves,
    fields,
  };
  const list = fields.map((f) => f.label).join(", ");
  return new AppError(
    "conflict",
    `${by} saved ${spec.noun ?? `this ${spec.entityType}`} while you were editing${list ? ` (changed: ${list})` : ""}. ${spec.advice}`,
    {},
    detail,
  );
}
