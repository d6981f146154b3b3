import type { Angles } from "./joints";
import type { Pose, PoseRoot } from "./schema";

/**
 * Starting poses an author (or the editor) begins from, then adjusts joint by joint. Each is a plain
 * pose: change any angle freely.
 */
export const startingPoses = {
  standing: { angles: { rightShoulderAbduct: 4, leftShoulderAbduct: 4, rightElbow: 8, leftElbow: 8 } },
  sitting: {
    angles: {
      rightHipFlex: 90,
      leftHipFlex: 90,
      rightKnee: 90,
      leftKnee: 90,
      rightHipAbduct: 5,
      leftHipAbduct: 5,
      rightShoulderAbduct: 4,
      leftShoulderAbduct: 4,
      rightShoulderFlex: 12,
      leftShoulderFlex: 12,
      rightElbow: 40,
      leftElbow: 40,
    },
  },
  "lying-on-back": {
    root: { pitch: -90 },
    angles: {
      rightHipFlex: 45,
      leftHipFlex: 45,
      rightKnee: 90,
      leftKnee: 90,
      rightAnkle: -30,
      leftAnkle: -30,
      rightShoulderAbduct: 8,
      leftShoulderAbduct: 8,
    },
  },
  "lying-on-side": {
    root: { roll: -90 },
    angles: { rightHipFlex: 80, leftHipFlex: 80, rightKnee: 90, leftKnee: 90, rightShoulderFlex: 90, leftShoulderFlex: 90 },
  },
  "lying-on-front": {
    root: { pitch: 90 },
    angles: { rightAnkle: -45, leftAnkle: -45, neckFlex: -10, rightShoulderAbduct: 8, leftShoulderAbduct: 8 },
  },
  kneeling: {
    angles: { rightKnee: 90, leftKnee: 90, rightAnkle: -40, leftAnkle: -40, rightHipAbduct: 4, leftHipAbduct: 4 },
  },
  "hands-and-knees": {
    // The shoulders sit a little higher than the hips: arms are longer than thighs.
    root: { pitch: 76 },
    angles: {
      rightHipFlex: 76,
      leftHipFlex: 76,
      rightKnee: 90,
      leftKnee: 90,
      rightAnkle: -40,
      leftAnkle: -40,
      rightShoulderFlex: 76,
      leftShoulderFlex: 76,
      rightWrist: -80,
      leftWrist: -80,
      neckFlex: -12,
    },
  },
} as const satisfies Record<string, { root?: PoseRoot; angles: Angles }>;

export type StartingPose = keyof typeof startingPoses;

/** A starting pose with some angles (and the root) changed. */
export function posed(start: StartingPose, angles: Angles = {}, root?: PoseRoot): Pose {
  const base: { root?: PoseRoot; angles: Angles } = startingPoses[start];
  const mergedRoot = base.root || root ? { ...base.root, ...root } : undefined;
  return { ...(mergedRoot ? { root: mergedRoot } : {}), angles: { ...base.angles, ...angles } };
}
