import { authedRoute } from "@/lib/auth/route";
import { getDb } from "@/lib/db";
import { exerciseQuery } from "@/lib/exercises/schemas";
import { exportExercises } from "@/lib/exercises/transfer/export-exercises";

/**
 * Downloads the library, or the view the list's filters describe (q, category, region, equipment,
 * position, status), as format=json (with pictures; the default) or format=csv (no pictures).
 * status defaults to the list's "active" view: ask for status=all to include archived exercises.
 */
export const GET = authedRoute(async (request) => {
  const params = new URL(request.url).searchParams;
  const format = params.get("format") ?? "json";
  if (format !== "json" && format !== "csv") {
    return Response.json({ error: "Ask for format=json or format=csv." }, { status: 400 });
  }
  const query = exerciseQuery.parse(Object.fromEntries(params));
  const file = await exportExercises(await getDb(), query, format);
  return new Response(file.body, {
    headers: {
      "Content-Type": file.contentType,
      "Content-Disposition": `attachment; filename="${file.fileName}"`,
      "Cache-Control": "private, no-store",
    },
  });
});
