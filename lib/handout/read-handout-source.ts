import "server-only";
import { and, inArray, sql, type SQL } from "drizzle-orm";
import type { Db } from "@/db/client";
import { currentRoutineQueries, toCurrentRoutine } from "@/db/routine-store";
import { exerciseImages } from "@/db/schema";
import { formatDay, localDay } from "@/lib/dates/format";
import { AppError } from "@/lib/errors";
import { toPatientRoutine } from "@/lib/routines/patient-routine";
import { exerciseCardQueries, routineExerciseIds, toExerciseCards } from "@/lib/routines/queries";
import { addDays } from "@/lib/share/days";
import { handoutFileName } from "./file-name";
import type { HandoutContent, HandoutDay, HandoutPicture, PictureRef } from "./types";
import { mainPictureFirst } from "@/lib/exercises/picture-columns";
import { clinicSettingsQuery, toClinicSettings, type ClinicSettings } from "@/lib/clinic/settings";

/** A handout's content without the clinic's details, which come from configuration. */
export type RoutineHandout<P = HandoutPicture> = Omit<HandoutContent<P>, "clinic">;

export type HandoutSource = {
  revisionId: number;
  /** The clinic's settings as they are now: its name, contact, logo and default paper print on every handout. */
  clinic: ClinicSettings;
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
 * What a routine's handout prints, from its current content and the revision it was saved as. Only the
 * patient's display name is read: never their record number, contact details or clinical notes. Access is
 * the caller's to check (a clinician's session, or a patient's share link).
 */
export async function readHandoutSource(db: Db, routineId: number): Promise<HandoutSource> {
  // One round trip: the routine, the cards and pictures of the exercises it uses, and the clinic's settings.
  const exerciseIds = routineExerciseIds(routineId);
  const [routineRows, contentRows, revisionRows, cardRows, imageRows, pictureRows, clinicRows] = await db.batch([
    ...currentRoutineQueries(db, routineId),
    ...exerciseCardQueries(db, exerciseIds),
    mainPicturesQuery(db, exerciseIds),
    clinicSettingsQuery(db),
  ]);
  const current = toCurrentRoutine([routineRows, contentRows, revisionRows]);
  if (!current) throw new AppError("not_found", "That routine does not exist.");
  const { content: saved, revision, patientName } = current;
  const cards = toExerciseCards([cardRows, imageRows]);
  const pictures = toMainPictures(pictureRows);
  const routine = toPatientRoutine(saved, cards);
  const sections = routine.sections.map((section) => ({
    title: section.title,
    exercises: section.items.map(({ number, name, steps, dose, ticksPerDay, cues, precautions, note, exerciseId, illustration }) => ({
      number,
      name,
      steps,
      dose,
      ticksPerDay,
      cues,
      precautions,
      note,
      // The drawing when it is the main picture (vectors); otherwise paper takes the main photo react-pdf can draw.
      illustration,
      picture: illustration ? null : (pictures.get(exerciseId) ?? null),
    })),
  }));
  // The day the clinician saved, where the clinic is.
  const savedOn = localDay(revision.savedAt);
  const content: RoutineHandout<PictureRef> = {
    patientName,
    title: routine.title,
    instructions: routine.instructions,
    clinician: revision.savedBy,
    revisionNumber: revision.number,
    revisedOn: formatDay(savedOn, "long-date"),
    reviewOn: saved.reviewDate ? formatDay(saved.reviewDate, "long-date") : null,
    sections,
    trackingDays: trackingDays(saved.startDate ?? savedOn),
  };
  return {
    revisionId: revision.id,
    clinic: toClinicSettings(clinicRows),
    fileName: handoutFileName({ patientName, title: routine.title, date: savedOn }),
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
    .select({
      id: exerciseImages.id,
      exerciseId: exerciseImages.exerciseId,
      sha256: exerciseImages.sha256,
      mimeType: exerciseImages.mimeType,
      width: exerciseImages.width,
      height: exerciseImages.height,
    })
    .from(exerciseImages)
    .where(and(sql`${exerciseImages.exerciseId} in ${exerciseIds}`, inArray(exerciseImages.mimeType, ["image/png", "image/jpeg"])))
    .orderBy(...mainPictureFirst);
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
  const rows = ids.length
    ? await db.select({ id: exerciseImages.id, data: exerciseImages.data }).from(exerciseImages).where(inArray(exerciseImages.id, ids))
    : [];
  const bytes = new Map(rows.map((r) => [r.id, r.data]));
  return {
    ...content,
    sections: content.sections.map((section) => ({
      ...section,
      exercises: section.exercises.map(({ picture, ...exercise }) => {
        const data = picture && bytes.get(picture.id);
        // A picture removed since the description was read simply is not printed.
        return {
          ...exercise,
          picture:
            picture && data ? { data: new Uint8Array(data), format: picture.format, width: picture.width, height: picture.height } : null,
        };
      }),
    })),
  };
}
