import "server-only";
import { and, asc, desc, eq, inArray, sql, type SQL } from "drizzle-orm";
import type { Db } from "@/db/client";
import { exerciseImages, patients, routineRevisions, routines, users } from "@/db/schema";
import { AppError } from "@/lib/errors";
import { describeDose } from "@/lib/routines/dose-sentence";
import { exerciseCardQueries, routineExerciseIds, toExerciseCards } from "@/lib/routines/queries";
import { routineContent } from "@/lib/routines/schemas";
import { handoutFileName } from "./file-name";
import type { HandoutContent, HandoutDay, HandoutPicture, PictureRef } from "./types";

/** A handout's content without the clinic's details, which come from configuration. */
export type RoutineHandout<P = HandoutPicture> = Omit<HandoutContent<P>, "clinic">;

export type HandoutSource = {
  revisionId: number;
  fileName: string;
  /** Everything the PDF prints from the database, pictures named by id and hash but not yet read. */
  content: RoutineHandout<PictureRef>;
  /** The same content with the pictures' bytes, read only when the PDF has to be drawn. */
  withPictures: () => Promise<RoutineHandout>;
};

const longDate = new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "long", year: "numeric", timeZone: "UTC" });
const dayParts = {
  weekday: new Intl.DateTimeFormat("en-GB", { weekday: "short", timeZone: "UTC" }),
  month: new Intl.DateTimeFormat("en-GB", { month: "short", timeZone: "UTC" }),
};

/** The server's calendar date of a moment, as YYYY-MM-DD: the day the clinician saved, where the clinic is. */
function localIsoDate(at: Date): string {
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${at.getFullYear()}-${pad(at.getMonth() + 1)}-${pad(at.getDate())}`;
}

const utcDate = (iso: string) => new Date(`${iso}T00:00:00Z`);

function trackingDays(startIso: string): HandoutDay[] {
  return Array.from({ length: 14 }, (_, i) => {
    const day = utcDate(startIso);
    day.setUTCDate(day.getUTCDate() + i);
    return { weekday: dayParts.weekday.format(day), day: String(day.getUTCDate()), month: dayParts.month.format(day) };
  });
}

/**
 * What a routine's handout prints, from its current revision (the latest row of routine_revisions). Only the
 * patient's display name is read: never their record number, contact details or clinical notes. Access is
 * the caller's to check (a clinician's session, or a patient's share link).
 */
export async function readHandoutSource(db: Db, routineId: number): Promise<HandoutSource> {
  // One round trip: the revision, and the cards and pictures of the exercises the routine uses.
  const exerciseIds = routineExerciseIds(routineId);
  const [[revision], cardRows, imageRows, pictureRows] = await db.batch([
    db
      .select({
        id: routineRevisions.id,
        number: routineRevisions.number,
        snapshot: routineRevisions.snapshot,
        createdAt: routineRevisions.createdAt,
        clinician: users.name,
        patientName: patients.displayName,
      })
      .from(routineRevisions)
      .innerJoin(routines, eq(routines.id, routineRevisions.routineId))
      .leftJoin(patients, eq(patients.id, routines.patientId))
      .leftJoin(users, eq(users.id, routineRevisions.createdBy))
      .where(eq(routineRevisions.routineId, routineId))
      .orderBy(desc(routineRevisions.number))
      .limit(1),
    ...exerciseCardQueries(db, exerciseIds),
    mainPicturesQuery(db, exerciseIds),
  ]);
  if (!revision) throw new AppError("not_found", "That routine does not exist.");

  const snapshot = routineContent.parse(revision.snapshot);
  const cards = toExerciseCards([cardRows, imageRows]);
  const pictures = toMainPictures(pictureRows);

  let number = 0;
  const sections = snapshot.sections.map((section) => ({
    title: section.title,
    // An exercise missing from the library cannot be described; it cannot be deleted while a routine uses it.
    exercises: section.items.flatMap((item) => {
      const card = cards[item.exerciseId];
      if (!card) return [];
      return [
        {
          number: ++number,
          name: card.name,
          steps: card.steps,
          dose: describeDose(item.dose),
          ticksPerDay: Math.min(3, Math.max(1, item.dose.timesPerDay ?? 1)),
          cues: card.cues,
          precautions: card.precautions,
          note: item.note,
          picture: pictures.get(item.exerciseId) ?? null,
        },
      ];
    }),
  }));
  const savedOn = localIsoDate(revision.createdAt);
  const content: RoutineHandout<PictureRef> = {
    patientName: revision.patientName,
    title: snapshot.title,
    instructions: snapshot.instructions,
    clinician: revision.clinician,
    revisionNumber: revision.number,
    revisedOn: longDate.format(utcDate(savedOn)),
    reviewOn: snapshot.reviewDate ? longDate.format(utcDate(snapshot.reviewDate)) : null,
    sections,
    trackingDays: trackingDays(snapshot.startDate ?? savedOn),
  };
  return {
    revisionId: revision.id,
    fileName: handoutFileName({ patientName: revision.patientName, title: snapshot.title, date: savedOn }),
    content,
    withPictures: () => readPictures(db, content),
  };
}

/**
 * Each exercise's main picture (the lowest position) that a PDF can hold: react-pdf draws PNG and JPEG, so
 * a WebP main picture gives way to the exercise's next PNG or JPEG one.
 */
function mainPicturesQuery(db: Db, exerciseIds: SQL) {
  return db
    .select({ id: exerciseImages.id, exerciseId: exerciseImages.exerciseId, sha256: exerciseImages.sha256, mimeType: exerciseImages.mimeType, width: exerciseImages.width, height: exerciseImages.height })
    .from(exerciseImages)
    .where(and(sql`${exerciseImages.exerciseId} in ${exerciseIds}`, inArray(exerciseImages.mimeType, ["image/png", "image/jpeg"])))
    .orderBy(asc(exerciseImages.position), asc(exerciseImages.id));
}

function toMainPictures(rows: Awaited<ReturnType<typeof mainPicturesQuery>>): Map<number, PictureRef> {
  const found = new Map<number, PictureRef>();
  for (const { exerciseId, mimeType, ...picture } of rows) {
    if (!found.has(exerciseId)) found.set(exerciseId, { ...picture, format: mimeType === "image/png" ? "png" : "jpg" });
  }
  return found;
}

async function readPictures(db: Db, content: RoutineHandout<PictureRef>): Promise<RoutineHandout> {
  const ids = [...new Set(content.sections.flatMap((s) => s.exercises.flatMap((e) => (e.picture ? [e.picture.id] : []))))];
  const rows = ids.length ? await db.select({ id: exerciseImages.id, data: exerciseImages.data }).from(exerciseImages).where(inArray(exerciseImages.id, ids)) : [];
  const bytes = new Map(rows.map((r) => [r.id, r.data]));
  return {
    ...content,
    sections: content.sections.map((section) => ({
      ...section,
      exercises: section.exercises.map(({ picture, ...exercise }) => {
        const data = picture && bytes.get(picture.id);
        // A picture removed since the description was read simply is not printed.
        return { ...exercise, picture: picture && data ? { data: new Uint8Array(data), format: picture.format, width: picture.width, height: picture.height } : null };
      }),
    })),
  };
}
