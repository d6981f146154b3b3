import type { VersionConflict } from "@/lib/versioned-save/conflict";

/** What the other person saved, field by field, so the editor can compare before saving again. */
export function ConflictDetails<F extends string>({ conflict }: { conflict: VersionConflict<Partial<Record<F, unknown>>, F> }) {
  return (
    <div className="conflict" data-testid="conflict">
      <strong>What {conflict.by} saved:</strong>
      <dl>
        {conflict.fields.map(({ name, label }) => (
          <div key={name} style={{ display: "contents" }}>
            <dt>{label}</dt>
            <dd style={{ whiteSpace: "pre-wrap", margin: 0 }}>
              {String(conflict.current[name] ?? "") || <span className="muted">(empty)</span>}
            </dd>
          </div>
        ))}
      </dl>
    </div>
  );
}
