"use client";
import Link from "next/link";
import { useState, type FormEvent } from "react";
import type { ImportEvent, RowError } from "@/lib/exercises/transfer/format";

type Summary = { created: number; updated: number; unchanged: number };
type State =
  | { phase: "idle" }
  | { phase: "checking" }
  | { phase: "importing"; done: number; total: number }
  | { phase: "done"; summary: Summary }
  | { phase: "invalid"; errors: RowError[]; errorCount: number }
  | { phase: "failed"; message: string };

const maxBytes = 50 * 1024 * 1024;

/** Reads a newline-delimited JSON response one event at a time, as the lines arrive. */
async function* readEvents(body: ReadableStream<Uint8Array>): AsyncGenerator<ImportEvent> {
  const reader = body.getReader();
  const decoder = new TextDecoder();
  let buffer = "";
  for (;;) {
    const { value, done } = await reader.read();
    buffer += decoder.decode(value, { stream: !done });
    let end: number;
    while ((end = buffer.indexOf("\n")) >= 0) {
      const text = buffer.slice(0, end).trim();
      buffer = buffer.slice(end + 1);
      if (text) yield JSON.parse(text) as ImportEvent;
    }
    if (done) break;
  }
  if (buffer.trim()) yield JSON.parse(buffer) as ImportEvent;
}

function plural(n: number, word: string) {
  return `${n} ${word}${n === 1 ? "" : "s"}`;
}

export function ImportForm() {
  const [state, setState] = useState<State>({ phase: "idle" });
  const busy = state.phase === "checking" || state.phase === "importing";

  async function importFile(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    const file = data.get("file");
    if (!(file instanceof File) || file.size === 0) return setState({ phase: "failed", message: "Choose a .json or .csv file first." });
    if (file.size > maxBytes)
      return setState({ phase: "failed", message: "The file is over 50 MB. Split it into smaller files and import each." });

    setState({ phase: "checking" });
    try {
      const response = await fetch("/api/admin/exercises/import", { method: "POST", body: data });
      if (!response.headers.get("Content-Type")?.includes("application/x-ndjson") || !response.body) {
        const body = (await response.json().catch(() => ({}))) as { error?: string };
        return setState({ phase: "failed", message: body.error ?? "The import could not start. Try again in a moment." });
      }
      for await (const e of readEvents(response.body)) {
        if (e.type === "validated") setState({ phase: "importing", done: 0, total: e.total });
        else if (e.type === "progress") setState({ phase: "importing", done: e.done, total: e.total });
        else if (e.type === "done") return setState({ phase: "done", summary: e });
        else if (e.type === "invalid") return setState({ phase: "invalid", errors: e.errors, errorCount: e.errorCount });
        else if (e.type === "failed") return setState({ phase: "failed", message: e.message });
      }
      setState({
        phase: "failed",
        message: "The connection dropped before the import finished. Open the exercise list to see whether it was saved.",
      });
    } catch {
      setState({
        phase: "failed",
        message: "The connection dropped before the import finished. Open the exercise list to see whether it was saved.",
      });
    }
  }

  return (
    <form className="form" noValidate onSubmit={importFile}>
      {state.phase === "failed" && (
        <p className="notice error" role="alert">
          {state.message}
        </p>
      )}
      <div className="field">
        <label htmlFor="import-file">File to import</label>
        <span className="hint" id="import-file-hint">
          A .json or .csv file, at most 50 MB.
        </span>
        <input
          id="import-file"
          name="file"
          type="file"
          accept=".json,.csv,application/json,text/csv"
          aria-describedby="import-file-hint"
          required
        />
      </div>
      <div>
        <button className="button" type="submit" disabled={busy}>
          {busy ? "Importing…" : "Import"}
        </button>
      </div>

      {state.phase === "checking" && (
        <div className="field">
          <progress aria-label="Import progress" />
          <span>Checking the file…</span>
        </div>
      )}
      {state.phase === "importing" && (
        <div className="field">
          <progress aria-label="Import progress" max={state.total} value={state.done} />
          <span>
            Imported {state.done} of {state.total}
          </span>
        </div>
      )}

      {state.phase === "invalid" && (
        <div className="notice error" role="alert">
          <p>
            Nothing was imported: {plural(state.errorCount, "problem")} to fix in the file, then import it again.
            {state.errorCount > state.errors.length && ` The first ${state.errors.length} are listed.`}
          </p>
          <ul data-testid="import-errors">
            {state.errors.map((e, i) => (
              <li key={i}>{`Row ${e.row} — ${e.field}: ${e.message}`}</li>
            ))}
          </ul>
        </div>
      )}

      {state.phase === "done" && (
        <div className="notice ok">
          <p role="status">
            {`Import finished: ${state.summary.created} created, ${state.summary.updated} updated, ${state.summary.unchanged} unchanged.`}
          </p>
          <p>
            <Link href="/admin/exercises">Back to exercises</Link>
          </p>
        </div>
      )}
    </form>
  );
}
