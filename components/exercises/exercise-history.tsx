import type { HistoryEntry } from "@/lib/exercises/queries";
import { formatInstant } from "@/lib/dates/format";

const actionLabels: Record<string, string> = {
  "exercise.created": "created it",
  "exercise.updated": "edited it",
  "exercise.imported": "updated it by import",
  "exercise.published": "published it",
  "exercise.archived": "archived it",
  "exercise.draft": "set it back to draft",
  "exercise.image_added": "added a picture",
  "exercise.image_removed": "removed a picture",
  "exercise.image_main": "changed the main picture",
  "exercise.image_alt": "changed a picture's description",
  "exercise.illustrated": "added the starter drawing",
};

function show(value: unknown): string {
  if (value === undefined || value === null || value === "") return "—";
  if (Array.isArray(value)) return value.length ? value.join(value.some((v) => String(v).length > 30) ? " / " : ", ") : "—";
  // A drawing is pages of joint angles: its alt text says what it shows.
  if (typeof value === "object" && "frames" in value && "alt" in value) return `drawing (${String(value.alt) || "no description"})`;
  if (typeof value === "object")
    return (
      Object.entries(value)
        .map(([k, v]) => `${k} ${v}`)
        .join(", ") || "—"
    );
  return String(value);
}

/** The exercise's audit trail: who, when, and what changed (old → new), newest first. */
export function ExerciseHistory({ entries }: { entries: HistoryEntry[] }) {
  return (
    <section className="card stack" aria-labelledby="history-heading">
      <h2 id="history-heading">History</h2>
      {entries.length === 0 ? (
        <p className="muted">Part of the starter library; not changed since.</p>
      ) : (
        <ol className="history" data-testid="history">
          {entries.map((entry) => (
            <li key={entry.id}>
              <strong>{entry.by}</strong> {actionLabels[entry.action] ?? entry.action}
              {entry.version ? ` (version ${entry.version})` : ""} <span className="muted">· {formatInstant(entry.at, "date-time")}</span>
              {entry.action !== "exercise.created" && entry.changes.length > 0 && (
                <ul className="change">
                  {entry.changes.map((c) => (
                    <li key={c.field}>
                      {c.field}: {show(c.from)} → {show(c.to)}
                    </li>
                  ))}
                </ul>
              )}
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
