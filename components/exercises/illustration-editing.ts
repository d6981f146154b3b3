import { defaultAlt } from "@/lib/illustrations/alt";
import { angleSpecs, clampAngle, type AngleKey } from "@/lib/illustrations/joints";
import { startingPoses, type StartingPose } from "@/lib/illustrations/poses";
import type { AnchorName, Arrow, Illustration, IllustrationFrame, Pose, Prop } from "@/lib/illustrations/schema";

/** Pure edits the illustration editor makes: each takes an illustration and returns a new one. */

export const startingPoseLabels: Record<StartingPose, string> = {
  standing: "Standing",
  sitting: "Sitting",
  "lying-on-back": "Lying on the back",
  "lying-on-side": "Lying on the side",
  "lying-on-front": "Lying on the front",
  kneeling: "Kneeling",
  "hands-and-knees": "Hands and knees",
};

const copyPose = (pose: Pose): Pose => ({ ...(pose.root ? { root: { ...pose.root } } : {}), angles: { ...pose.angles } });

export function startingPose(start: StartingPose): Pose {
  return copyPose(startingPoses[start] as Pose);
}

/** A new drawing: two frames, Start and Finish, in the same starting pose, from the side. */
export function newIllustration(exerciseName: string, start: StartingPose = "standing"): Illustration {
  return {
    version: 1,
    view: { kind: "side" },
    layout: "side-by-side",
    frames: [
      { label: "Start", pose: startingPose(start) },
      { label: "Finish", pose: startingPose(start) },
    ],
    props: start === "sitting" ? [{ kind: "chair" }] : start === "standing" ? [] : [{ kind: "mat" }],
    arrows: [],
    highlights: [],
    alt: defaultAlt(exerciseName || "the exercise", 2),
  };
}

function withFrame(ill: Illustration, index: number, change: (frame: IllustrationFrame) => IllustrationFrame): Illustration {
  return { ...ill, frames: ill.frames.map((frame, i) => (i === index ? change(frame) : frame)) };
}

export function setAngle(ill: Illustration, frame: number, key: AngleKey, value: number): Illustration {
  return withFrame(ill, frame, (f) => {
    const angles = { ...f.pose.angles };
    const clamped = Math.round(clampAngle(key, value));
    if (clamped === 0) delete angles[key];
    else angles[key] = clamped;
    return { ...f, pose: { ...f.pose, angles } };
  });
}

export const rootSpecs = {
  pitch: { min: -180, max: 180, label: "whole body tips forward (+) / back (−)" },
  roll: { min: -180, max: 180, label: "whole body rolls to its right (+) / left (−)" },
  yaw: { min: -180, max: 180, label: "whole body turns to its right (+) / left (−)" },
  lift: { min: 0, max: 200, label: "whole body lifted off the floor (cm)" },
} as const;
export type RootKey = keyof typeof rootSpecs;

export function setRoot(ill: Illustration, frame: number, key: RootKey, value: number): Illustration {
  const { min, max } = rootSpecs[key];
  const clamped = Math.round(Math.min(max, Math.max(min, value)));
  return withFrame(ill, frame, (f) => {
    const root = { ...f.pose.root };
    if (clamped === 0) delete root[key];
    else root[key] = clamped;
    const { root: _old, ...rest } = f.pose;
    void _old;
    return { ...f, pose: Object.keys(root).length ? { ...rest, root } : rest };
  });
}

export function setPose(ill: Illustration, frame: number, pose: Pose): Illustration {
  return withFrame(ill, frame, (f) => ({ ...f, pose: copyPose(pose) }));
}

/** Copies a frame's pose onto the next frame, adding one (up to three) when it is the last. */
export function copyFrameToNext(ill: Illustration, index: number): Illustration {
  const source = ill.frames[index];
  if (!source) return ill;
  if (index + 1 < ill.frames.length) return setPose(ill, index + 1, source.pose);
  if (ill.frames.length >= 3) return ill;
  const frames = [...ill.frames, { label: "Finish", pose: copyPose(source.pose) }];
  // Three frames read Start, Middle, Finish.
  if (frames.length === 3 && frames[1]!.label === "Finish") frames[1] = { ...frames[1]!, label: "Middle" };
  return { ...ill, frames };
}

export function removeFrame(ill: Illustration, index: number): Illustration {
  if (ill.frames.length <= 1) return ill;
  const frames = ill.frames.filter((_, i) => i !== index);
  const last = frames.length - 1;
  const inRange = (f: number) => Math.min(f, last);
  return {
    ...ill,
    frames,
    arrows: ill.arrows.map((a) => ({ ...a, frame: inRange(a.frame) })) as Arrow[],
    highlights: ill.highlights.map((h) => (h.frame === undefined ? h : { ...h, frame: inRange(h.frame) })),
  };
}

/** Props the editor offers as on/off switches, each placed as the figure needs it. */
export const propChoices: { kind: Prop["kind"]; label: string; make: () => Prop }[] = [
  { kind: "floor", label: "Floor", make: () => ({ kind: "floor" }) },
  { kind: "mat", label: "Mat", make: () => ({ kind: "mat" }) },
  { kind: "chair", label: "Chair", make: () => ({ kind: "chair" }) },
  { kind: "wall", label: "Wall behind", make: () => ({ kind: "wall", side: "behind" }) },
  { kind: "doorway", label: "Doorway", make: () => ({ kind: "doorway" }) },
  { kind: "desk", label: "Desk or table", make: () => ({ kind: "desk" }) },
  { kind: "roller", label: "Foam roller", make: () => ({ kind: "roller", at: "midBack" }) },
  { kind: "pillow", label: "Pillow", make: () => ({ kind: "pillow", at: "head" }) },
  { kind: "band", label: "Resistance band", make: () => ({ kind: "band", from: { at: "rightHand" }, to: { at: "leftHand" } }) },
];

export function toggleProp(ill: Illustration, kind: Prop["kind"]): Illustration {
  const has = ill.props.some((p) => p.kind === kind);
  const choice = propChoices.find((c) => c.kind === kind)!;
  return { ...ill, props: has ? ill.props.filter((p) => p.kind !== kind) : [...ill.props, choice.make()] };
}

export const arrowAnchors: { at: AnchorName; label: string }[] = [
  { at: "rightHand", label: "Right hand" },
  { at: "leftHand", label: "Left hand" },
  { at: "rightElbow", label: "Right elbow" },
  { at: "leftElbow", label: "Left elbow" },
  { at: "head", label: "Head" },
  { at: "chest", label: "Chest" },
  { at: "upperBack", label: "Upper back" },
  { at: "pelvis", label: "Hips" },
  { at: "rightKnee", label: "Right knee" },
  { at: "leftKnee", label: "Left knee" },
  { at: "rightAnkle", label: "Right foot" },
  { at: "leftAnkle", label: "Left foot" },
];

/** A motion arrow on the last frame: from where the part was in the first frame to where it is now; or a turn. */
export function addArrow(ill: Illustration, kind: "straight" | "curved" | "rotation", at: AnchorName): Illustration {
  const last = ill.frames.length - 1;
  const arrow: Arrow =
    kind === "rotation"
      ? { kind: "rotation", frame: last, around: { at }, axis: "vertical", radius: 22, start: -60, sweep: 120 }
      : { kind, frame: last, from: { at, frame: 0 }, to: { at }, ...(kind === "curved" ? { bend: 0.3 } : {}) };
  if (ill.arrows.length >= 8) return ill;
  return { ...ill, arrows: [...ill.arrows, arrow] };
}

export function removeArrow(ill: Illustration, index: number): Illustration {
  return { ...ill, arrows: ill.arrows.filter((_, i) => i !== index) };
}

export function describeArrow(arrow: Arrow): string {
  const name = (at: AnchorName | undefined) => arrowAnchors.find((a) => a.at === at)?.label ?? at ?? "a point";
  if (arrow.kind === "rotation") return `Turn around the ${name(arrow.around.at).toLowerCase()}`;
  return `${arrow.kind === "curved" ? "Curved" : "Straight"} arrow: ${name(arrow.to.at).toLowerCase()} moves`;
}

/** The editor's groups of joints, in reading order. */
export const jointGroups: { title: string; keys: AngleKey[] }[] = [
  {
    title: "Spine and head",
    keys: [
      "lumbarFlex",
      "lumbarSideBend",
      "lumbarTwist",
      "thoracicFlex",
      "thoracicSideBend",
      "thoracicTwist",
      "neckFlex",
      "neckSideBend",
      "neckTurn",
      "headNod",
    ],
  },
  ...(["right", "left"] as const).flatMap((side) => [
    {
      title: `${side === "right" ? "Right" : "Left"} arm`,
      keys: ["ShoulderElevate", "ShoulderProtract", "ShoulderFlex", "ShoulderAbduct", "ShoulderRotate", "Elbow", "Wrist"].map(
        (n) => `${side}${n}` as AngleKey,
      ),
    },
    {
      title: `${side === "right" ? "Right" : "Left"} leg`,
      keys: ["HipFlex", "HipAbduct", "HipRotate", "Knee", "Ankle"].map((n) => `${side}${n}` as AngleKey),
    },
  ]),
];

/** Every joint is in one group: the editor can reach every angle the model has. */
export const groupedKeys = new Set(jointGroups.flatMap((g) => g.keys));
export const jointLabel = (key: AngleKey) => angleSpecs[key].label;
