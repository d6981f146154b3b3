import { angleOf, clampAngle, type AngleKey, type Angles, type Side } from "./joints";
import type { AnchorName, Pose } from "./schema";
import { solveUngrounded } from "./skeleton";
import type { Vec3 } from "./vec";

/**
 * Inverse kinematics for one limb: finds the angles that bring a hand or foot (or elbow, knee…) to a
 * target, staying close to the pose it starts from. For authoring poses, and for dragging a handle.
 */

type Limb = "arm" | "leg";
const limbAngles: Record<Limb, string[]> = {
  arm: ["ShoulderFlex", "ShoulderAbduct", "ShoulderRotate", "Elbow"],
  leg: ["HipFlex", "HipAbduct", "HipRotate", "Knee"],
};

export type ReachTarget = Vec3 | ((anchors: Record<AnchorName, Vec3>) => Vec3);

/**
 * @param end     the anchor to move, such as "rightHand" or "leftAnkle"
 * @param target  a point in the figure's own frame (pelvis at the origin, before it is set on the floor),
 *                or a function of the pose's anchors (to reach another part of the body, or the floor
 *                level of the knees)
 * @param keep    angle names of the limb to leave as they are (e.g. ["ShoulderRotate"])
 */
export function reach(pose: Pose, side: Side, end: AnchorName, target: ReachTarget, keep: string[] = []): Pose {
  const limb: Limb = /Hand|Wrist|Elbow/.test(end) ? "arm" : "leg";
  const keys = limbAngles[limb].filter((name) => !keep.includes(name)).map((name) => `${side}${name}` as AngleKey);
  const start: Angles = { ...pose.angles };
  const angles: Angles = { ...pose.angles };
  const cost = (a: Angles) => {
    const anchors = solveUngrounded(a, pose.root).anchors;
    const goal = typeof target === "function" ? target(anchors) : target;
    const p = anchors[end];
    const miss = (p[0] - goal[0]) ** 2 + (p[1] - goal[1]) ** 2 + (p[2] - goal[2]) ** 2;
    let stray = 0;
    for (const key of keys) stray += (angleOf(a, key) - angleOf(start, key)) ** 2;
    return miss + 0.0005 * stray;
  };
  let best = cost(angles);
  for (let step = 16; step > 0.05; step /= 2) {
    for (let round = 0; round < 60; round++) {
      let improved = false;
      for (const key of keys)
        for (const dir of [1, -1]) {
          const trial = { ...angles, [key]: clampAngle(key, angleOf(angles, key) + dir * step) };
          const c = cost(trial);
          if (c < best - 1e-9) {
            best = c;
            Object.assign(angles, trial);
            improved = true;
          }
        }
      if (!improved) break;
    }
  }
  // Whole degrees (and never -0, which JSON cannot carry).
  for (const key of keys) angles[key] = Math.round(angleOf(angles, key)) || 0;
  return { ...pose, angles };
}
