import { authenticateRequest } from "@/lib/auth/session";
import { getDb } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { assertRoutineAccess } from "@/lib/patients/access";
import { parseHandoutQuery } from "@/lib/handout/options";
import { handoutResponse } from "@/lib/handout/handout-response";

// The browser may keep a copy but must ask again each time; a matching ETag gets a 304 and no bytes.
const cacheControl = "private, max-age=0, must-revalidate";

/**
 * A routine's printable handout for signed-in clinicians: ?paper=A4|LETTER&large=1&tracking=1.
 * Rendered in a worker thread and kept in memory by content, so a repeat download is instant.
 */
export async function GET(request: Request, { params }: { params: Promise<{ id: string }> }) {
  const auth = await authenticateRequest();
  if ("response" in auth) return auth.response;
  const raw = (await params).id;
  const id = Number(raw);
  if (!/^\d+$/.test(raw) || !Number.isSafeInteger(id) || id < 1) {
    return Response.json({ error: "That routine does not exist." }, { status: 404 });
  }
  const query = parseHandoutQuery(new URL(request.url).searchParams);
  if (!query.ok) return Response.json({ error: query.error }, { status: 400 });

  const db = await getDb();
  try {
    await assertRoutineAccess(db, auth.user, id);
  } catch (error) {
    if (error instanceof AppError) return Response.json({ error: "That routine does not exist." }, { status: 404 });
    throw error;
  }
  return handoutResponse(request, db, id, query.options, cacheControl);
}
