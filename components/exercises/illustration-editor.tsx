"use client";
import { useRef, useState } from "react";
import { defaultAlt } from "@/lib/illustrations/alt";
import { angleOf, angleSpecs } from "@/lib/illustrations/joints";
import { mirrorIllustration } from "@/lib/illustrations/mirror";
import type { StartingPose } from "@/lib/illustrations/poses";
import type { AnchorName, Illustration, View } from "@/lib/illustrations/schema";
import { IllustrationCanvas } from "./illustration-canvas";
import {
  addArrow,
  arrowAnchors,
  copyFrameToNext,
  describeArrow,
  jointGroups,
  jointLabel,
  newIllustration,
  propChoices,
  removeArrow,
  removeFrame,
  rootSpecs,
  setAngle,
  setPose,
  setRoot,
  startingPose,
  startingPoseLabels,
  toggleProp,
  type RootKey,
} from "./illustration-editing";
import { JointSlider } from "./joint-slider";

type Props = {
  value: Illustration | null;
  onChange: (value: Illustration | null) => void;
  exerciseName: string;
  /** The server's messages for the drawing, if a save was refused. */
  errors: string[];
};

const viewLabels: Record<View["kind"], string> = {
  side: "From the side",
  front: "From the front",
  back: "From behind",
  above: "From above",
};

/**
 * The drawing's editor: a starting pose, then every joint by slider or number (keyboard), or the hands and
 * feet by dragging; frames, view, mirror, props, arrows and alt text; undo. Saved with the exercise.
 */
export function IllustrationEditor({ value, onChange, exerciseName, errors }: Props) {
  const [frame, setFrame] = useState(0);
  const [start, setStart] = useState<StartingPose>("standing");
  const [arrowKind, setArrowKind] = useState<"straight" | "curved" | "rotation">("straight");
  const [arrowAt, setArrowAt] = useState<AnchorName>("rightHand");
  const [past, setPast] = useState<(Illustration | null)[]>([]);
  // Steps of one slider drag (or one handle drag) coalesce into one undo step.
  const lastKey = useRef<string | null>(null);

  const change = (next: Illustration | null, key: string | null = null) => {
    if (key === null || key !== lastKey.current) setPast((p) => [...p.slice(-49), value]);
    lastKey.current = key;
    onChange(next);
  };
  const undo = () => {
    const previous = past.at(-1);
    if (previous === undefined) return;
    setPast((p) => p.slice(0, -1));
    lastKey.current = null;
    onChange(previous);
    if (previous && frame >= previous.frames.length) setFrame(previous.frames.length - 1);
  };

  const undoButton = (
    <button type="button" className="button secondary small" onClick={undo} disabled={past.length === 0}>
      Undo
    </button>
  );

  if (!value)
    return (
      <section className="card stack illustration-editor" aria-labelledby="illustration-heading">
        <h2 id="illustration-heading">Illustration</h2>
        <p className="muted">A drawing of the start and finish positions, shown on the patient&rsquo;s phone and handout.</p>
        <div className="toolbar">
          <label htmlFor="illustration-start">Start from</label>
          <select id="illustration-start" value={start} onChange={(e) => setStart(e.target.value as StartingPose)}>
            {Object.entries(startingPoseLabels).map(([k, label]) => (
              <option key={k} value={k}>
                {label}
              </option>
            ))}
          </select>
          <button type="button" className="button secondary" onClick={() => change(newIllustration(exerciseName, start))}>
            Add a drawing
          </button>
          {undoButton}
        </div>
      </section>
    );

  const ill = value;
  const current = Math.min(frame, ill.frames.length - 1);
  const pose = ill.frames[current]!.pose;
  const setView = (view: Partial<View>) => change({ ...ill, view: { ...ill.view, ...view } }, `view`);

  return (
    <section
      className="card stack illustration-editor"
      aria-labelledby="illustration-heading"
      onKeyDown={(e) => {
        if ((e.ctrlKey || e.metaKey) && e.key === "z" && !(e.target instanceof HTMLInputElement && e.target.type === "text")) {
          e.preventDefault();
          undo();
        }
      }}
    >
      <div className="page-head">
        <h2 id="illustration-heading">Illustration</h2>
        <div className="toolbar">
          {undoButton}
          <button type="button" className="button secondary small" onClick={() => change(mirrorIllustration(ill))}>
            Mirror
          </button>
          <button type="button" className="button secondary small" onClick={() => change(null)}>
            Remove drawing
          </button>
        </div>
      </div>
      {errors.length > 0 && <p className="error">{errors.join(" ")}</p>}

      <div className="illustration-layout">
        <div className="stack">
          <IllustrationCanvas
            illustration={ill}
            frame={current}
            onPose={(p, done) => change(setPose(ill, current, p), done ? null : `drag-${current}`)}
          />
          <div className="toolbar" role="group" aria-label="Frames">
            {ill.frames.map((f, i) => (
              <button
                key={i}
                type="button"
                className={i === current ? "button small" : "button secondary small"}
                aria-pressed={i === current}
                onClick={() => setFrame(i)}
              >
                {f.label || `Frame ${i + 1}`}
              </button>
            ))}
            <button
              type="button"
              className="button secondary small"
              onClick={() => {
                change(copyFrameToNext(ill, current));
                setFrame(Math.min(current + 1, 2));
              }}
              disabled={current === 2}
            >
              Copy to next frame
            </button>
            <button
              type="button"
              className="button secondary small"
              onClick={() => {
                change(removeFrame(ill, current));
                setFrame(Math.max(0, current - 1));
              }}
              disabled={ill.frames.length <= 1}
            >
              Remove frame
            </button>
          </div>
          <div className="field">
            <label htmlFor="illustration-caption">Caption of this frame</label>
            <input
              id="illustration-caption"
              value={ill.frames[current]!.label ?? ""}
              maxLength={24}
              onChange={(e) =>
                change(
                  { ...ill, frames: ill.frames.map((f, i) => (i === current ? { ...f, label: e.target.value } : f)) },
                  `caption-${current}`,
                )
              }
            />
          </div>
          <div className="field">
            <label htmlFor="illustration-alt">Description for screen readers (alt text)</label>
            <textarea
              id="illustration-alt"
              value={ill.alt}
              maxLength={300}
              onChange={(e) => change({ ...ill, alt: e.target.value }, "alt")}
            />
            <button
              type="button"
              className="button link"
              onClick={() => change({ ...ill, alt: defaultAlt(exerciseName || "the exercise", ill.frames.length) })}
            >
              Use &ldquo;{defaultAlt(exerciseName || "the exercise", ill.frames.length)}&rdquo;
            </button>
          </div>
        </div>

        <div className="stack">
          <div className="toolbar">
            <label htmlFor="illustration-pose">Starting pose for {ill.frames[current]!.label || `frame ${current + 1}`}</label>
            <select id="illustration-pose" value={start} onChange={(e) => setStart(e.target.value as StartingPose)}>
              {Object.entries(startingPoseLabels).map(([k, label]) => (
                <option key={k} value={k}>
                  {label}
                </option>
              ))}
            </select>
            <button type="button" className="button secondary small" onClick={() => change(setPose(ill, current, startingPose(start)))}>
              Apply
            </button>
          </div>
          <div className="toolbar">
            <label htmlFor="illustration-view">View</label>
            <select id="illustration-view" value={ill.view.kind} onChange={(e) => setView({ kind: e.target.value as View["kind"] })}>
              {Object.entries(viewLabels).map(([k, label]) => (
                <option key={k} value={k}>
                  {label}
                </option>
              ))}
            </select>
            <label htmlFor="illustration-layout">Frames</label>
            <select
              id="illustration-layout"
              value={ill.layout}
              onChange={(e) => change({ ...ill, layout: e.target.value as Illustration["layout"] })}
            >
              <option value="side-by-side">Side by side</option>
              <option value="overlay">In one picture, later ones faint</option>
            </select>
          </div>
          <JointSlider
            id="illustration-view-yaw"
            label="camera walks round to the figure's right (+) / left (−)"
            min={-90}
            max={90}
            value={ill.view.yaw ?? 0}
            onChange={(v) => setView({ yaw: v })}
          />
          <JointSlider
            id="illustration-view-pitch"
            label="camera looks down (+) / up (−)"
            min={-60}
            max={60}
            value={ill.view.pitch ?? 0}
            onChange={(v) => setView({ pitch: v })}
          />

          <details className="joint-group" open>
            <summary>Whole body</summary>
            {(Object.keys(rootSpecs) as RootKey[]).map((key) => (
              <JointSlider
                key={key}
                id={`root-${key}`}
                label={rootSpecs[key].label}
                min={rootSpecs[key].min}
                max={rootSpecs[key].max}
                value={pose.root?.[key] ?? 0}
                onChange={(v) => change(setRoot(ill, current, key, v), `root-${current}-${key}`)}
              />
            ))}
          </details>
          {jointGroups.map((group, i) => (
            <details key={group.title} className="joint-group" open={i === 0}>
              <summary>{group.title}</summary>
              {group.keys.map((key) => (
                <JointSlider
                  key={key}
                  id={`joint-${key}`}
                  label={jointLabel(key)}
                  min={angleSpecs[key].min}
                  max={angleSpecs[key].max}
                  value={angleOf(pose.angles, key)}
                  onChange={(v) => change(setAngle(ill, current, key, v), `${current}-${key}`)}
                />
              ))}
            </details>
          ))}

          <fieldset className="checks">
            <legend>Props</legend>
            {propChoices.map((p) => (
              <label key={p.kind}>
                <input
                  type="checkbox"
                  checked={ill.props.some((x) => x.kind === p.kind)}
                  onChange={() => change(toggleProp(ill, p.kind))}
                />
                {p.label}
              </label>
            ))}
          </fieldset>

          <div className="stack">
            <div className="toolbar">
              <label htmlFor="illustration-arrow-kind">Arrow</label>
              <select id="illustration-arrow-kind" value={arrowKind} onChange={(e) => setArrowKind(e.target.value as typeof arrowKind)}>
                <option value="straight">Straight</option>
                <option value="curved">Curved</option>
                <option value="rotation">Rotation</option>
              </select>
              <label htmlFor="illustration-arrow-at">on</label>
              <select id="illustration-arrow-at" value={arrowAt} onChange={(e) => setArrowAt(e.target.value as AnchorName)}>
                {arrowAnchors.map((a) => (
                  <option key={a.at} value={a.at}>
                    {a.label}
                  </option>
                ))}
              </select>
              <button
                type="button"
                className="button secondary small"
                onClick={() => change(addArrow(ill, arrowKind, arrowAt))}
                disabled={ill.arrows.length >= 8}
              >
                Add arrow
              </button>
            </div>
            {ill.arrows.length > 0 && (
              <ul className="plain">
                {ill.arrows.map((a, i) => (
                  <li key={i}>
                    {describeArrow(a)}{" "}
                    <button type="button" className="button link" onClick={() => change(removeArrow(ill, i))}>
                      Remove
                    </button>
                  </li>
                ))}
              </ul>
            )}
          </div>
          <label className="inline-check">
            <input
              type="checkbox"
              checked={ill.photoFirst ?? false}
              onChange={(e) => change({ ...ill, photoFirst: e.target.checked || undefined })}
            />
            Show the uploaded photo instead, when the exercise has one
          </label>
        </div>
      </div>
    </section>
  );
}
