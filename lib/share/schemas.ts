import { z } from "zod";
import { dayStartUtc, isoDay } from "@/lib/dates/parse";
import { idInput } from "@/lib/ids";

export const expiryChoices = [
  { value: "30", label: "30 days" },
  { value: "90", label: "90 days" },
  { value: "180", label: "6 months" },
  { value: "365", label: "1 year" },
  { value: "custom", label: "Until a date…" },
] as const;
export const defaultExpiry = "90";
/** The longest a link may live: a year, as the longest preset. */
export const maxExpiryDays = 365;

export const newShareLinkInput = z
  .object({
    routineId: idInput,
    label: z.string().trim().min(1, "Give the link a label, e.g. “phone” or “printed sheet”.").max(60, "Use at most 60 characters."),
    expiry: z
      .enum(expiryChoices.map((c) => c.value) as [string, ...string[]], { message: "Choose how long the link works." })
      .default(defaultExpiry),
    customDate: isoDay.optional(),
  })
  .refine((i) => i.expiry !== "custom" || i.customDate !== undefined, {
    message: "Choose the last day the link works.",
    path: ["customDate"],
  });
export type NewShareLinkInput = z.infer<typeof newShareLinkInput>;

/**
 * When a new link stops working: a preset counts from now; a custom date works through the end of that
 * day (UTC). Null when the custom date is not in the future or lies more than a year ahead.
 */
export function expiryFor(input: Pick<NewShareLinkInput, "expiry" | "customDate">, now: number): Date | null {
  if (input.expiry !== "custom") return new Date(now + Number(input.expiry) * 86_400_000);
  const start = dayStartUtc(input.customDate);
  if (start === null) return null;
  const end = start + 86_400_000 - 1;
  if (!(end > now) || end > now + (maxExpiryDays + 1) * 86_400_000) return null;
  return new Date(end);
}

const optionalPain = z.preprocess(
  (v) => (v === "" || v === null ? undefined : v),
  z.coerce
    .number({ message: "Choose a pain score from 0 to 10." })
    .int("Choose a whole number from 0 to 10.")
    .min(0, "Choose a pain score from 0 to 10.")
    .max(10, "Choose a pain score from 0 to 10.")
    .optional(),
);

/** One tick from the patient's page: which exercise, done or undone, and how it felt. */
export const tickInput = z.object({
  position: z.coerce.number().int().min(0).max(1000),
  exerciseId: idInput,
  intent: z.enum(["done", "undo"]).default("done"),
  // The patient's own calendar day (sent by the page's script); without it, the server's date.
  day: z.preprocess((v) => (v === "" || v === null ? undefined : v), isoDay.optional()),
  // Which of the day's sessions; the item's dose decides how many there are.
  session: z.coerce.number().int().min(0).max(2).default(0),
  // Absent means "keep what was saved": the pain buttons and the note are saved by separate taps.
  pain: optionalPain,
  comment: z.string().trim().max(280, "Keep the comment under 280 characters.").optional(),
});
export type TickInput = z.infer<typeof tickInput>;
