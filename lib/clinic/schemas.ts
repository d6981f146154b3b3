import { z } from "zod";

/** How long a new patient link works unless the clinician chooses otherwise (the presets of the links panel). */
export const linkLifetimeChoices = [
  { value: "30", label: "30 days" },
  { value: "90", label: "90 days" },
  { value: "180", label: "6 months" },
  { value: "365", label: "1 year" },
] as const;
export type LinkLifetime = (typeof linkLifetimeChoices)[number]["value"];
const linkLifetimes = linkLifetimeChoices.map((c) => c.value) as [LinkLifetime, ...LinkLifetime[]];

export const paperChoices = [
  { value: "A4", label: "A4" },
  { value: "LETTER", label: "US Letter" },
] as const;

export const defaultPainThreshold = 7;

/** The clinic's details an admin edits in Settings → Clinic (the logo is uploaded on its own). */
export const clinicSettingsInput = z.object({
  baseVersion: z.coerce.number().int().min(0),
  name: z.string().trim().max(120, "Use at most 120 characters."),
  contact: z
    .string()
    .trim()
    .max(300, "Use at most 300 characters.")
    .transform((v) => v.replace(/\r\n?/g, "\n")),
  paper: z.enum(["A4", "LETTER"], { message: "Choose A4 or US Letter." }),
  linkDays: z.enum(linkLifetimes, { message: "Choose how long new links work." }),
  painThreshold: z.coerce
    .number({ message: "Enter a pain score from 1 to 10." })
    .int("Enter a whole number from 1 to 10.")
    .min(1, "Enter a pain score from 1 to 10.")
    .max(10, "Enter a pain score from 1 to 10."),
});
export type ClinicSettingsInput = z.infer<typeof clinicSettingsInput>;
export type ClinicSettingsField = Exclude<keyof ClinicSettingsInput, "baseVersion">;

export const clinicSettingsLabels: Record<ClinicSettingsField, string> = {
  name: "Clinic name",
  contact: "Contact",
  paper: "Default paper",
  linkDays: "Default link lifetime",
  painThreshold: "Pain alert threshold",
};

/** Logos print on paper through react-pdf, which draws PNG and JPEG only. */
export const maxLogoBytes = 1024 * 1024;
