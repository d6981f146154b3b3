"use client";
import { useEffect, useRef, useState } from "react";
import { useUnsavedGuard } from "./use-unsaved-guard";
import "./unsaved-guard.css";

type Props = {
  dirty: boolean;
  /** Saves what is on screen; true when it was saved (a refusal is shown by the builder). */
  save: () => Promise<boolean>;
};

/** The question asked before unsaved work is left behind: stay (the default), save and leave, or leave. */
export function UnsavedGuard({ dirty, save }: Props) {
  const { pending, stay, leave, release } = useUnsavedGuard(dirty);
  const dialog = useRef<HTMLDialogElement>(null);
  const [saving, setSaving] = useState(false);

  useEffect(() => {
    const element = dialog.current;
    if (!element) return;
    if (pending && !element.open) element.showModal();
    if (!pending && element.open) element.close();
  }, [pending]);

  const saveAndLeave = async () => {
    setSaving(true);
    const saved = await save();
    setSaving(false);
    if (!saved) return stay();
    release();
    leave();
  };

  return (
    <dialog
      ref={dialog}
      className="confirm-dialog"
      aria-labelledby="unsaved-title"
      aria-describedby="unsaved-text"
      // Escape is "stay", as is every way out of the dialog other than the two leave buttons.
      onCancel={(event) => {
        event.preventDefault();
        stay();
      }}
    >
      <h2 id="unsaved-title">Leave without saving?</h2>
      <p id="unsaved-text">
        This routine has changes that are not saved. If you leave, they stay in this browser only and are offered back when you open the
        routine again; the patient&apos;s link and handout still show the last saved revision.
      </p>
      <div className="confirm-dialog-buttons">
        <button type="button" className="button" autoFocus onClick={stay} disabled={saving}>
          Stay and keep editing
        </button>
        <button type="button" className="button secondary" onClick={saveAndLeave} disabled={saving}>
          {saving ? "Saving…" : "Save and leave"}
        </button>
        <button type="button" className="button secondary danger-text" onClick={leave} disabled={saving}>
          Leave without saving
        </button>
      </div>
    </dialog>
  );
}
