import { authenticateRequest } from "@/lib/auth/session";
import { getDb } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { parseHandoutQuery } from "@/lib/handout/options";
import { prepareHandout } from "@/lib/handout/render-handout";
import { PoolBusyError } from "@/lib/handout/render-pool";

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

  try {
    const handout = await prepareHandout(await getDb(), id, query.options);
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
    if (error instanceof AppError && error.code === "not_found") return Response.json({ error: error.message }, { status: 404 });
    if (error instanceof PoolBusyError) {
      return Response.json({ error: "Many handouts are being printed right now: try again in a few seconds." }, { status: 503, headers: { "Retry-After": "5" } });
    }
    console.error(`Handout for routine ${id} failed:`, error);
    return Response.json({ error: "The handout could not be made. The error has been logged." }, { status: 500 });
  }
}

/** If-None-Match holds one ETag, a list, or "*". */
function matches(header: string | null, etag: string): boolean {
  if (!header) return false;
  return header.trim() === "*" || header.split(",").some((tag) => tag.trim().replace(/^W\//, "") === etag);
}
