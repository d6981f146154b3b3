import { revalidatePath } from "next/cache";
import { z } from "zod";
import { authenticateRequest } from "@/lib/auth/session";
import { getDb } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { readLimitedFormData } from "@/lib/http/limited-body";
import { addExerciseImage } from "@/lib/exercises/image-mutations";
import { maxImageBytes } from "@/lib/exercises/images";

const maxFiles = 10;
// The whole request: ten pictures at the limit, plus the form's own overhead.
const maxRequestBytes = maxFiles * maxImageBytes + 64 * 1024;

/** Uploads pictures to an exercise (multipart: one or more `file`, optional `alt`). Each file is judged alone. */
export async function POST(request: Request, { params }: { params: Promise<{ id: string }> }) {
  const auth = await authenticateRequest();
  if ("response" in auth) return auth.response;
  const id = z.coerce.number().int().positive().safeParse((await params).id);
  if (!id.success) return Response.json({ error: "Unknown exercise." }, { status: 404 });
  // Counted as it streams, chunked uploads too: past the limit the answer is 413 at once.
  const body = await readLimitedFormData(request, maxRequestBytes);
  if (!body.ok && body.reason === "too_large") {
    return Response.json({ error: `Upload at most ${maxFiles} pictures of ${maxImageBytes / 1024 / 1024} MB each at a time.` }, { status: 413 });
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
  try {
    for (const file of files) {
      const outcome = await addExerciseImage(db, auth.user, id.data, { bytes: new Uint8Array(await file.arrayBuffer()), name: file.name, alt });
      if ("error" in outcome) errors.push(outcome.error);
      else added++;
    }
  } catch (error) {
    if (error instanceof AppError && error.code === "not_found") return Response.json({ error: error.message }, { status: 404 });
    throw error;
  }
  revalidatePath(`/admin/exercises/${id.data}`);
  return Response.json({ added, errors }, { status: added === 0 ? 422 : 200 });
}
