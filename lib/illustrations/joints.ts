/**
 * The figure's joint angles: their names, what a positive value means, and their limits, in degrees.
 * A pose stores only the angles that are not zero; zero everywhere is standing tall, arms by the sides,
 * palms facing the thighs, looking straight ahead. Every angle is clamped to its limits before drawing.
 */

export type Side = "left" | "right";

const sideAngleSpecs = {
  ShoulderElevate: { min: -10, max: 35, label: "shoulder blade up (+) / down (−)" },
  ShoulderProtract: { min: -25, max: 25, label: "shoulder blade forward (+) / back (−)" },
  ShoulderFlex: { min: -60, max: 180, label: "arm forward and up (+) / back (−)" },
  ShoulderAbduct: { min: -45, max: 180, label: "arm out to the side (+) / across the body (−)" },
  ShoulderRotate: { min: -90, max: 90, label: "arm turned out (+) / in (−)" },
  Elbow: { min: 0, max: 150, label: "elbow bend" },
  Wrist: { min: -90, max: 80, label: "wrist bent toward the palm (+) / back (−)" },
  HipFlex: { min: -30, max: 135, label: "thigh forward (+) / back (−)" },
  HipAbduct: { min: -30, max: 50, label: "thigh out to the side (+) / across (−)" },
  HipRotate: { min: -45, max: 45, label: "thigh turned out (+) / in (−)" },
  Knee: { min: 0, max: 155, label: "knee bend" },
  Ankle: { min: -50, max: 30, label: "toes up (+) / pointed (−)" },
} as const;

const centralAngleSpecs = {
  lumbarFlex: { min: -30, max: 60, label: "lower back rounds forward (+) / arches (−)" },
  lumbarSideBend: { min: -30, max: 30, label: "lower back bends to the right (+) / left (−)" },
  lumbarTwist: { min: -15, max: 15, label: "lower back turns to the right (+) / left (−)" },
  thoracicFlex: { min: -35, max: 50, label: "upper back rounds forward (+) / arches (−)" },
  thoracicSideBend: { min: -35, max: 35, label: "upper back bends to the right (+) / left (−)" },
  thoracicTwist: { min: -50, max: 50, label: "upper back turns to the right (+) / left (−)" },
  neckFlex: { min: -60, max: 60, label: "chin down (+) / head back (−)" },
  neckSideBend: { min: -45, max: 45, label: "ear toward the right shoulder (+) / left (−)" },
  neckTurn: { min: -80, max: 80, label: "head turns to the right (+) / left (−)" },
  headNod: { min: -30, max: 30, label: "nod down (+) / up (−)" },
} as const;

type SideAngleName = keyof typeof sideAngleSpecs;
export type AngleKey = keyof typeof centralAngleSpecs | `${Side}${SideAngleName}`;

export type AngleSpec = { min: number; max: number; label: string };

export const sideAngleNames = Object.keys(sideAngleSpecs) as SideAngleName[];

/** Every angle with its limits (degrees) and a plain description, in a stable order for an editor. */
export const angleSpecs: Readonly<Record<AngleKey, AngleSpec>> = Object.fromEntries([
  ...Object.entries(centralAngleSpecs),
  ...(["right", "left"] as const).flatMap((side) =>
    Object.entries(sideAngleSpecs).map(([name, spec]) => [`${side}${name}`, { ...spec, label: `${side} ${spec.label}` }]),
  ),
]) as Record<AngleKey, AngleSpec>;

export const angleKeys = Object.keys(angleSpecs) as AngleKey[];

export type Angles = Partial<Record<AngleKey, number>>;

/** Clamps one angle to its limits. */
export function clampAngle(key: AngleKey, value: number): number {
  const { min, max } = angleSpecs[key];
  return Math.min(max, Math.max(min, value));
}

/** Reads an angle, clamped, with zero for a missing one. */
export function angleOf(angles: Angles, key: AngleKey): number {
  const value = angles[key];
  return value === undefined || !Number.isFinite(value) ? 0 : clampAngle(key, value);
}

/** Angles that point to one side: mirrored, they change sign. */
const lateralKeys = new Set<AngleKey>(["lumbarSideBend", "lumbarTwist", "thoracicSideBend", "thoracicTwist", "neckSideBend", "neckTurn"]);

/** The same pose done to the other side: left and right limbs swap, side bends and turns change sign. */
export function mirrorAngles(angles: Angles): Angles {
  const out: Angles = {};
  for (const [key, value] of Object.entries(angles) as [AngleKey, number][]) {
    if (key.startsWith("right")) out[`left${key.slice(5)}` as AngleKey] = value;
    else if (key.startsWith("left")) out[`right${key.slice(4)}` as AngleKey] = value;
    else out[key] = lateralKeys.has(key) && value !== 0 ? -value : value;
  }
  return out;
}
