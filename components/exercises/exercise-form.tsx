"use client";
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { FormNotice } from "@/components/ui/form-notice";
import { useHydrated } from "@/components/ui/use-hydrated";
import { fieldErrorsUnder, type ActionResult } from "@/lib/errors";
import type { ExerciseConflict } from "@/lib/exercises/mutations";
import type { ExerciseInput } from "@/lib/exercises/schemas";
import { mergeMine } from "@/lib/versioned-save/conflict";
import {
  bodyRegions,
  difficulties,
  equipmentKinds,
  exerciseCategories,
  exerciseStatuses,
  type ExerciseStatus,
  labelOf,
  startingPositions,
} from "@/lib/exercises/vocabulary";
import { ConflictPanel } from "./conflict-panel";
import { DoseFields, doseFromDraft, doseToDraft, type DoseDraft } from "./dose-fields";
import { IllustrationEditor } from "./illustration-editor";
import { PendingPicturesField, pendingPictureProblem, type PendingPictures } from "./pending-pictures";
import { StepsEditor } from "./steps-editor";

// What each status means, beside the choice: publishing is what puts an exercise in front of patients.
const statusMeaning: Record<ExerciseStatus, string> = {
  draft: "Only staff see it. It cannot be added to routines yet.",
  published: "In the routine builder's picker; patients see it on their handouts and links.",
  archived: "Retired: not offered for new routines. Routines that use it keep showing it.",
};

/** Uploads the pictures chosen before the first save to the new exercise; the server checks each as it always does. */
async function uploadPendingPictures(exerciseId: number, pending: PendingPictures): Promise<{ added: number; refused: number }> {
  const body = new FormData();
  for (const file of pending.files) body.append("file", file);
  body.set("alt", pending.alt);
  try {
    const response = await fetch(`/api/admin/exercises/${exerciseId}/images`, { method: "POST", body });
    const answer = (await response.json()) as { added?: number; errors?: string[] };
    return { added: answer.added ?? 0, refused: pending.files.length - (answer.added ?? 0) };
  } catch {
    return { added: 0, refused: pending.files.length };
  }
}

type Draft = Omit<ExerciseInput, "tags" | "defaultDose"> & { tags: string; dose: DoseDraft };

export const blankExercise: ExerciseInput = {
  name: "",
  summary: "",
  steps: [""],
  cues: "",
  precautions: "",
  category: "stretch",
  bodyRegions: [],
  equipment: [],
  position: "standing",
  difficulty: "easy",
  tags: [],
  defaultDose: {},
  status: "draft",
  illustration: null,
};

function toDraft({ tags, defaultDose, illustration, ...rest }: ExerciseInput): Draft {
  // Always sent: null removes a drawing, so a save never leaves a removed one behind.
  return { ...rest, illustration: illustration ?? null, tags: tags.join(", "), dose: doseToDraft(defaultDose) };
}

function fromDraft({ tags, dose, ...rest }: Draft): unknown {
  const tagList = tags
    .split(",")
    .map((t) => t.trim())
    .filter(Boolean);
  return { ...rest, tags: tagList, defaultDose: doseFromDraft(dose) };
}

export type SaveExerciseResult = ActionResult<{ id: number; version: number }, ExerciseConflict>;

type Props = {
  exercise?: ExerciseInput & { id: number; version: number };
  /** saveExerciseAction, passed in by the page: creates (target null) or saves on top of baseVersion. */
  saveExercise: (input: { target: { id: number; baseVersion: number } | null; values: unknown }) => Promise<SaveExerciseResult>;
};

export function ExerciseForm({ exercise, saveExercise }: Props) {
  const router = useRouter();
  const hydrated = useHydrated();
  const [draft, setDraft] = useState<Draft>(() => toDraft(exercise ?? blankExercise));
  // What this editor started from: on a conflict, fields the editor left alone take the other save's value.
  const [original, setOriginal] = useState<Draft>(() => toDraft(exercise ?? blankExercise));
  const [baseVersion, setBaseVersion] = useState(exercise?.version ?? 0);
  const [result, setResult] = useState<SaveExerciseResult | null>(null);
  const [saving, startSaving] = useTransition();
  const [pending, setPending] = useState<PendingPictures>({ files: [], alt: "" });
  const pendingProblems = pending.files.map(pendingPictureProblem).filter(Boolean);
  const errors = result && !result.ok ? fieldErrorsUnder(result.fieldErrors, "values") : {};
  const errorsOf = (path: string) => errors[path];
  const set = <K extends keyof Draft>(key: K, value: Draft[K]) => setDraft((d) => ({ ...d, [key]: value }));
  const toggle = (key: "bodyRegions" | "equipment", value: string) =>
    setDraft((d) => ({ ...d, [key]: d[key].includes(value as never) ? d[key].filter((v) => v !== value) : [...d[key], value] }));

  const save = (version = baseVersion, values = draft) =>
    startSaving(async () => {
      const target = exercise ? { id: exercise.id, baseVersion: version } : null;
      const saved = await saveExercise({ target, values: fromDraft(values) });
      setResult(saved);
      if (!saved.ok) return;
      setBaseVersion(saved.version);
      setOriginal(values);
      if (exercise) return router.refresh();
      // The exercise exists now: its pictures follow, and the page it opens on says how many arrived.
      const pictures = pending.files.length ? await uploadPendingPictures(saved.id, pending) : { added: 0, refused: 0 };
      const counts = pending.files.length ? `&pictures=${pictures.added}&refused=${pictures.refused}` : "";
      router.push(`/admin/exercises/${saved.id}?created=1${counts}`);
    });

  const conflict = result && !result.ok ? result.conflict : undefined;
  // One labelled text field with its hint and errors: an input for a line, a textarea for notes.
  const textField = (key: "name" | "summary" | "cues" | "precautions", label: string, hint?: string) => {
    const Control = key === "cues" || key === "precautions" ? "textarea" : "input";
    return (
      <div className="field">
        <label htmlFor={`exercise-${key}`}>{label}</label>
        {hint && <span className="hint">{hint}</span>}
        <Control
          id={`exercise-${key}`}
          value={draft[key]}
          aria-invalid={errorsOf(key) ? true : undefined}
          onChange={(e) => set(key, e.target.value)}
        />
        {errorsOf(key) && <p className="error">{errorsOf(key)!.join(" ")}</p>}
      </div>
    );
  };
  const select = (key: "category" | "position" | "difficulty", label: string, options: readonly string[]) => (
    <div className="field">
      <label htmlFor={`exercise-${key}`}>{label}</label>
      <select id={`exercise-${key}`} value={draft[key]} onChange={(e) => set(key, e.target.value as never)}>
        {options.map((o) => (
          <option key={o} value={o}>
            {labelOf(o)}
          </option>
        ))}
      </select>
      {errorsOf(key) && <p className="error">{errorsOf(key)!.join(" ")}</p>}
    </div>
  );
  const checks = (key: "bodyRegions" | "equipment", legend: string, options: readonly string[]) => (
    <fieldset className="checks" aria-invalid={errorsOf(key) ? true : undefined}>
      <legend>{legend}</legend>
      {options.map((o) => (
        <label key={o}>
          <input type="checkbox" checked={draft[key].includes(o as never)} onChange={() => toggle(key, o)} />
          {labelOf(o)}
        </label>
      ))}
      {errorsOf(key) && (
        <p className="error" style={{ flexBasis: "100%" }}>
          {errorsOf(key)!.join(" ")}
        </p>
      )}
    </fieldset>
  );

  return (
    <form
      className="form"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        // A file the server would refuse is named now, before anything is created.
        if (pendingProblems.length === 0) save();
      }}
    >
      <FormNotice error={result && !result.ok ? result.error : undefined} success={result?.ok ? "Saved." : undefined} />
      {conflict && (
        <ConflictPanel
          conflict={conflict}
          onKeepMine={() => {
            const theirs = toDraft(conflict.current);
            const merged = mergeMine(original, draft, theirs);
            setDraft(merged);
            setOriginal(theirs);
            setBaseVersion(conflict.currentVersion);
            save(conflict.currentVersion, merged);
          }}
          onTakeTheirs={() => {
            setDraft(toDraft(conflict.current));
            setOriginal(toDraft(conflict.current));
            setBaseVersion(conflict.currentVersion);
            setResult(null);
          }}
        />
      )}
      <fieldset className="bare" disabled={!hydrated}>
        <div className="editor">
          <div className="stack">
            {textField("name", "Name")}
            {textField("summary", "One-line summary")}
            <StepsEditor
              steps={draft.steps}
              onChange={(steps) => set("steps", steps)}
              errors={(i) => errorsOf(`steps.${i}`) ?? (i === 0 ? errorsOf("steps") : undefined)}
            />
            {textField("cues", "Breathing and form cues", "What to feel, how to breathe, what to keep still.")}
            {textField("precautions", "Precautions — when to stop", "Shown to the patient on the handout and the link.")}
            <DoseFields
              dose={draft.dose}
              onChange={(dose) => set("dose", dose)}
              errors={(f) => errorsOf(`defaultDose.${f}`)}
              hint="Leave a box empty when it does not apply. Routines start from this dose and can change it per patient."
            />
            {!exercise && <PendingPicturesField value={pending} onChange={setPending} />}
          </div>
          <div className="stack card">
            <fieldset className="status-choice">
              <legend>Status</legend>
              {exerciseStatuses.map((o) => (
                <div className="status-option" key={o}>
                  <input
                    type="radio"
                    id={`exercise-status-${o}`}
                    name="status"
                    value={o}
                    checked={draft.status === o}
                    aria-describedby={`exercise-status-${o}-meaning`}
                    onChange={() => set("status", o)}
                  />
                  <label htmlFor={`exercise-status-${o}`}>{labelOf(o)}</label>
                  <span id={`exercise-status-${o}-meaning`} className="hint">
                    {statusMeaning[o]}
                  </span>
                </div>
              ))}
              {errorsOf("status") && <p className="error">{errorsOf("status")!.join(" ")}</p>}
            </fieldset>
            {select("category", "Category", exerciseCategories)}
            {select("position", "Starting position", startingPositions)}
            {select("difficulty", "Difficulty", difficulties)}
            {checks("bodyRegions", "Body regions", bodyRegions)}
            {checks("equipment", "Equipment", equipmentKinds)}
            <div className="field">
              <label htmlFor="exercise-tags">Tags</label>
              <span className="hint">Comma-separated, for search (e.g. desk, posture).</span>
              <input id="exercise-tags" value={draft.tags} onChange={(e) => set("tags", e.target.value)} />
            </div>
            <button className="button" type="submit" disabled={saving}>
              {saving ? "Saving…" : exercise ? "Save changes" : "Create exercise"}
            </button>
          </div>
        </div>
        <IllustrationEditor
          value={draft.illustration ?? null}
          onChange={(illustration) => set("illustration", illustration)}
          exerciseName={draft.name}
          errors={Object.entries(errors).flatMap(([path, messages]) =>
            path === "illustration" || path.startsWith("illustration.") ? (messages ?? []) : [],
          )}
        />
      </fieldset>
    </form>
  );
}
