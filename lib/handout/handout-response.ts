import "server-only";
import type { Db } from "@/db/client";
import { AppError } from "@/lib/errors";
import type { HandoutOptions } from "./options";
import { prepareHandout } from "./render-handout";
import { PoolBusyError } from "./render-pool";

/**
 * The HTTP answer for a handout, shared by the clinician's download and the patient's link: 304 for a
 * matching ETag, the PDF as an attachment, or a JSON error a person can act on (never a stack trace).
 * `access`, the caller's access check, runs beside the content's read (one trip, not two) and must pass
 * before anything is answered or drawn.
 */
export async function handoutResponse(
  request: Request,
  db: Db,
  routineId: number,
  options: HandoutOptions | Promise<HandoutOptions>,
  cacheControl: string,
  access: Promise<void> = Promise.resolve(),
): Promise<Response> {
  try {
    const [handout] = await Promise.all([prepareHandout(db, routineId, options), access]);
    const headers = { ETag: handout.etag, "Cache-Control": cacheControl };
    if (matches(request.headers.get("If-None-Match"), handout.etag)) return new Response(null, { status: 304, headers });
    const pdf = await handout.pdf();
    // A copy: the cached bytes must stay intact whatever the response stream does with its body.
    return new Response(new Uint8Array(pdf), {
      headers: {
        ...headers,
        "Content-Type": "application/pdf",
        "Content-Length": String(pdf.byteLength),
        "Content-Disposition": `attachment; filename="${handout.fileName}"`,
      },
    });
  } catch (error) {
    // An unknown routine or refused options: the route wrapper answers with the status from lib/errors' table.
    if (error instanceof AppError) throw error;
    if (error instanceof PoolBusyError) {
      return Response.json(
        { error: "Many handouts are being printed right now: try again in a few seconds." },
        { status: 503, headers: { "Retry-After": "5" } },
      );
    }
    console.error(`Handout for routine ${routineId} failed:`, error);
    return Response.json({ error: "The handout could not be made. The error has been logged." }, { status: 500 });
  }
}

/** If-None-Match holds one ETag, a list, or "*". */
function matches(header: string | null, etag: string): boolean {
  if (!header) return false;
  return header.trim() === "*" || header.split(",").some((tag) => tag.trim().replace(/^W\//, "") === etag);
}
