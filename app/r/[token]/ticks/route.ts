import { publicRoute } from "@/lib/auth/route";
import { parseWholeNumber } from "@/lib/dates/parse";
import { getDb } from "@/lib/db";
import { env } from "@/lib/env";
import { AppError, appErrorResponse, fieldErrorsOf } from "@/lib/errors";
import { isSameOriginRequest } from "@/lib/security/same-origin";
import { inactiveLinkMessage, inactiveLinkResponseFrom, inactiveLinkTitle } from "@/lib/share/inactive";
import { tickInput } from "@/lib/share/schemas";
import { tickErrorCode, tickFeedbackQuery } from "@/lib/share/tick-feedback";
import { resolveShareLinkRevision } from "@/lib/share/shared-routine";
import { recordTick } from "@/lib/share/ticks";

/**
 * A patient's tick. The page's script posts with `Accept: application/json` and gets JSON; a browser
 * without JavaScript posts the form and is sent back to the page (303) with the outcome in the query.
 */
export const POST = publicRoute<{ token: string }>(async (request, { params }) => {
  const { token } = params;
  const wantsJson = (request.headers.get("accept") ?? "").includes("application/json");
  if (!isSameOriginRequest(request.headers, [env().appUrl])) {
    return appErrorResponse(new AppError("forbidden", "Ticks are sent from the routine's own page."));
  }
  const db = await getDb();
  // The link and the routine's newest revision in one round trip; the write is the second.
  const access = await resolveShareLinkRevision(db, token);
  if (!access)
    return wantsJson
      ? Response.json({ ok: false, error: `${inactiveLinkTitle}. ${inactiveLinkMessage}` }, { status: 404 })
      : await inactiveLinkResponseFrom(db);

  const form = await request.formData().catch(() => null);
  const fields = form ? Object.fromEntries([...form].filter(([, v]) => typeof v === "string")) : {};
  const parsed = tickInput.safeParse(fields);
  const position = parsed.success ? parsed.data.position : (parseWholeNumber(fields.position, { min: 0, max: 1000 }) ?? 0);
  const session = parsed.success ? parsed.data.session : 0;
  const day = parsed.success && parsed.data.day ? `&day=${parsed.data.day}` : "";
  // Relative on purpose: the redirect stays on whatever public address the patient used. The fragment
  // brings the session's own confirmation (and its pain buttons) into view.
  const back = (outcome: Parameters<typeof tickFeedbackQuery>[2]) =>
    new Response(null, {
      status: 303,
      headers: { Location: `/r/${token}?${tickFeedbackQuery(position, session, outcome)}${day}#tick-${position}-${session}` },
    });

  if (!parsed.success) {
    const error = "Please check the pain score (0 to 10) and keep the comment under 280 characters.";
    return wantsJson ? Response.json({ ok: false, error, fieldErrors: fieldErrorsOf(parsed.error) }, { status: 400 }) : back("invalid");
  }
  try {
    const result = await recordTick(db, access, parsed.data);
    return wantsJson ? Response.json({ ok: true, ...result }) : back(result.done ? "done" : "undone");
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    if (!wantsJson) return back(tickErrorCode(error));
    return appErrorResponse(error);
  }
});
