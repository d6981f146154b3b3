import { angleOf, type Angles, type Side } from "./joints";
import type { AnchorName, Pose } from "./schema";
import { add, apply, bendForward, bendRight, mul, turn, type Mat3, type Vec3 } from "./vec";

/**
 * Forward kinematics: a pose (joint angles in degrees) to the figure's joints and body parts in 3-D.
 * Lengths in cm, for a figure about 173 cm tall with a slightly large, friendly head.
 */
export const BODY = {
  lumbar: 10, // hip joints → waist
  thoracic: 10, // waist → lower ribs
  neckBase: 28, // lower ribs → base of the neck
  neck: 8,
  headRadius: 12,
  hipHalfWidth: 8.5,
  clavicle: 16,
  upperArm: 29,
  forearm: 25,
  hand: 8,
  thigh: 43,
  shin: 42,
  ankleHeight: 7.5,
} as const;

/** A tapered limb segment: a sphere at each end joined by their tangents. */
export type Capsule3D = { a: Vec3; b: Vec3; ra: number; rb: number };
/** Points and spheres whose outline, seen from the camera, is one convex piece of the trunk. */
export type HullPiece3D = { points: Vec3[]; spheres: { c: Vec3; r: number }[] };

export type LimbPart = "upperArm" | "forearm" | "hand" | "thigh" | "shin" | "foot";
export type BodyPart3D =
  | { kind: "limb"; side: Side; part: LimbPart; capsule: Capsule3D }
  | { kind: "neck"; capsule: Capsule3D }
  | { kind: "trunk"; pieces: HullPiece3D[] }
  | { kind: "head"; c: Vec3; r: number; rotation: Mat3 };

export type Body3D = {
  anchors: Record<AnchorName, Vec3>;
  parts: BodyPart3D[];
  /** Body-to-world rotation of the upper trunk. */
  upperTrunk: Mat3;
  /** The direction the upper back faces (world), to tell when the back is seen. */
  backward: Vec3;
  /** Outline points of each shoulder blade on the surface of the back, right then left. */
  shoulderBlades: Vec3[][];
};

type Frame = { o: Vec3; r: Mat3 };

const at = (f: Frame, v: Vec3): Vec3 => add(f.o, apply(f.r, v));
const child = (f: Frame, offset: Vec3, rotation: Mat3): Frame => ({ o: at(f, offset), r: mul(f.r, rotation) });

const ringSamples = 12;
function ring(f: Frame, y: number, halfWidth: number, halfDepth: number, cx = 0): Vec3[] {
  const out: Vec3[] = [];
  for (let i = 0; i < ringSamples; i++) {
    const t = (i / ringSamples) * Math.PI * 2;
    out.push(at(f, [cx + halfDepth * Math.cos(t), y, halfWidth * Math.sin(t)]));
  }
  return out;
}

const sideSign = (side: Side) => (side === "right" ? 1 : -1);

/** Places the body with its pelvis over the origin and returns parts and anchors, before grounding. */
export function solveUngrounded(angles: Angles, root: Pose["root"] = {}): Body3D {
  const a = (key: Parameters<typeof angleOf>[1]) => angleOf(angles, key);
  const pelvis: Frame = {
    o: [root.x ?? 0, 0, root.z ?? 0],
    r: mul(mul(turn(root.yaw ?? 0), bendForward(root.pitch ?? 0)), bendRight(root.roll ?? 0)),
  };
  const lower = child(
    pelvis,
    [0, BODY.lumbar, 0],
    mul(mul(turn(a("lumbarTwist")), bendRight(a("lumbarSideBend"))), bendForward(a("lumbarFlex"))),
  );
  const upper = child(
    lower,
    [0, BODY.thoracic, 0],
    mul(mul(turn(a("thoracicTwist")), bendRight(a("thoracicSideBend"))), bendForward(a("thoracicFlex"))),
  );
  const neck = child(upper, [0, BODY.neckBase, 0], mul(mul(turn(a("neckTurn")), bendForward(a("neckFlex"))), bendRight(a("neckSideBend"))));
  const head = child(neck, [0, BODY.neck, 0], bendForward(a("headNod")));
  const headCentre = at(head, [1.5, 9.5, 0]);

  const parts: BodyPart3D[] = [];
  const anchors: Partial<Record<AnchorName, Vec3>> = {
    pelvis: pelvis.o,
    waist: lower.o,
    chest: at(upper, [2, 13, 0]),
    upperBack: at(upper, [-10.5, 18, 0]),
    midBack: at(upper, [-10, 5, 0]),
    lowerBack: at(lower, [-9.5, 3, 0]),
    neck: neck.o,
    head: headCentre,
  };

  const shoulderSpheres: { c: Vec3; r: number }[] = [];
  const shoulderBlades: Vec3[][] = [];
  for (const side of ["right", "left"] as const) {
    const s = sideSign(side);
    const key = <K extends string>(name: K) => `${side}${name}` as Parameters<typeof angleOf>[1];
    // The shoulder blade and collarbone carry the shoulder joint up/down and forward/back.
    const girdle = mul(turn(-s * a(key("ShoulderProtract"))), bendRight(-s * a(key("ShoulderElevate"))));
    const clavicle = apply(girdle, [0, 0, s * BODY.clavicle]);
    const shoulder = at(upper, add([0.5, 23, s * 2], clavicle));
    // The blade glides round the back with the collarbone: its centre follows the shoulder, on the back.
    const blade = add([-10.5, 14, s * 2], [Math.min(0, clavicle[0]) * 0.4, clavicle[1] * 0.9, clavicle[2] * 0.55]);
    shoulderBlades.push(
      [
        [0, 5, -s * 4],
        [0, 5.5, s * 3.5],
        [0, 1, s * 4.5],
        [0, -9, -s * 1.5],
        [0, -4, -s * 4.5],
      ].map(([x, y, z]) => at(upper, add(blade, [x!, y!, z!]))),
    );
    const arm: Frame = {
      o: shoulder,
      r: mul(
        upper.r,
        mul(mul(bendForward(-a(key("ShoulderFlex"))), bendRight(-s * a(key("ShoulderAbduct")))), turn(s * a(key("ShoulderRotate")))),
      ),
    };
    const elbowAt = at(arm, [0, -BODY.upperArm, 0]);
    const forearm: Frame = { o: elbowAt, r: mul(arm.r, bendForward(-a(key("Elbow")))) };
    const wristAt = at(forearm, [0, -BODY.forearm, 0]);
    const hand: Frame = { o: wristAt, r: mul(forearm.r, bendForward(-a(key("Wrist")))) };
    const handTip = at(hand, [0, -BODY.hand, 0]);

    const hip = at(pelvis, [0, 0, s * BODY.hipHalfWidth]);
    const thigh: Frame = {
      o: hip,
      r: mul(pelvis.r, mul(mul(bendForward(-a(key("HipFlex"))), bendRight(-s * a(key("HipAbduct")))), turn(s * a(key("HipRotate"))))),
    };
    const kneeAt = at(thigh, [0, -BODY.thigh, 0]);
    const shin: Frame = { o: kneeAt, r: mul(thigh.r, bendForward(a(key("Knee")))) };
    const ankleAt = at(shin, [0, -BODY.shin, 0]);
    const foot: Frame = { o: ankleAt, r: mul(shin.r, bendForward(-a(key("Ankle")))) };
    const heel = at(foot, [-4, -4, 0]);
    const toe = at(foot, [15, -4.5, 0]);

    Object.assign(anchors, {
      [`${side}Shoulder`]: shoulder,
      [`${side}Elbow`]: elbowAt,
      [`${side}Wrist`]: wristAt,
      [`${side}Hand`]: handTip,
      [`${side}Hip`]: hip,
      [`${side}Knee`]: kneeAt,
      [`${side}Ankle`]: ankleAt,
      [`${side}Heel`]: heel,
      [`${side}Toe`]: toe,
    });
    shoulderSpheres.push({ c: shoulder, r: 6 });
    const limb = (part: LimbPart, capsule: Capsule3D) => parts.push({ kind: "limb", side, part, capsule });
    limb("upperArm", { a: shoulder, b: elbowAt, ra: 5, rb: 4.2 });
    limb("forearm", { a: elbowAt, b: wristAt, ra: 4.1, rb: 3.3 });
    limb("hand", { a: at(hand, [0, -1.5, 0]), b: at(hand, [0, -BODY.hand + 3.6, 0]), ra: 3.6, rb: 3.6 });
    limb("thigh", { a: hip, b: kneeAt, ra: 7.6, rb: 5.6 });
    limb("shin", { a: kneeAt, b: ankleAt, ra: 5.4, rb: 3.8 });
    limb("foot", { a: heel, b: toe, ra: 3.6, rb: 3 });
  }

  const rings = [
    ring(pelvis, -7, 13.5, 10.5, -2.5),
    ring(pelvis, 4, 14.5, 11, 0),
    ring(lower, 2, 13, 10.5, 0.5),
    ring(upper, 2, 14, 11, 1),
    ring(upper, 13, 15, 12, 1.5),
    ring(upper, 23, 13, 9.5, 0),
  ];
  const pieces: HullPiece3D[] = [];
  for (let i = 0; i + 1 < rings.length; i++) pieces.push({ points: [...rings[i]!, ...rings[i + 1]!], spheres: [] });
  pieces[pieces.length - 1]!.spheres.push(...shoulderSpheres);
  parts.push({ kind: "trunk", pieces });
  parts.push({ kind: "neck", capsule: { a: at(upper, [0, 22, 0]), b: at(neck, [0.5, BODY.neck + 2, 0]), ra: 5, rb: 4.6 } });
  parts.push({ kind: "head", c: headCentre, r: BODY.headRadius, rotation: head.r });

  return {
    anchors: anchors as Record<AnchorName, Vec3>,
    parts,
    upperTrunk: upper.r,
    backward: apply(upper.r, [-1, 0, 0]),
    shoulderBlades,
  };
}

/** The lowest point of the body's surface. */
export function lowestPoint(body: Body3D): number {
  let min = Infinity;
  for (const part of body.parts) {
    if (part.kind === "limb" || part.kind === "neck") {
      const { a, b, ra, rb } = part.capsule;
      min = Math.min(min, a[1] - ra, b[1] - rb);
    } else if (part.kind === "trunk") {
      for (const piece of part.pieces) {
        for (const p of piece.points) min = Math.min(min, p[1]);
        for (const s of piece.spheres) min = Math.min(min, s.c[1] - s.r);
      }
    } else min = Math.min(min, part.c[1] - part.r);
  }
  return min;
}

function shift(body: Body3D, dy: number): Body3D {
  const d: Vec3 = [0, dy, 0];
  const move = (v: Vec3) => add(v, d);
  const moveCapsule = (c: Capsule3D): Capsule3D => ({ ...c, a: move(c.a), b: move(c.b) });
  return {
    upperTrunk: body.upperTrunk,
    backward: body.backward,
    shoulderBlades: body.shoulderBlades.map((blade) => blade.map(move)),
    anchors: Object.fromEntries(Object.entries(body.anchors).map(([k, v]) => [k, move(v)])) as Record<AnchorName, Vec3>,
    parts: body.parts.map((part): BodyPart3D => {
      switch (part.kind) {
        case "limb":
        case "neck":
          return { ...part, capsule: moveCapsule(part.capsule) };
        case "trunk":
          return {
            kind: "trunk",
            pieces: part.pieces.map((p) => ({ points: p.points.map(move), spheres: p.spheres.map((s) => ({ c: move(s.c), r: s.r })) })),
          };
        case "head":
          return { ...part, c: move(part.c) };
      }
    }),
  };
}

/**
 * Solves a pose: joint angles (clamped to their limits) to a body resting on the floor, whose top is at
 * `floorLevel` (the floor, or the top of a mat), lifted by `root.lift`.
 */
export function solveBody(pose: Pose, floorLevel = 0): Body3D {
  const body = solveUngrounded(pose.angles, pose.root);
  return shift(body, floorLevel + (pose.root?.lift ?? 0) - lowestPoint(body));
}
