"use client";
import { useRouter } from "next/navigation";
import { useEffect, useReducer, useRef, useState, useTransition } from "react";
import { FormNotice } from "@/components/ui/form-notice";
import { useHydrated } from "@/components/ui/use-hydrated";
import { fieldErrorsUnder, type ActionResult } from "@/lib/errors";
import type { RoutineConflict } from "@/lib/routines/mutations";
import type { ExerciseCard } from "@/lib/routines/queries";
import type { RoutineContent } from "@/lib/routines/schemas";
import { ExercisePicker, type SearchPicker } from "./exercise-picker";
import { sectionName } from "./item-moves";
import { useLiveAnnouncer } from "./live-announcer";
import { builderReducer, fromRoutineDraft, initialBuilderState, previewDose } from "./routine-draft";
import { RoutinePreview } from "./routine-preview";
import { DraftRestorePrompt } from "./draft-restore-prompt";
import { fromStoredDraft } from "./kept-draft";
import { downloadFrom, useOnScreenSave } from "./on-screen-save";
import { SharedHandoutPanel, type SharedHandoutLink } from "./save-print-share";
import { UnsavedGuard } from "./unsaved-guard";
import { useKeptDraft } from "./use-kept-draft";
import { RoutineSections } from "./routine-sections";

export type SaveRoutineResult = ActionResult<{ version: number; revision: number }, RoutineConflict>;
export type SavePrintShareResult = ActionResult<
  { saved: { version: number; revision: number } | null; link: SharedHandoutLink },
  RoutineConflict
>;

type Props = {
  routineId: number;
  version: number;
  content: RoutineContent;
  exercises: Record<number, ExerciseCard>;
  patientName: string | null;
  clinicName: string;
  /** saveRoutineAction and searchPickerAction, passed in by the page. */
  actions: {
    save: (input: { routineId: number; baseVersion: number; content: unknown }) => Promise<SaveRoutineResult>;
    search: SearchPicker;
    /** Patients' routines only (a template has no link): save, make or reuse the link, then download. */
    savePrintShare?: (input: { routineId: number; baseVersion: number; content: unknown }) => Promise<SavePrintShareResult>;
  };
  /** The handout's paper for "Save, print and share" (the clinic's default). */
  handoutPaper?: string;
};

export function RoutineBuilder({
  routineId,
  version,
  content,
  exercises: initialExercises,
  patientName,
  clinicName,
  actions,
  handoutPaper = "A4",
}: Props) {
  const router = useRouter();
  const hydrated = useHydrated();
  const [{ draft, removed, dirty }, dispatch] = useReducer(builderReducer, content, initialBuilderState);
  const [exercises, setExercises] = useState(initialExercises);
  const [baseVersion, setBaseVersion] = useState(version);
  const [result, setResult] = useState<SaveRoutineResult | null>(null);
  const [showPreview, setShowPreview] = useState(false);
  const [saving, startSaving] = useTransition();
  const [shared, setShared] = useState<{ link: SharedHandoutLink; revision: number | null } | null>(null);
  const kept = useKeptDraft({ routineId, baseVersion, draft, dirty, exercises, initialExercises });
  // The section being worked on (last focused, edited or moved into): where the picker adds.
  const [activeUid, setActiveUid] = useState(() => draft.sections[0]?.uid ?? "");
  const [collapsed, setCollapsed] = useState<ReadonlySet<string>>(new Set());
  const { announce, region } = useLiveAnnouncer();
  const pendingFocus = useRef<[string, string | undefined] | null>(null);
  const active = draft.sections.find((s) => s.uid === activeUid) ?? draft.sections[0]!;

  // After a move re-renders, focus goes back to the button pressed (or its twin when that one is now disabled).
  useEffect(() => {
    if (!pendingFocus.current) return;
    const [id, fallback] = pendingFocus.current;
    pendingFocus.current = null;
    const target = document.getElementById(id) as HTMLButtonElement | null;
    (target && !target.disabled ? target : (document.getElementById(fallback ?? "") ?? target))?.focus();
  }, [draft]);
  const expand = (sectionUid: string) =>
    setCollapsed((all) => (all.has(sectionUid) ? new Set([...all].filter((uid) => uid !== sectionUid)) : all));
  const activate = (sectionUid: string) => {
    setActiveUid(sectionUid);
    expand(sectionUid);
  };

  const errors = result && !result.ok ? fieldErrorsUnder(result.fieldErrors, "content") : {};

  /** What a save answered, applied to the page: true when it was saved. */
  const settle = (saved: SaveRoutineResult): boolean => {
    setResult(saved);
    // After a conflict the next save is a deliberate "mine wins": theirs stays in the revision history.
    if (!saved.ok && saved.conflict) setBaseVersion(saved.conflict.currentVersion);
    if (!saved.ok) return false;
    setBaseVersion(saved.version);
    dispatch({ type: "saved" });
    kept.forget();
    router.refresh();
    return true;
  };
  const saveNow = async () => settle(await actions.save({ routineId, baseVersion, content: fromRoutineDraft(draft) }));
  const save = () => startSaving(async () => void (await saveNow()));
  // The handout and link forms below save what is on screen first.
  useOnScreenSave(routineId, dirty, saveNow);

  const savePrintShare = (run: NonNullable<Props["actions"]["savePrintShare"]>) =>
    startSaving(async () => {
      setShared(null);
      const outcome = await run({ routineId, baseVersion, content: dirty ? fromRoutineDraft(draft) : null });
      if (!outcome.ok) return void settle(outcome);
      if (outcome.saved) settle({ ok: true, ...outcome.saved });
      else router.refresh();
      setShared({ link: outcome.link, revision: outcome.saved?.revision ?? null });
      // Asked for only now, after the save and the link: the handout is this revision, with this link.
      downloadFrom(`/api/routines/${routineId}/handout.pdf?paper=${encodeURIComponent(handoutPaper)}`);
    });

  const restoreKept = () => {
    const offer = kept.takeOffer();
    if (!offer) return;
    setExercises((all) => ({ ...offer.cards, ...all }));
    // Work started on an older revision keeps that base: saving it reports what changed since, never overwrites.
    setBaseVersion(Math.min(offer.baseVersion, baseVersion));
    dispatch({ type: "replaceDraft", draft: fromStoredDraft(offer.draft) });
  };

  const addExercise = (card: ExerciseCard, sectionUid: string) => {
    const section = draft.sections.find((x) => x.uid === sectionUid);
    if (!section) return;
    setExercises((all) => ({ ...all, [card.id]: card }));
    dispatch({ type: "addItem", sectionUid, exerciseId: card.id, dose: card.defaultDose });
    activate(sectionUid);
    const count = section.items.length + 1;
    announce(`${card.name} added to ${sectionName(section)}, position ${count} of ${count}.`);
  };
  const allCollapsed = draft.sections.every((x) => collapsed.has(x.uid));

  const sectionOptions = draft.sections.map((s) => ({ uid: s.uid, title: s.title }));
  const text = (key: "title" | "startDate" | "reviewDate", label: string, type = "text") => (
    <div className="field">
      <label htmlFor={`routine-${key}`}>{label}</label>
      <input
        id={`routine-${key}`}
        type={type}
        value={draft[key]}
        aria-invalid={errors[key] ? true : undefined}
        onChange={(e) => dispatch({ type: "edit", field: key, value: e.target.value })}
      />
      {errors[key] && <p className="error">{errors[key]!.join(" ")}</p>}
    </div>
  );

  return (
    <fieldset className="bare stack" disabled={!hydrated}>
      <UnsavedGuard dirty={dirty} save={saveNow} />
      {kept.offer && (
        <DraftRestorePrompt
          savedAt={kept.offer.savedAt}
          olderBase={kept.offer.baseVersion < baseVersion}
          onRestore={restoreKept}
          onDiscard={kept.discardOffer}
        />
      )}
      {/* First in the builder, before the save buttons: a keyboard reaches the picker in a few Tabs. */}
      {!showPreview && (
        <a className="builder-skip" href="#picker-search">
          Skip to the exercise picker
        </a>
      )}
      <div className="save-bar">
        <button type="button" className="button" onClick={save} disabled={saving}>
          {saving ? "Saving…" : "Save routine"}
        </button>
        {actions.savePrintShare && (
          <button type="button" className="button" onClick={() => savePrintShare(actions.savePrintShare!)} disabled={saving}>
            Save, print and share
          </button>
        )}
        <button type="button" className="button secondary" aria-pressed={showPreview} onClick={() => setShowPreview((v) => !v)}>
          {showPreview ? "Back to editing" : "Patient preview"}
        </button>
        <span className="muted" role="status">
          {result?.ok ? `Saved as revision ${result.revision}.` : dirty ? "Unsaved changes" : "All changes saved"}
        </span>
      </div>
      <FormNotice error={result && !result.ok ? result.error : undefined} />
      {shared && <SharedHandoutPanel link={shared.link} revision={shared.revision} onClose={() => setShared(null)} />}
      {showPreview ? (
        <RoutinePreview
          routine={{
            ...draft,
            sections: draft.sections.map((s) => ({
              title: s.title,
              items: s.items.map((i) => ({ exerciseId: i.exerciseId, dose: previewDose(i.dose), note: i.note })),
            })),
          }}
          exercises={exercises}
          patientName={patientName}
          clinicName={clinicName}
        />
      ) : (
        <div className="builder">
          <div className="stack">
            <div className="card stack">
              {text("title", "Routine title")}
              <div className="field">
                <label htmlFor="routine-instructions">Instructions for the patient</label>
                <span className="hint">The goal, how often, and what to do if pain increases.</span>
                <textarea
                  id="routine-instructions"
                  rows={5}
                  value={draft.instructions}
                  onChange={(e) => dispatch({ type: "edit", field: "instructions", value: e.target.value })}
                />
              </div>
              <div className="toolbar">
                {text("startDate", "Start date", "date")}
                {text("reviewDate", "Review date", "date")}
              </div>
            </div>
            <div className="sections-bar">
              <h2 id="sections-heading">Exercises</h2>
              <button
                type="button"
                className="button link"
                onClick={() => setCollapsed(allCollapsed ? new Set() : new Set(draft.sections.map((x) => x.uid)))}
              >
                {allCollapsed ? "Expand all sections" : "Collapse all sections"}
              </button>
            </div>
            <RoutineSections
              draft={draft}
              exercises={exercises}
              errors={errors}
              collapsed={collapsed}
              activeUid={active.uid}
              dispatch={dispatch}
              announce={announce}
              onActivate={activate}
              onToggle={(uid) =>
                setCollapsed((all) => (all.has(uid) ? new Set([...all].filter((x) => x !== uid)) : new Set([...all, uid])))
              }
              focusAfterRender={(id, fallback) => (pendingFocus.current = [id, fallback])}
            />
            <div>
              <button type="button" className="button secondary" onClick={() => dispatch({ type: "addSection" })}>
                Add section
              </button>
            </div>
          </div>
          <ExercisePicker
            sections={sectionOptions}
            target={active.uid}
            onTargetChange={setActiveUid}
            onAdd={addExercise}
            search={actions.search}
          />
        </div>
      )}
      {region}
      {removed && (
        <div className="undo-bar" role="status">
          <span>Removed {exercises[removed.item.exerciseId]?.name ?? "Exercise"}.</span>
          <button type="button" onClick={() => dispatch({ type: "undoRemove" })}>
            Undo
          </button>
        </div>
      )}
    </fieldset>
  );
}
