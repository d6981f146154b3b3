import { z } from "zod";

/**
 * The one way a calendar day from a request is read: "YYYY-MM-DD", a day that exists, years 1000–9999.
 * Never throws (a refine that called toISOString() on "0" once turned bad input into a 500).
 */
export function parseIsoDay(value: unknown): string | null {
  if (typeof value !== "string" || !/^[1-9]\d{3}-\d{2}-\d{2}$/.test(value)) return null;
  const at = Date.UTC(Number(value.slice(0, 4)), Number(value.slice(5, 7)) - 1, Number(value.slice(8, 10)));
  // Date.UTC rolls 2026-02-30 over to March; the round trip catches days that do not exist.
  return Number.isFinite(at) && new Date(at).toISOString().slice(0, 10) === value ? value : null;
}

/** A calendar day in a zod schema: one message for the wrong shape, one for a day that does not exist. */
export const isoDay = z.string({ message: "Use a date like 2026-12-01." }).superRefine((value, ctx) => {
  if (parseIsoDay(value) !== null) return;
  const shaped = /^\d{4}-\d{2}-\d{2}$/.test(value);
  ctx.addIssue({ code: "custom", message: shaped ? "That date does not exist." : "Use a date like 2026-12-01." });
});

/** The instant a day starts (UTC), or null for anything that is not a valid day. */
export function dayStartUtc(value: unknown): number | null {
  const day = parseIsoDay(value);
  return day === null ? null : Date.parse(`${day}T00:00:00Z`);
}

/** A whole number from a request (a form field, a query parameter) within bounds, or null. */
export function parseWholeNumber(value: unknown, { min, max }: { min: number; max: number }): number | null {
  const text = typeof value === "number" ? String(value) : value;
  if (typeof text !== "string" || !/^-?\d{1,15}$/.test(text.trim())) return null;
  const n = Number(text.trim());
  return Number.isSafeInteger(n) && n >= min && n <= max ? n : null;
}
