"use client";
import { formatInstant, localDay } from "@/lib/dates/format";

/** "Restore unsaved changes from 14:02?": work a reload, a crash or a closed tab left in this browser. */
export function DraftRestorePrompt({
  savedAt,
  olderBase,
  onRestore,
  onDiscard,
}: {
  savedAt: string;
  /** The work was started on an older revision than the page shows: saving it will report the conflict. */
  olderBase: boolean;
  onRestore: () => void;
  onDiscard: () => void;
}) {
  const at = new Date(savedAt);
  const when = localDay(at) === localDay(new Date()) ? formatInstant(at, "time") : formatInstant(at, "date-time");
  return (
    <div className="notice info draft-prompt" role="alert" data-testid="draft-prompt">
      <p>
        <strong>Restore unsaved changes from {when}?</strong>{" "}
        {olderBase
          ? "They were made on an older revision: someone has saved since, and saving yours will show you what changed."
          : "They were kept in this browser when the page was left without saving."}
      </p>
      <button type="button" className="button" onClick={onRestore}>
        Restore
      </button>
      <button type="button" className="button secondary" onClick={onDiscard}>
        Discard
      </button>
    </div>
  );
}
