import { z } from "zod";

const tooLong = (max: number) => `Use at most ${max} characters.`;

/** Optional text, trimmed: a blank or missing box becomes null, which is how the database says "none". */
const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max, tooLong(max))
    .nullish()
    .transform((v) => v || null);

/** A patient as a clinician writes them (create and edit). */
export const patientInput = z.object({
  displayName: z
    .string({ error: "Enter the name the patient is addressed by." })
    .trim()
    .min(1, "Enter the name the patient is addressed by.")
    .max(80, tooLong(80)),
  externalRef: optionalText(60),
  email: z
    .string()
    .trim()
    .toLowerCase()
    .nullish()
    .transform((v) => v || null)
    .pipe(z.email("Enter an email address like name@example.com.").max(254, "That email address is too long.").nullable()),
  phone: optionalText(30).refine(
    (v) => v === null || (/^[0-9 +()-]+$/.test(v) && /[0-9]/.test(v)),
    "Enter a phone number using digits, spaces and + ( ) - only.",
  ),
  // The column is NOT NULL: no notes are stored as "".
  notes: z
    .string()
    .trim()
    .max(5000, "Use at most 5,000 characters.")
    .nullish()
    .transform((v) => v ?? ""),
});
export type PatientInput = z.infer<typeof patientInput>;

/** The fields an edit can change, in the order a person reads them (used for diffs and conflict messages). */
export const patientFields = ["displayName", "externalRef", "email", "phone", "notes"] as const satisfies readonly (keyof PatientInput)[];
export type PatientField = (typeof patientFields)[number];

export const patientFieldLabels: Record<PatientField, string> = {
  displayName: "Display name",
  externalRef: "External reference",
  email: "Email",
  phone: "Phone",
  notes: "Private clinical notes",
};

/** What the list page can ask for; every value comes from the URL, so each is validated and defaulted. */
export const patientQuery = z.object({
  q: z.string().trim().max(200).catch(""),
  // Archived patients are left out unless asked for ("1", "true", "on" from the checkbox).
  archived: z.stringbool().catch(false),
  page: z.coerce.number().int().min(1).max(10_000).catch(1),
  // "My patients" (assigned to me) is the default view; "all" is every patient I may see.
  view: z.enum(["mine", "all"]).catch("mine"),
});
export type PatientQuery = z.infer<typeof patientQuery>;
