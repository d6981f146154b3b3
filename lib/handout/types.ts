/**
 * The plain data a handout is drawn from: everything the PDF shows, already read from the database and
 * formatted, so the renderer (in a worker thread) needs no database, configuration or clock.
 */

import type { Illustration } from "@/lib/illustrations/schema";

export type PaperSize = "A4" | "LETTER";

export type HandoutPicture = { data: Uint8Array; format: "png" | "jpg"; width: number | null; height: number | null };

/** A picture as the database names it, before its bytes are read: equal hashes print equal pictures. */
export type PictureRef = { id: number; sha256: string; format: "png" | "jpg"; width: number | null; height: number | null };

export type HandoutExercise<P = HandoutPicture> = {
  number: number;
  name: string;
  steps: string[];
  /** The dose as the sentence the patient reads everywhere ("2 sets of 10, twice a day"). */
  dose: string;
  /** Tick boxes per day on the tracking sheet: the dose's times a day, 1 to 3. */
  ticksPerDay: number;
  cues: string;
  precautions: string;
  note: string;
  picture: P | null;
  /** The exercise's drawing (already mirrored to the dose's side), printed as vectors instead of a photo. */
  illustration?: Illustration | null;
};

export type HandoutDay = { weekday: string; day: string; month: string };

export type HandoutContent<P = HandoutPicture> = {
  clinic: { name: string; contact: string; logo: HandoutPicture | null };
  /** Null for a template: nobody's name is printed. */
  patientName: string | null;
  title: string;
  instructions: string;
  clinician: string | null;
  revisionNumber: number;
  revisedOn: string;
  reviewOn: string | null;
  sections: { title: string; exercises: HandoutExercise<P>[] }[];
  /** The tracking sheet's 14 columns, from the start date (or the revision date). */
  trackingDays: HandoutDay[];
};

export type HandoutLayout = {
  paper: PaperSize;
  largePrint: boolean;
  trackingSheet: boolean;
  /** The patient's share link: printed with a QR code when given. */
  shareUrl: string | null;
};

/** What the worker receives. */
export type HandoutPayload = HandoutContent & HandoutLayout;
