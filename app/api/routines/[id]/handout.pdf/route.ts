import { authedRoute } from "@/lib/auth/route";
import { getDb } from "@/lib/db";
import { assertRoutineAccess } from "@/lib/patients/access";
import { parseHandoutQuery } from "@/lib/handout/options";
import { withActiveShareLink } from "@/lib/handout/clinician-copy";
import { handoutResponse } from "@/lib/handout/handout-response";
import { idParam } from "@/lib/ids";

// The browser may keep a copy but must ask again each time; a matching ETag gets a 304 and no bytes.
const cacheControl = "private, max-age=0, must-revalidate";

/**
 * A routine's printable handout for signed-in clinicians: ?paper=A4|LETTER&large=1&tracking=1, with the
 * QR code of the routine's active share link when it has one.
 * Rendered in a worker thread and kept in memory by content, so a repeat download is instant.
 */
export const GET = authedRoute<{ id: string }>(async (request, { user, params }) => {
  const id = idParam(params, "routine");
  const query = parseHandoutQuery(new URL(request.url).searchParams);
  if (!query.ok) return Response.json({ error: query.error }, { status: 400 });

  const db = await getDb();
  // A patient the actor may not see is a 404 (AppError "not_found"), as if the routine did not exist; the check
  // runs beside the content's read, and nothing is answered or drawn before it passes.
  // The routine's active share link, if any, is printed with its QR code, as on the patient's own copy.
  return handoutResponse(request, db, id, withActiveShareLink(db, id, query.options), cacheControl, assertRoutineAccess(db, user, id));
});
