import { authedRoute } from "@/lib/auth/route";
import { getDb } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { readLimitedFormData } from "@/lib/http/limited-body";
import { maxImportBytes, type ImportEvent } from "@/lib/exercises/transfer/format";
import { applyImport, validateImportInSlices } from "@/lib/exercises/transfer/import-exercises";

const ndjsonHeaders = {
  "Content-Type": "application/x-ndjson; charset=utf-8",
  "Cache-Control": "private, no-store",
  // Proxies that buffer responses would hold every progress line back until the end.
  "X-Accel-Buffering": "no",
};
const line = (event: ImportEvent) => JSON.stringify(event) + "\n";
const badRequest = (error: string) => Response.json({ error }, { status: 400, headers: { "Cache-Control": "private, no-store" } });
const tooBig = `The file is over ${maxImportBytes / 1024 / 1024} MB. Split it into smaller files and import each.`;

/**
 * Imports a .json or .csv file sent as multipart field "file", whole or not at all.
 * 413 {error}: the upload is over the limit (counted while it streams). 400 {error}: the file is missing,
 * too big or unreadable. 422 NDJSON: one "invalid" line listing row
 * errors; nothing was written. 200 NDJSON: "validated", "progress" after each batch, then "done" (or
 * "failed" if writing stopped: then nothing was written either).
 */
export const POST = authedRoute(async (request, { user }) => {
  // Counted as it streams (chunked uploads too); the slack covers the multipart framing around the file.
  const body = await readLimitedFormData(request, maxImportBytes + 64 * 1024);
  if (!body.ok && body.reason === "too_large")
    return Response.json({ error: tooBig }, { status: 413, headers: { "Cache-Control": "private, no-store" } });
  if (!body.ok) return badRequest("Send the file as a form upload (multipart/form-data) in a field named “file”.");
  const form = body.form;
  const file = form.get("file");
  if (!(file instanceof File) || file.size === 0) return badRequest("Choose a .json or .csv file to import.");
  if (file.size > maxImportBytes) return badRequest(tooBig);

  let validation: Awaited<ReturnType<typeof validateImportInSlices>>;
  try {
    validation = await validateImportInSlices(await file.text(), file.name);
  } catch (error) {
    if (error instanceof AppError) return badRequest(error.message);
    throw error;
  }
  if (!validation.ok) {
    const { errors, errorCount, total } = validation;
    return new Response(line({ type: "invalid", errors, errorCount, total }), { status: 422, headers: ndjsonHeaders });
  }

  const { rows } = validation;
  const db = await getDb();
  const stream = new ReadableStream<string>({
    start(controller) {
      // A reader that went away must not abort the import: it finishes, and the list shows the result.
      const send = (event: ImportEvent) => {
        try {
          controller.enqueue(line(event));
        } catch {
          // The reader cancelled: keep importing, there is just nobody to tell.
        }
      };
      send({ type: "validated", total: rows.length });
      void applyImport(db, user, rows, (progress) => send({ type: "progress", ...progress }))
        .then((counts) => send({ type: "done", ...counts }))
        .catch((error: unknown) => {
          if (!(error instanceof AppError)) console.error("Exercise import failed", error);
          const why = error instanceof AppError ? error.message : "The database refused a write.";
          send({ type: "failed", message: `The import stopped and nothing was saved. ${why} Try again in a moment.` });
        })
        .finally(() => {
          try {
            controller.close();
          } catch {
            // Already closed by a cancelled reader.
          }
        });
    },
  });
  return new Response(stream.pipeThrough(new TextEncoderStream()), { headers: ndjsonHeaders });
});
