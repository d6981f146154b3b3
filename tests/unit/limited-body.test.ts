import { describe, expect, it } from "vitest";
import { readLimitedFormData } from "@/lib/http/limited-body";

const mb = 1024 * 1024;

/** A chunked upload with no Content-Length that would go on for `totalBytes`; counts what was pulled. */
function endlessUpload(totalBytes: number) {
  let pulled = 0;
  const chunk = new Uint8Array(64 * 1024).fill(97);
  const body = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (pulled >= totalBytes) return controller.close();
      pulled += chunk.byteLength;
      controller.enqueue(chunk);
    },
  });
  const request = new Request("http://localhost/api/admin/exercises/import", {
    method: "POST",
    body,
    headers: { "content-type": "multipart/form-data; boundary=x" },
    duplex: "half",
  } as RequestInit);
  return { request, pulled: () => pulled };
}

describe("defect 5: request bodies are counted while they stream", () => {
  it("stops a chunked 150 MB upload just past the limit, without reading the rest", async () => {
    const upload = endlessUpload(150 * mb);
    expect(await readLimitedFormData(upload.request, 1 * mb)).toEqual({ ok: false, reason: "too_large" });
    expect(upload.pulled()).toBeLessThan(1 * mb + 256 * 1024);
  });

  it("refuses a declared Content-Length over the limit before reading anything", async () => {
    const request = new Request("http://localhost/x", {
      method: "POST",
      body: "x".repeat(100),
      headers: { "content-length": String(10 * mb) },
    });
    expect(await readLimitedFormData(request, mb)).toEqual({ ok: false, reason: "too_large" });
  });

  it("reads a form within the limit, and calls anything else unreadable", async () => {
    const form = new FormData();
    form.set("file", new File(["hello"], "a.csv"));
    form.set("alt", "a picture");
    const encoded = new Response(form);
    const request = new Request("http://localhost/x", {
      method: "POST",
      body: await encoded.arrayBuffer(),
      headers: { "content-type": encoded.headers.get("content-type")! },
    });
    const read = await readLimitedFormData(request, mb);
    expect(read.ok && (await (read.form.get("file") as File).text())).toBe("hello");
    expect(read.ok && read.form.get("alt")).toBe("a picture");
    const junk = new Request("http://localhost/x", { method: "POST", body: "not a form", headers: { "content-type": "text/plain" } });
    expect(await readLimitedFormData(junk, mb)).toEqual({ ok: false, reason: "unreadable" });
  });
});
