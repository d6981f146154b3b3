import { z } from "zod";
import { angleKeys, angleSpecs, type AngleKey } from "./joints";

/**
 * An exercise illustration as JSON: what is stored with the exercise, exported and imported. Only the
 * data; `illustrationToGeometry` turns it into shapes. Lengths are in centimetres of the figure's world
 * (x forward, y up, z to the figure's right; the floor is y = 0), angles in degrees.
 */
export const ILLUSTRATION_VERSION = 1;

const centralAnchors = ["pelvis", "waist", "chest", "upperBack", "midBack", "lowerBack", "neck", "head"] as const;
const sideAnchors = ["Shoulder", "Elbow", "Wrist", "Hand", "Hip", "Knee", "Ankle", "Heel", "Toe"] as const;

/** Named points on the figure that props, arrows and highlights attach to. */
export const anchorNames = [
  ...centralAnchors,
  ...(["right", "left"] as const).flatMap((side) => sideAnchors.map((name) => `${side}${name}` as const)),
] as const;
export type AnchorName = (typeof anchorNames)[number];

const degrees = (min: number, max: number) => z.number().min(min).max(max);
const centimetres = z.number().min(-400).max(400);
const vec3 = z.tuple([centimetres, centimetres, centimetres]);

const angleValue = (key: AngleKey) => z.number().min(angleSpecs[key].min).max(angleSpecs[key].max);

export const anglesInput = z.strictObject(
  Object.fromEntries(angleKeys.map((key) => [key, angleValue(key).optional()])) as Record<AngleKey, z.ZodOptional<z.ZodNumber>>,
);

export const rootInput = z.strictObject({
  /** Tips the whole body forward (+90 is face down, −90 lying on the back). */
  pitch: degrees(-180, 180).optional(),
  /** Rolls the body toward its right side (+90 lies on the right side, −90 on the left). */
  roll: degrees(-180, 180).optional(),
  /** Turns the whole body to its right. */
  yaw: degrees(-180, 180).optional(),
  /** Moves the pelvis forward (x) or to the right (z), in cm. */
  x: centimetres.optional(),
  z: centimetres.optional(),
  /** Lifts the body off the floor, in cm (it otherwise rests on the floor or mat). */
  lift: z.number().min(0).max(200).optional(),
});

export const poseInput = z.strictObject({
  root: rootInput.optional(),
  angles: anglesInput,
});

export const viewInput = z.strictObject({
  kind: z.enum(["side", "front", "back", "above"]),
  /** Walks the camera round the figure, to the figure's right. */
  yaw: degrees(-90, 90).optional(),
  /** Raises the camera to look down (+) or up (−). */
  pitch: degrees(-60, 60).optional(),
  /** Looks from the other side: the picture flipped left to right. */
  mirror: z.boolean().optional(),
});

export const pointRef = z.strictObject({
  at: z.enum(anchorNames).optional(),
  /** Added to the anchor (or to the floor under the pelvis when there is no anchor), in world cm. */
  offset: vec3.optional(),
  /** For arrows: the frame whose pose the anchor is read from (the arrow's own frame by default). */
  frame: z.number().int().min(0).max(2).optional(),
});

export const propInput = z.discriminatedUnion("kind", [
  z.strictObject({ kind: z.literal("floor") }),
  z.strictObject({ kind: z.literal("mat") }),
  z.strictObject({
    kind: z.literal("chair"),
    /** Height of the backrest above the seat in cm (0: a stool). */
    backHeight: z.number().min(0).max(80).optional(),
    /** The backrest touches the back (leaning on it), instead of standing behind a figure sitting forward. */
    against: z.boolean().optional(),
  }),
  z.strictObject({
    kind: z.literal("wall"),
    side: z.enum(["behind", "front", "left", "right"]),
    /** Space between the wall and the figure, in cm. */
    gap: z.number().min(0).max(200).optional(),
  }),
  z.strictObject({ kind: z.literal("roller"), at: z.enum(anchorNames) }),
  z.strictObject({ kind: z.literal("doorway") }),
  z.strictObject({
    kind: z.literal("desk"),
    height: z.number().min(40).max(120).optional(),
    gap: z.number().min(0).max(100).optional(),
  }),
  z.strictObject({ kind: z.literal("band"), from: pointRef, to: pointRef }),
  z.strictObject({
    kind: z.literal("pillow"),
    at: z.enum(anchorNames),
    /** A pillow, or a flat folded towel. */
    size: z.enum(["pillow", "towel"]).optional(),
  }),
]);

export const frameInput = z.strictObject({
  /** Shown under the frame: "Start", "Finish", … */
  label: z.string().trim().max(24).optional(),
  pose: poseInput,
  /** Props for this frame only, instead of the illustration's. */
  props: z.array(propInput).max(12).optional(),
});

export const arrowInput = z.discriminatedUnion("kind", [
  z.strictObject({
    kind: z.enum(["straight", "curved"]),
    /** The frame the arrow is drawn on. */
    frame: z.number().int().min(0).max(2),
    from: pointRef,
    to: pointRef,
    /** Curved arrows: how far the middle bows out, as a share of the length; negative bows the other way. */
    bend: z.number().min(-1).max(1).optional(),
  }),
  z.strictObject({
    kind: z.literal("rotation"),
    frame: z.number().int().min(0).max(2),
    around: pointRef,
    /** The axis the arrow turns about: vertical (a twist), forward (a side bend) or lateral (a nod). */
    axis: z.enum(["vertical", "forward", "lateral"]),
    radius: z.number().min(2).max(120),
    /** Where the arc starts, in degrees round the axis, and how far it goes (sign = direction). */
    start: degrees(-360, 360),
    sweep: degrees(-340, 340),
  }),
]);

export const highlightInput = z.strictObject({
  /** The frame it is drawn on (the last by default). */
  frame: z.number().int().min(0).max(2).optional(),
  at: pointRef,
  radius: z.number().min(2).max(40),
});

export const illustrationInput = z
  .strictObject({
    version: z.literal(ILLUSTRATION_VERSION),
    view: viewInput,
    /** Frames next to each other, or in one picture with the later frames drawn faint. */
    layout: z.enum(["side-by-side", "overlay"]),
    frames: z.array(frameInput).min(1).max(3),
    props: z.array(propInput).max(12),
    arrows: z.array(arrowInput).max(8),
    highlights: z.array(highlightInput).max(4),
    /** The side the figure works as drawn; a dose for the other side mirrors it. */
    drawnSide: z.enum(["left", "right"]).optional(),
    alt: z.string().trim().max(300),
    /** Show the exercise's uploaded photo as its main picture instead of this drawing (when it has one). */
    photoFirst: z.boolean().optional(),
  })
  .superRefine((value, ctx) => {
    const frameCount = value.frames.length;
    const check = (frame: number | undefined, path: (string | number)[]) => {
      if (frame !== undefined && frame >= frameCount) ctx.addIssue({ code: "custom", path, message: `There is no frame ${frame + 1}.` });
    };
    value.arrows.forEach((arrow, i) => {
      check(arrow.frame, ["arrows", i, "frame"]);
      if (arrow.kind === "rotation") check(arrow.around.frame, ["arrows", i, "around", "frame"]);
      else {
        check(arrow.from.frame, ["arrows", i, "from", "frame"]);
        check(arrow.to.frame, ["arrows", i, "to", "frame"]);
      }
    });
    value.highlights.forEach((h, i) => check(h.frame, ["highlights", i, "frame"]));
  });

export type Illustration = z.infer<typeof illustrationInput>;
export type IllustrationFrame = z.infer<typeof frameInput>;
export type Pose = z.infer<typeof poseInput>;
export type PoseRoot = z.infer<typeof rootInput>;
export type View = z.infer<typeof viewInput>;
export type Prop = z.infer<typeof propInput>;
export type Arrow = z.infer<typeof arrowInput>;
export type Highlight = z.infer<typeof highlightInput>;
export type PointRef = z.infer<typeof pointRef>;
