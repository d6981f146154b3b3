"use client";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { FormNotice } from "@/components/ui/form-notice";

/** Uploads pictures to the image endpoint and reports, per file, what could not be used. */
export function ImageUploader({ exerciseId }: { exerciseId: number }) {
  const router = useRouter();
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<{ error?: string; success?: string }>({});

  return (
    <form
      className="form"
      onSubmit={async (event) => {
        event.preventDefault();
        const form = event.currentTarget;
        setBusy(true);
        setMessage({});
        try {
          const response = await fetch(`/api/admin/exercises/${exerciseId}/images`, { method: "POST", body: new FormData(form) });
          const body = (await response.json()) as { added?: number; errors?: string[]; error?: string };
          const problems = body.error ? [body.error] : (body.errors ?? []);
          setMessage({
            error: problems.length ? problems.join(" ") : undefined,
            success: body.added ? `${body.added} picture${body.added === 1 ? "" : "s"} added.` : undefined,
          });
          if (body.added) {
            form.reset();
            router.refresh();
          }
        } catch {
          setMessage({ error: "The upload did not reach the server. Check the connection and try again." });
        } finally {
          setBusy(false);
        }
      }}
    >
      <FormNotice error={message.error} success={message.error ? undefined : message.success} />
      <div className="field">
        <label htmlFor="image-file">Add pictures</label>
        <span className="hint">PNG, JPEG or WebP, up to 5 MB each.</span>
        <input id="image-file" name="file" type="file" accept="image/png,image/jpeg,image/webp" multiple required />
      </div>
      <div className="field">
        <label htmlFor="image-alt">Description (alt text)</label>
        <span className="hint">What the picture shows, for people who cannot see it.</span>
        <input id="image-alt" name="alt" maxLength={300} />
      </div>
      <div>
        <button className="button secondary" type="submit" disabled={busy}>
          {busy ? "Uploading…" : "Upload"}
        </button>
      </div>
    </form>
  );
}
