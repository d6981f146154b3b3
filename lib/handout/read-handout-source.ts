import "server-only";
import { and, asc, desc, eq, inArray } from "drizzle-orm";
import type { Db } from "@/db/client";
import { exerciseImages, patients, routineRevisions, routines, users } from "@/db/schema";
import { formatDay, localDay } from "@/lib/dates/format";
import { AppError } from "@/lib/errors";
import { describeDose } from "@/lib/routines/dose-sentence";
import { loadExerciseCards } from "@/lib/routines/queries";
import { routineContent } from "@/lib/routines/schemas";
import { addDays } from "@/lib/share/days";
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

function trackingDays(startIso: string): HandoutDay[] {
  return Array.from({ length: 14 }, (_, i) => {
    const day = addDays(startIso, i);
    return { weekday: formatDay(day, "weekday"), day: formatDay(day, "day-of-month"), month: formatDay(day, "month") };
  });
}

/**
 * What a routine's handout prints, from its current revision (the latest row of routine_revisions). Only the
 * patient's display name is read: never their record number, contact details or clinical notes. Access is
 * the caller's to check (a clinician's session, or a patient's share link).
 */
export async function readHandoutSource(db: Db, routineId: number): Promise<HandoutSource> {
  const [revision] = await db
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
    .limit(1);
  if (!revision) throw new AppError("not_found", "That routine does not exist.");

  const snapshot = routineContent.parse(revision.snapshot);
  const ids = [...new Set(snapshot.sections.flatMap((s) => s.items.map((i) => i.exerciseId)))];
  const [cards, pictures] = await Promise.all([loadExerciseCards(db, ids), mainPictures(db, ids)]);

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
  // The day the clinician saved, where the clinic is.
  const savedOn = localDay(revision.createdAt);
  const content: RoutineHandout<PictureRef> = {
    patientName: revision.patientName,
    title: snapshot.title,
    instructions: snapshot.instructions,
    clinician: revision.clinician,
    revisionNumber: revision.number,
    revisedOn: formatDay(savedOn, "long-date"),
    reviewOn: snapshot.reviewDate ? formatDay(snapshot.reviewDate, "long-date") : null,
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
async function mainPictures(db: Db, exerciseIds: number[]): Promise<Map<number, PictureRef>> {
  const found = new Map<number, PictureRef>();
  if (exerciseIds.length === 0) return found;
  const rows = await db
    .select({ id: exerciseImages.id, exerciseId: exerciseImages.exerciseId, sha256: exerciseImages.sha256, mimeType: exerciseImages.mimeType, width: exerciseImages.width, height: exerciseImages.height })
    .from(exerciseImages)
    .where(and(inArray(exerciseImages.exerciseId, exerciseIds), inArray(exerciseImages.mimeType, ["image/png", "image/jpeg"])))
    .orderBy(asc(exerciseImages.position), asc(exerciseImages.id));
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
