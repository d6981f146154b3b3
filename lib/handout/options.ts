import { z } from "zod";
import type { PaperSize } from "./types";

export const paperSizes = ["A4", "LETTER"] as const satisfies readonly PaperSize[];
export const paperLabels: Record<PaperSize, string> = { A4: "A4", LETTER: "US Letter" };

/** How a handout is printed; the paper defaults to HANDOUT_PAPER. */
export const handoutOptions = z.strictObject({
  paper: z.enum(paperSizes).optional(),
  largePrint: z.boolean().default(false),
  trackingSheet: z.boolean().default(false),
  /** The patient's share link, printed with a QR code. Only callers that hold the link can pass it. */
  shareUrl: z
    .url({ protocol: /^https?$/, message: "The share link must be an http(s) address." })
    .max(500, "The share link is too long to print.")
    .optional(),
});
export type HandoutOptions = z.input<typeof handoutOptions>;

// A GET form sends a ticked checkbox as "on" and leaves an unticked one out.
const flag = z
  .enum(["1", "0", "true", "false", "on", "off"], { message: "Use 1 or 0." })
  .transform((v) => v === "1" || v === "true" || v === "on");

/** The download link's query string: ?paper=A4|LETTER&large=1&tracking=1. Unknown names are refused, so a typo is not silently ignored. */
export const handoutQuery = z
  .strictObject({
    paper: z
      .string()
      .transform((v) => v.toUpperCase())
      .pipe(z.enum(paperSizes, { message: "Use A4 or LETTER." }))
      .optional(),
    large: flag.optional(),
    tracking: flag.optional(),
  })
  .transform(({ paper, large, tracking }) => ({ paper, largePrint: large ?? false, trackingSheet: tracking ?? false }));

export type HandoutQueryResult = { ok: true; options: z.output<typeof handoutQuery> } | { ok: false; error: string };

/** Reads the query string, or says in a sentence what is wrong with it. */
export function parseHandoutQuery(params: URLSearchParams): HandoutQueryResult {
  const repeated = [...new Set([...params.keys()].filter((key, i, keys) => keys.indexOf(key) !== i))];
  if (repeated.length) return { ok: false, error: `Give ${repeated.join(", ")} only once.` };
  const parsed = handoutQuery.safeParse(Object.fromEntries(params));
  if (parsed.success) return { ok: true, options: parsed.data };
  const reasons = parsed.error.issues.map((issue) =>
    issue.code === "unrecognized_keys"
      ? `Unknown option ${issue.keys.join(", ")}: use paper, large and tracking.`
      : `${issue.path.join(".")}: ${issue.message}`,
  );
  return { ok: false, error: reasons.join(" ") };
}
