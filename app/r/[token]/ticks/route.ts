import { parseWholeNumber } from "@/lib/dates/parse";
import { getDb } from "@/lib/db";
import { env } from "@/lib/env";
import { isSameOriginRequest } from "@/lib/security/same-origin";
import { AppError, fieldErrorsOf } from "@/lib/errors";
import { resolveShareLink } from "@/lib/share/access";
import { inactiveLinkMessage, inactiveLinkResponse, inactiveLinkTitle } from "@/lib/share/inactive";
import { tickInput } from "@/lib/share/schemas";
import { tickErrorCode, tickFeedbackQuery } from "@/lib/share/tick-feedback";
import { recordTick } from "@/lib/share/ticks";

const statusOf = { validation: 400, conflict: 409, rate_limited: 429, not_found: 404, forbidden: 403 } as const;

/**
 * A patient's tick. The page's script posts with `Accept: application/json` and gets JSON; a browser
 * without JavaScript posts the form and is sent back to the page (303) with the outcome in the query.
 */
export async function POST(request: Request, { params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const wantsJson = (request.headers.get("accept") ?? "").includes("application/json");
  if (!isSameOriginRequest(request.headers, [env().appUrl])) {
    return Response.json({ ok: false, error: "Ticks are sent from the routine's own page." }, { status: 403 });
  }
  const db = await getDb();
  const access = await resolveShareLink(db, token);
  if (!access.active) return wantsJson ? Response.json({ ok: false, error: `${inactiveLinkTitle}. ${inactiveLinkMessage}` }, { status: 404 }) : inactiveLinkResponse();

  const form = await request.formData().catch(() => null);
  const fields = form ? Object.fromEntries([...form].filter(([, v]) => typeof v === "string")) : {};
  const parsed = tickInput.safeParse(fields);
  const position = parsed.success ? parsed.data.position : (parseWholeNumber(fields.position, { min: 0, max: 1000 }) ?? 0);
  // Relative on purpose: the redirect stays on whatever public address the patient used.
  const back = (query: string) => new Response(null, { status: 303, headers: { Location: `/r/${token}?${query}#item-${position}` } });

  if (!parsed.success) {
    const error = "Please check the pain score (0 to 10) and keep the comment under 280 characters.";
    return wantsJson ? Response.json({ ok: false, error, fieldErrors: fieldErrorsOf(parsed.error) }, { status: 400 }) : back(tickFeedbackQuery(position, "invalid"));
  }
  try {
    const result = await recordTick(db, access, parsed.data);
    return wantsJson ? Response.json({ ok: true, ...result }) : back(tickFeedbackQuery(position, result.done ? "done" : "undone"));
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    if (!wantsJson) return back(tickFeedbackQuery(position, tickErrorCode(error)));
    const retryAfterMs = (error.details as { retryAfterMs?: number } | undefined)?.retryAfterMs;
    const headers: HeadersInit = retryAfterMs ? { "Retry-After": String(Math.ceil(retryAfterMs / 1000)) } : {};
    return Response.json({ ok: false, error: error.message, fieldErrors: error.fieldErrors }, { status: statusOf[error.code], headers });
  }
}
