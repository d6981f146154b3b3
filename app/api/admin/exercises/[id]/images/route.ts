import { revalidatePath } from "next/cache";
import { authedRoute } from "@/lib/auth/route";
import { getDb } from "@/lib/db";
import { readLimitedFormData } from "@/lib/http/limited-body";
import { addExerciseImage } from "@/lib/exercises/image-mutations";
import { maxImageBytes } from "@/lib/exercises/images";
import { idParam } from "@/lib/ids";

const maxFiles = 10;
// The whole request: ten pictures at the limit, plus the form's own overhead.
const maxRequestBytes = maxFiles * maxImageBytes + 64 * 1024;

/** Uploads pictures to an exercise (multipart: one or more `file`, optional `alt`). Each file is judged alone. */
export const POST = authedRoute<{ id: string }>(async (request, { user, params }) => {
  const id = idParam(params, "exercise");
  // Counted as it streams, chunked uploads too: past the limit the answer is 413 at once.
  const body = await readLimitedFormData(request, maxRequestBytes);
  if (!body.ok && body.reason === "too_large") {
    return Response.json(
      { error: `Upload at most ${maxFiles} pictures of ${maxImageBytes / 1024 / 1024} MB each at a time.` },
      { status: 413 },
    );
  }
  if (!body.ok) return Response.json({ error: "Send the pictures as a multipart form." }, { status: 400 });
  const form = body.form;
  const files = form.getAll("file").filter((f): f is File => f instanceof File && f.size > 0);
  if (files.length === 0) return Response.json({ error: "Choose at least one picture." }, { status: 400 });
  if (files.length > maxFiles) return Response.json({ error: `Upload at most ${maxFiles} pictures at a time.` }, { status: 400 });
  const alt = String(form.get("alt") ?? "");

  const db = await getDb();
  const errors: string[] = [];
  let added = 0;
  // An exercise that does not exist throws AppError("not_found"): authedRoute answers 404.
  for (const file of files) {
    const outcome = await addExerciseImage(db, user, id, { bytes: new Uint8Array(await file.arrayBuffer()), name: file.name, alt });
    if ("error" in outcome) errors.push(outcome.error);
    else added++;
  }
  revalidatePath(`/admin/exercises/${id}`);
  return Response.json({ added, errors }, { status: added === 0 ? 422 : 200 });
});
