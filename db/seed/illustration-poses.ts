import type { Side } from "@/lib/illustrations/joints";
import { posed, type StartingPose } from "@/lib/illustrations/poses";
import { reach } from "@/lib/illustrations/reach";
import { ILLUSTRATION_VERSION, type Illustration, type Pose } from "@/lib/illustrations/schema";
import { solveBody, solveUngrounded } from "@/lib/illustrations/skeleton";
import { add } from "@/lib/illustrations/vec";

/** Building blocks for the starter illustrations: recurring holds (hands on knees, on the floor, behind the head). */

type Spec = Omit<Illustration, "version" | "layout" | "props" | "arrows" | "highlights"> &
  Partial<Pick<Illustration, "layout" | "props" | "arrows" | "highlights">>;

export const make = (spec: Spec): Illustration => ({
  version: ILLUSTRATION_VERSION,
  layout: "side-by-side",
  props: [],
  arrows: [],
  highlights: [],
  ...spec,
});

export const seat = [{ kind: "chair" }, { kind: "floor" }] as const satisfies Illustration["props"];

/** Both arms crossed over the chest, each hand on the opposite shoulder. */
export function armsCrossed(pose: Pose): Pose {
  let p = reach(pose, "right", "rightHand", (a) => add(a.leftShoulder, [9, -5, 5]));
  p = reach(p, "left", "leftHand", (a) => add(a.rightShoulder, [12, -9, -5]));
  return p;
}

/** Holding the edge of the seat beside the hip. */
export function holdSeat(pose: Pose, side: Side): Pose {
  const s = side === "right" ? 1 : -1;
  return reach(pose, side, `${side}Hand`, (a) => add(a[`${side}Hip`], [4, -10, s * 15]));
}

/** Fingers laced behind the head, elbows forward. */
export function handsBehindHead(pose: Pose): Pose {
  const base = {
    ...pose,
    angles: {
      ...pose.angles,
      rightShoulderFlex: 140,
      leftShoulderFlex: 140,
      rightShoulderAbduct: 25,
      leftShoulderAbduct: 25,
      rightElbow: 130,
      leftElbow: 130,
    },
  };
  return reach(
    reach(base, "right", "rightHand", (a) => add(a.head, [-11, 0, 3])),
    "left",
    "leftHand",
    (a) => add(a.head, [-11, 0, -3]),
  );
}

/** Hands resting on the thighs, near the knees. */
export function handsOnThighs(pose: Pose): Pose {
  return reach(
    reach(pose, "right", "rightHand", (a) => add(a.rightKnee, [-4, 7, 2])),
    "left",
    "leftHand",
    (a) => add(a.leftKnee, [-4, 7, -2]),
  );
}

/** A hand on the hip, elbow out to the side: the forearm turned into the plane of the body. */
export function handOnHip(pose: Pose, side: Side): Pose {
  const s = side === "right" ? 1 : -1;
  const base = {
    ...pose,
    angles: { ...pose.angles, [`${side}ShoulderAbduct`]: 50, [`${side}Elbow`]: 110, [`${side}ShoulderRotate`]: -90 },
  };
  const onHip = reach(base, side, `${side}Wrist`, (a) => add(a[`${side}Hip`], [-2, 16, s * 19]));
  return reach(onHip, side, `${side}Elbow`, (a) => add(a[`${side}Shoulder`], [-4, -20, s * 20]), ["Elbow"]);
}

/** Hands flat on the floor under the shoulders, level with the bottom of the knees. */
export function handsToFloor(pose: Pose): Pose {
  const target = (side: Side) => (a: Record<string, readonly number[]>) =>
    [a[`${side}Shoulder`]![0]! + 2, Math.min(a.rightKnee![1]!, a.leftKnee![1]!) - 5.4 + 4, a[`${side}Shoulder`]![2]!] as [
      number,
      number,
      number,
    ];
  return reach(reach(pose, "right", "rightWrist", target("right"), ["ShoulderRotate"]), "left", "leftWrist", target("left"), [
    "ShoulderRotate",
  ]);
}

/** Fingers linked behind the back. */
export function clasped(pose: Pose): Pose {
  const p = reach(pose, "right", "rightHand", (a) => add(a.rightShoulder, [-30, -52, -14]), ["ShoulderFlex"]);
  return reach(p, "left", "leftHand", (a) => add(a.rightHand, [0, 0, -4]), ["ShoulderFlex"]);
}

/** Forearms against the door frame: elbows bent to a right angle at shoulder height, hands up. */
export const doorArms = {
  rightShoulderAbduct: 85,
  leftShoulderAbduct: 85,
  rightElbow: 90,
  leftElbow: 90,
  rightShoulderRotate: 80,
  leftShoulderRotate: 80,
} as const;

/** A wide stance: the right foot turned out and its knee bent over the ankle, the left leg straight. */
export function warriorLegs(pose: Pose): Pose {
  return {
    ...pose,
    angles: {
      ...pose.angles,
      rightHipAbduct: 38,
      rightHipRotate: 45,
      rightHipFlex: 42,
      rightKnee: 58,
      rightAnkle: 10,
      leftHipAbduct: 28,
      leftHipRotate: -10,
    },
  };
}

/** Through the doorway: one foot forward, the body leaning on, the forearms left where they were on the frame. */
export function stepThrough(): Pose {
  const before = solveUngrounded(stand(doorArms).angles).anchors;
  const shift = 14;
  let p: Pose = {
    root: { x: shift },
    angles: { ...stand(doorArms).angles, rightHipFlex: 24, rightKnee: 20, leftHipFlex: -12, rightAnkle: 2, leftAnkle: 8 },
  };
  for (const side of ["right", "left"] as const) {
    p = reach(p, side, `${side}Elbow`, add(before[`${side}Elbow`], [0, -2, 0]));
    p = reach(p, side, `${side}Hand`, add(before[`${side}Hand`], [0, -2, 0]), ["ShoulderFlex", "ShoulderAbduct"]);
  }
  return p;
}

/** Both hands holding the bent knee just below it. */
export function hugKnee(pose: Pose): Pose {
  return reach(
    reach(pose, "right", "rightHand", (a) => add(a.rightKnee, [2, 4, 4])),
    "left",
    "leftHand",
    (a) => add(a.rightKnee, [2, 4, -4]),
  );
}

/** Lying on the left side, hips and knees bent to a right angle, arms out in front with palms together. */
export function sideLying(angles: Pose["angles"] = {}): Pose {
  return starting("lying-on-side", {
    rightHipFlex: 85,
    leftHipFlex: 85,
    rightKnee: 90,
    leftKnee: 90,
    rightShoulderFlex: 90,
    leftShoulderFlex: 90,
    rightShoulderAbduct: -8,
    leftShoulderAbduct: 6,
    ...angles,
  });
}

/** Lying face down, hands flat beside the lower ribs, elbows tucked in. */
export function proneHands(pose: Pose): Pose {
  const target = (side: Side) => (a: Record<string, readonly number[]>) => {
    const s = side === "right" ? 1 : -1;
    const floor = Math.min(a.rightKnee![1]!, a.leftKnee![1]!) - 5.6 + 3.4;
    return [a.waist![0]! + 14, floor, a.waist![2]! + s * 20] as [number, number, number];
  };
  const base = {
    ...pose,
    angles: {
      ...pose.angles,
      rightShoulderFlex: -40,
      leftShoulderFlex: -40,
      rightElbow: 90,
      leftElbow: 90,
      rightWrist: -80,
      leftWrist: -80,
    },
  };
  return reach(reach(base, "right", "rightWrist", target("right")), "left", "leftWrist", target("left"));
}

/** Straight arms, hands flat on the floor under the shoulders (the toes mark the floor). */
export function straightArmsToFloor(pose: Pose): Pose {
  const target = (side: Side) => (a: Record<string, readonly number[]>) =>
    [a[`${side}Shoulder`]![0]! + 4, Math.min(a.rightToe![1]!, a.leftToe![1]!) + 1, a[`${side}Shoulder`]![2]!] as [number, number, number];
  return reach(reach(pose, "right", "rightWrist", target("right"), ["ShoulderRotate"]), "left", "leftWrist", target("left"), [
    "ShoulderRotate",
  ]);
}

/** Hands on the back of the hips, fingers down. */
export function handsOnBackOfHips(pose: Pose): Pose {
  const base = {
    ...pose,
    angles: {
      ...pose.angles,
      rightShoulderFlex: -40,
      leftShoulderFlex: -40,
      rightElbow: 80,
      leftElbow: 80,
      rightShoulderRotate: -50,
      leftShoulderRotate: -50,
    },
  };
  return reach(
    reach(base, "right", "rightHand", (a) => add(a.pelvis, [-14, 2, 10])),
    "left",
    "leftHand",
    (a) => add(a.pelvis, [-14, 2, -10]),
  );
}

/**
 * Lying back over a foam roller (7.5 cm radius, on the floor) with the feet flat and the hips lifted. The
 * angles were found by a search so that the back rests on top of the roller at `on` with the feet flat.
 */
export function onRoller(arms: (pose: Pose) => Pose, on: "midBack" | "upperBack"): Pose {
  const [tilt, hip, knee, ankle] = on === "midBack" ? [8, 46, 113, -14] : [0, 31, 104, -16];
  return arms({
    root: { pitch: -90 + tilt },
    angles: {
      rightHipFlex: hip,
      leftHipFlex: hip,
      rightKnee: knee,
      leftKnee: knee,
      rightAnkle: ankle,
      leftAnkle: ankle,
      rightHipAbduct: 6,
      leftHipAbduct: 6,
      neckFlex: 25,
    },
  });
}

/** The second pose moved along the floor so that its upper back lies where the first one's mid-back was. */
export function rolledOn(first: Pose, second: Pose): Pose {
  const shift = solveBody(first).anchors.midBack[0] - solveBody(second).anchors.upperBack[0];
  return { ...second, root: { ...second.root, x: Math.round(shift) } };
}

export const sit = (angles: Pose["angles"] = {}) => posed("sitting", angles);
export const stand = (angles: Pose["angles"] = {}) => posed("standing", angles);
export const starting = (start: StartingPose, angles: Pose["angles"] = {}) => posed(start, angles);
export const v = (x: number, y: number, z: number): [number, number, number] => [x, y, z];
