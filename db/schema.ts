import { sql } from "drizzle-orm";
import { blob, index, integer, primaryKey, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";
import type { Dose } from "@/lib/exercises/dose";
import type { Illustration } from "@/lib/illustrations/schema";
import type { BodyRegion, Difficulty, Equipment, ExerciseCategory, ExerciseStatus, StartingPosition } from "@/lib/exercises/vocabulary";

const createdAt = () =>
  integer("created_at", { mode: "timestamp_ms" })
    .notNull()
    .default(sql`(cast(unixepoch('subsec') * 1000 as integer))`);
const updatedAt = () =>
  integer("updated_at", { mode: "timestamp_ms" })
    .notNull()
    .default(sql`(cast(unixepoch('subsec') * 1000 as integer))`);

export const users = sqliteTable(
  "users",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    email: text("email").notNull(),
    name: text("name").notNull(),
    role: text("role", { enum: ["admin", "clinician"] }).notNull(),
    passwordHash: text("password_hash").notNull(),
    disabled: integer("disabled", { mode: "boolean" }).notNull().default(false),
    // Bumped on password change or disable: every session carrying an older number stops working.
    sessionVersion: integer("session_version").notNull().default(1),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [uniqueIndex("users_email_unique").on(sql`lower(${t.email})`)],
);

// One row per signed-in browser. The session cookie carries a random id whose SHA-256 is the key here, so
// signing out, "sign out everywhere" or an admin can end it at once on every instance.
export const userSessions = sqliteTable(
  "user_sessions",
  {
    id: text("id").primaryKey(),
    userId: integer("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    userAgent: text("user_agent").notNull().default(""),
    clientAddress: text("client_address").notNull().default(""),
    createdAt: createdAt(),
    lastSeenAt: integer("last_seen_at", { mode: "timestamp_ms" }).notNull(),
    expiresAt: integer("expires_at", { mode: "timestamp_ms" }).notNull(),
  },
  (t) => [index("user_sessions_user").on(t.userId)],
);

// Clinic-wide settings an admin chooses, one row per key (values are validated where they are read).
export const clinicSettings = sqliteTable("clinic_settings", {
  key: text("key").primaryKey(),
  value: text("value").notNull(),
  updatedAt: updatedAt(),
});

// One row per failed sign-in; counted over a sliding window per account and per client.
export const signInFailures = sqliteTable(
  "sign_in_failures",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    bucket: text("bucket").notNull(),
    createdAt: createdAt(),
  },
  (t) => [index("sign_in_failures_bucket_time").on(t.bucket, t.createdAt)],
);

export const exercises = sqliteTable(
  "exercises",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    // Stable identity across installs: matches rows on import and seeding.
    key: text("key").notNull(),
    name: text("name").notNull(),
    summary: text("summary").notNull().default(""),
    steps: text("steps", { mode: "json" })
      .$type<string[]>()
      .notNull()
      .default(sql`'[]'`),
    cues: text("cues").notNull().default(""),
    precautions: text("precautions").notNull().default(""),
    category: text("category").$type<ExerciseCategory>().notNull(),
    bodyRegions: text("body_regions", { mode: "json" })
      .$type<BodyRegion[]>()
      .notNull()
      .default(sql`'[]'`),
    equipment: text("equipment", { mode: "json" })
      .$type<Equipment[]>()
      .notNull()
      .default(sql`'[]'`),
    position: text("position").$type<StartingPosition>().notNull(),
    difficulty: text("difficulty").$type<Difficulty>().notNull().default("easy"),
    tags: text("tags", { mode: "json" })
      .$type<string[]>()
      .notNull()
      .default(sql`'[]'`),
    defaultDose: text("default_dose", { mode: "json" })
      .$type<Dose>()
      .notNull()
      .default(sql`'{}'`),
    // The vector drawing of how the exercise is done (lib/illustrations), validated JSON; null: none.
    illustration: text("illustration", { mode: "json" }).$type<Illustration>(),
    status: text("status").$type<ExerciseStatus>().notNull().default("draft"),
    version: integer("version").notNull().default(1),
    createdBy: integer("created_by").references(() => users.id, { onDelete: "set null" }),
    updatedBy: integer("updated_by").references(() => users.id, { onDelete: "set null" }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [uniqueIndex("exercises_key_unique").on(t.key), index("exercises_status_name").on(t.status, t.name)],
);

// Pictures live in the database, not on disk, so a remote libSQL server serves them to every instance.
// They are addressed by the SHA-256 of their bytes: names change when content does, so caches never go stale.
export const exerciseImages = sqliteTable(
  "exercise_images",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    exerciseId: integer("exercise_id")
      .notNull()
      .references(() => exercises.id, { onDelete: "cascade" }),
    sha256: text("sha256").notNull(),
    mimeType: text("mime_type", { enum: ["image/png", "image/jpeg", "image/webp"] }).notNull(),
    byteSize: integer("byte_size").notNull(),
    width: integer("width"),
    height: integer("height"),
    data: blob("data", { mode: "buffer" }).notNull(),
    alt: text("alt").notNull().default(""),
    // The lowest position is the main picture.
    position: integer("position").notNull().default(0),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex("exercise_images_exercise_sha").on(t.exerciseId, t.sha256), index("exercise_images_sha").on(t.sha256)],
);

export const patients = sqliteTable(
  "patients",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    displayName: text("display_name").notNull(),
    externalRef: text("external_ref"),
    email: text("email"),
    phone: text("phone"),
    notes: text("notes").notNull().default(""),
    // The clinician responsible; under the "own patients" policy only they (and those shared with) see them.
    clinicianId: integer("clinician_id").references(() => users.id, { onDelete: "set null" }),
    archivedAt: integer("archived_at", { mode: "timestamp_ms" }),
    version: integer("version").notNull().default(1),
    createdBy: integer("created_by").references(() => users.id, { onDelete: "set null" }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [index("patients_archived_name").on(t.archivedAt, t.displayName), index("patients_clinician").on(t.clinicianId)],
);

// A patient shared with a colleague besides the assigned clinician.
export const patientShares = sqliteTable(
  "patient_shares",
  {
    patientId: integer("patient_id")
      .notNull()
      .references(() => patients.id, { onDelete: "cascade" }),
    userId: integer("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.patientId, t.userId] }), index("patient_shares_user").on(t.userId)],
);

export const routines = sqliteTable(
  "routines",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    // Null for a template; templates also carry a stable key when they were seeded.
    patientId: integer("patient_id").references(() => patients.id, { onDelete: "restrict" }),
    isTemplate: integer("is_template", { mode: "boolean" }).notNull().default(false),
    key: text("key"),
    title: text("title").notNull(),
    instructions: text("instructions").notNull().default(""),
    startDate: text("start_date"),
    reviewDate: text("review_date"),
    archivedAt: integer("archived_at", { mode: "timestamp_ms" }),
    version: integer("version").notNull().default(1),
    createdBy: integer("created_by").references(() => users.id, { onDelete: "set null" }),
    updatedBy: integer("updated_by").references(() => users.id, { onDelete: "set null" }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index("routines_patient").on(t.patientId),
    index("routines_template").on(t.isTemplate),
    uniqueIndex("routines_key_unique").on(t.key),
  ],
);

export const routineSections = sqliteTable(
  "routine_sections",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    routineId: integer("routine_id")
      .notNull()
      .references(() => routines.id, { onDelete: "cascade" }),
    position: integer("position").notNull(),
    title: text("title").notNull(),
  },
  (t) => [index("routine_sections_routine").on(t.routineId, t.position)],
);

export const routineItems = sqliteTable(
  "routine_items",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    sectionId: integer("section_id")
      .notNull()
      .references(() => routineSections.id, { onDelete: "cascade" }),
    position: integer("position").notNull(),
    // Restrict: an exercise a routine uses can be archived, never hard-deleted.
    exerciseId: integer("exercise_id")
      .notNull()
      .references(() => exercises.id, { onDelete: "restrict" }),
    dose: text("dose", { mode: "json" })
      .$type<Dose>()
      .notNull()
      .default(sql`'{}'`),
    note: text("note").notNull().default(""),
  },
  (t) => [index("routine_items_section").on(t.sectionId, t.position), index("routine_items_exercise").on(t.exerciseId)],
);

// An immutable snapshot of a routine as saved; share links and handouts read the latest one.
export const routineRevisions = sqliteTable(
  "routine_revisions",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    routineId: integer("routine_id")
      .notNull()
      .references(() => routines.id, { onDelete: "cascade" }),
    number: integer("number").notNull(),
    snapshot: text("snapshot", { mode: "json" }).$type<unknown>().notNull(),
    createdBy: integer("created_by").references(() => users.id, { onDelete: "set null" }),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex("routine_revisions_number").on(t.routineId, t.number)],
);

export const shareLinks = sqliteTable(
  "share_links",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    routineId: integer("routine_id")
      .notNull()
      .references(() => routines.id, { onDelete: "cascade" }),
    label: text("label").notNull(),
    // SHA-256 of the token, hex: the token itself lives only in the link.
    tokenHash: text("token_hash").notNull(),
    // Random per-link value; the token is its HMAC under a key from AUTH_SECRET, which the database never holds,
    // so the link can be shown again. Null for links made before: they work but cannot be shown again.
    tokenSeed: text("token_seed"),
    expiresAt: integer("expires_at", { mode: "timestamp_ms" }).notNull(),
    revokedAt: integer("revoked_at", { mode: "timestamp_ms" }),
    lastOpenedAt: integer("last_opened_at", { mode: "timestamp_ms" }),
    openCount: integer("open_count").notNull().default(0),
    createdBy: integer("created_by").references(() => users.id, { onDelete: "set null" }),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex("share_links_token_hash").on(t.tokenHash), index("share_links_routine").on(t.routineId)],
);

// A patient's "done today" for one exercise, per link and per day (the patient's own calendar day).
// The item is its position in the revision plus the exercise, so an edited routine never inherits old ticks.
export const shareTicks = sqliteTable(
  "share_ticks",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    linkId: integer("link_id")
      .notNull()
      .references(() => shareLinks.id, { onDelete: "cascade" }),
    day: text("day").notNull(),
    position: integer("position").notNull(),
    // No foreign key: a tick is a record of what was done, and must not stop an unused exercise's deletion.
    exerciseId: integer("exercise_id").notNull(),
    // The revision the patient was looking at, so a day's share counts against that revision's exercises.
    revision: integer("revision").notNull(),
    // Which of the day's sessions (0 for the first): an exercise done twice a day has two ticks a day.
    session: integer("session").notNull().default(0),
    // False once undone: the row stays so an undo never loses the patient's note.
    done: integer("done", { mode: "boolean" }).notNull().default(true),
    pain: integer("pain"),
    comment: text("comment").notNull().default(""),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [uniqueIndex("share_ticks_item_day").on(t.linkId, t.day, t.position, t.exerciseId, t.session)],
);

// One row per accepted write through a share link; counted over a sliding window to rate-limit the link.
export const shareLinkWrites = sqliteTable(
  "share_link_writes",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    linkId: integer("link_id")
      .notNull()
      .references(() => shareLinks.id, { onDelete: "cascade" }),
    createdAt: createdAt(),
  },
  (t) => [index("share_link_writes_link_time").on(t.linkId, t.createdAt)],
);

export const auditEvents = sqliteTable(
  "audit_events",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    actorId: integer("actor_id").references(() => users.id, { onDelete: "set null" }),
    action: text("action").notNull(),
    entityType: text("entity_type").notNull(),
    entityId: integer("entity_id"),
    changes: text("changes", { mode: "json" })
      .$type<Record<string, unknown>>()
      .notNull()
      .default(sql`'{}'`),
    createdAt: createdAt(),
  },
  (t) => [index("audit_events_entity").on(t.entityType, t.entityId, t.createdAt)],
);

// Starter content already planted once: seeding never plants a key twice, so deleted or edited
// starter exercises stay the clinician's.
export const seedLog = sqliteTable("seed_log", {
  key: text("key").primaryKey(),
  seededAt: createdAt(),
});

// A routine's patient feedback (pain scores and comments) read by the care team up to `readUntil`: anything the
// patient sends after that is new on the dashboard again. One marker per routine, shared by the clinic's staff.
export const routineFeedbackReads = sqliteTable("routine_feedback_reads", {
  routineId: integer("routine_id")
    .primaryKey()
    .references(() => routines.id, { onDelete: "cascade" }),
  readUntil: integer("read_until", { mode: "timestamp_ms" }).notNull(),
  readBy: integer("read_by").references(() => users.id, { onDelete: "set null" }),
  updatedAt: updatedAt(),
});
