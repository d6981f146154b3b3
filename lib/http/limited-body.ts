/**
 * Reads a multipart request body while counting its bytes, and stops at the limit: a chunked upload
 * (no Content-Length) of any size costs at most `maxBytes` of memory, and the answer (413) goes out as
 * soon as the limit is passed, without waiting for the rest.
 */
export type LimitedForm = { ok: true; form: FormData } | { ok: false; reason: "too_large" | "unreadable" };

export async function readLimitedFormData(request: Request, maxBytes: number): Promise<LimitedForm> {
  const declared = request.headers.get("content-length");
  if (declared !== null && Number(declared) > maxBytes) return { ok: false, reason: "too_large" };
  if (!request.body) return { ok: false, reason: "unreadable" };
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      total += value.byteLength;
      if (total > maxBytes) {
        void reader.cancel().catch(() => {});
        return { ok: false, reason: "too_large" };
      }
      chunks.push(value);
    }
  } catch {
    return { ok: false, reason: "unreadable" };
  }
  try {
    const body = new Response(Buffer.concat(chunks), { headers: { "content-type": request.headers.get("content-type") ?? "" } });
    return { ok: true, form: await body.formData() };
  } catch {
    return { ok: false, reason: "unreadable" };
  }
}
