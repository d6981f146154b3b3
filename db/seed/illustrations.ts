import { add } from "@/lib/illustrations/vec";
import { posed } from "@/lib/illustrations/poses";
import { reach } from "@/lib/illustrations/reach";
import type { Illustration } from "@/lib/illustrations/schema";
import {
  armsCrossed,
  clasped,
  doorArms,
  handOnHip,
  handsBehindHead,
  handsOnBackOfHips,
  handsOnThighs,
  handsToFloor,
  holdSeat,
  hugKnee,
  make,
  onRoller,
  proneHands,
  rolledOn,
  seat,
  sideLying,
  sit,
  stand,
  starting,
  stepThrough,
  straightArmsToFloor,
  v,
  warriorLegs,
} from "./illustration-poses";

/**
 * An illustration for every starter exercise, keyed by the exercise's seed `key` (db/seed/exercises.ts).
 * Exercises done to one side are drawn for the side named in `drawnSide`; a dose for the other side
 * mirrors the picture. Poses start from a starting pose and change a few joints; `reach` places hands
 * and feet on targets (a knee, the seat, the floor) so that contacts are exact.
 */

export const starterIllustrations: Record<string, Illustration> = {
  "neck-rolls": make({
    view: { kind: "front" },
    frames: [
      { label: "To the right", pose: sit({ neckFlex: 22, neckSideBend: 32, neckTurn: 8 }) },
      { label: "Chin down", pose: sit({ neckFlex: 40 }) },
      { label: "To the left", pose: sit({ neckFlex: 22, neckSideBend: -32, neckTurn: -8 }) },
    ],
    props: [...seat],
    arrows: [
      { kind: "rotation", frame: 1, around: { at: "neck", offset: v(8, 6, 0) }, axis: "forward", radius: 20, start: 120, sweep: 120 },
    ],
    alt: "Neck Rolls: sitting tall, the head rolls slowly in a half-circle in front, from the right shoulder, through chin down, to the left shoulder.",
  }),
  "shoulder-rolls": make({
    view: { kind: "side", yaw: -30 },
    frames: [
      {
        label: "Up",
        pose: sit({
          rightShoulderElevate: 30,
          leftShoulderElevate: 30,
          rightShoulderFlex: 0,
          leftShoulderFlex: 0,
          rightElbow: 10,
          leftElbow: 10,
        }),
      },
      {
        label: "Back and down",
        pose: sit({
          rightShoulderElevate: -8,
          leftShoulderElevate: -8,
          rightShoulderProtract: -22,
          leftShoulderProtract: -22,
          rightShoulderFlex: 0,
          leftShoulderFlex: 0,
          rightElbow: 10,
          leftElbow: 10,
        }),
      },
    ],
    props: [...seat],
    arrows: [
      {
        kind: "rotation",
        frame: 0,
        around: { at: "rightShoulder", offset: v(0, 0, 6) },
        axis: "lateral",
        radius: 11,
        start: 80,
        sweep: -290,
      },
    ],
    alt: "Shoulder Rolls: sitting upright with the arms hanging, both shoulders lift toward the ears, draw back and drop down in slow circles.",
  }),
  "arm-circles": make({
    view: { kind: "front", yaw: -25, pitch: 8 },
    frames: [{ pose: stand({ rightShoulderAbduct: 90, leftShoulderAbduct: 90, rightElbow: 0, leftElbow: 0 }) }],
    props: [{ kind: "floor" }],
    arrows: [
      { kind: "rotation", frame: 0, around: { at: "rightHand" }, axis: "lateral", radius: 11, start: 200, sweep: 280 },
      { kind: "rotation", frame: 0, around: { at: "leftHand" }, axis: "lateral", radius: 11, start: 200, sweep: 280 },
    ],
    alt: "Arm Circles: standing with both arms straight out to the sides at shoulder height, the hands draw small circles.",
  }),
  "overhead-arm-reach": make({
    view: { kind: "front" },
    frames: [
      { label: "Start", pose: stand() },
      { label: "Reach up", pose: stand({ rightShoulderAbduct: 172, rightElbow: 0, rightShoulderElevate: 12, thoracicSideBend: -4 }) },
    ],
    props: [{ kind: "floor" }],
    arrows: [
      { kind: "straight", frame: 1, from: { at: "rightHand", offset: v(0, -30, 12) }, to: { at: "rightHand", offset: v(0, 6, 12) } },
    ],
    highlights: [{ at: { at: "waist", offset: v(0, 10, 16) }, radius: 10 }],
    drawnSide: "right",
    alt: "Overhead Arm Reach: standing tall, one arm reaches straight up toward the ceiling while the other stays by the side; then the arms take turns.",
  }),
  "seated-chair-rotation": make({
    view: { kind: "front", pitch: 35 },
    frames: [
      { label: "Start", pose: armsCrossed(sit()) },
      { label: "Turn", pose: armsCrossed(sit({ thoracicTwist: 50, lumbarTwist: 12, neckTurn: 30 })) },
    ],
    props: [...seat],
    arrows: [
      { kind: "rotation", frame: 1, around: { at: "chest", offset: v(0, 22, 0) }, axis: "vertical", radius: 30, start: -20, sweep: 70 },
    ],
    drawnSide: "right",
    alt: "Seated Chair Rotation: sitting with arms crossed over the chest and knees facing forward, the upper body turns to one side.",
  }),
  "side-to-side-head-tilt": make({
    view: { kind: "front" },
    frames: [
      { label: "Tilt right", pose: sit({ neckSideBend: 35 }) },
      { label: "Tilt left", pose: sit({ neckSideBend: -35 }) },
    ],
    props: [...seat],
    arrows: [
      { kind: "rotation", frame: 0, around: { at: "neck" }, axis: "forward", radius: 34, start: -10, sweep: 40 },
      { kind: "rotation", frame: 1, around: { at: "neck" }, axis: "forward", radius: 34, start: 10, sweep: -40 },
    ],
    alt: "Side-to-Side Head Tilt: sitting upright with the face forward, the head tips one ear toward the shoulder on that side, then to the other side.",
  }),
  "upper-trapezius-stretch": make({
    view: { kind: "front" },
    frames: [
      {
        label: "Stretch",
        pose: holdSeat(
          reach(sit({ neckSideBend: -38, leftShoulderAbduct: 120 }), "left", "leftHand", (a) => add(a.head, [2, 9, 6])),
          "right",
        ),
      },
    ],
    props: [...seat],
    highlights: [{ at: { at: "neck", offset: v(0, 2, 9) }, radius: 8 }],
    drawnSide: "right",
    alt: "Upper Trapezius Stretch: sitting tall, one hand holds the seat edge while the other rests on top of the head and the head tips away, stretching the side of the neck.",
  }),
  "levator-scapulae-stretch": make({
    view: { kind: "front", yaw: 25, pitch: 10 },
    frames: [
      {
        label: "Stretch",
        pose: holdSeat(
          reach(sit({ neckTurn: -42, neckFlex: 40, leftShoulderAbduct: 110, leftShoulderFlex: 60 }), "left", "leftHand", (a) =>
            add(a.head, [-8, 8, 0]),
          ),
          "right",
        ),
      },
    ],
    props: [...seat],
    highlights: [{ at: { at: "rightShoulder", offset: v(-6, 6, -8) }, radius: 8 }],
    drawnSide: "right",
    alt: "Levator Scapulae Stretch: sitting tall and holding the seat, the head turns halfway to the other side and the chin drops toward that armpit, a hand resting on the back of the head.",
  }),
  "neck-flexion-stretch": make({
    view: { kind: "front" },
    frames: [
      { label: "Right · hold 10 s", pose: sit({ neckSideBend: 32, rightShoulderFlex: 20, leftShoulderFlex: 20 }) },
      { label: "Left · hold 10 s", pose: sit({ neckSideBend: -32, rightShoulderFlex: 20, leftShoulderFlex: 20 }) },
    ],
    props: [...seat, { kind: "desk" }],
    highlights: [
      { frame: 0, at: { at: "neck", offset: v(0, 3, -9) }, radius: 7 },
      { frame: 1, at: { at: "neck", offset: v(0, 3, 9) }, radius: 7 },
    ],
    alt: "Neck Flexion Stretch: sitting at a desk, the head tips toward the right shoulder and holds, then toward the left, stretching the opposite side of the neck.",
  }),
  "scapular-retraction": make({
    view: { kind: "back" },
    frames: [
      { label: "Relaxed", pose: sit() },
      {
        label: "Squeeze",
        pose: sit({
          rightShoulderProtract: -24,
          leftShoulderProtract: -24,
          rightShoulderElevate: -6,
          leftShoulderElevate: -6,
          rightShoulderFlex: -5,
          leftShoulderFlex: -5,
        }),
      },
    ],
    props: [...seat],
    arrows: [
      { kind: "straight", frame: 1, from: { at: "rightShoulder", offset: v(-12, -4, 2) }, to: { at: "upperBack", offset: v(-4, -2, 6) } },
      { kind: "straight", frame: 1, from: { at: "leftShoulder", offset: v(-12, -4, -2) }, to: { at: "upperBack", offset: v(-4, -2, -6) } },
    ],
    highlights: [{ frame: 1, at: { at: "upperBack", offset: v(-2, -2, 0) }, radius: 9 }],
    alt: "Scapular Retraction: sitting tall, seen from behind, the shoulder blades squeeze back and slightly down toward each other and hold.",
  }),
  "thoracic-extension-over-chair": make({
    view: { kind: "side" },
    frames: [
      { label: "Start", pose: handsBehindHead(sit()) },
      { label: "Lean back", pose: handsBehindHead(sit({ thoracicFlex: -32, lumbarFlex: -6, neckFlex: 8 })) },
    ],
    props: [{ kind: "chair", backHeight: 30, against: true }, { kind: "floor" }],
    arrows: [
      {
        kind: "curved",
        frame: 1,
        from: { at: "head", frame: 0, offset: v(0, 18, 0) },
        to: { at: "head", offset: v(-4, 18, 0) },
        bend: 0.3,
      },
    ],
    highlights: [{ frame: 1, at: { at: "upperBack" }, radius: 9 }],
    alt: "Thoracic Extension Over a Chair: sitting with hands behind the head, the upper back leans back over the top of the backrest so the chest lifts.",
  }),
  "desk-cat-cow": make({
    view: { kind: "side" },
    frames: [
      {
        label: "Arch · breathe in",
        pose: handsOnThighs(
          posed(
            "sitting",
            {
              rightHipFlex: 120,
              leftHipFlex: 120,
              thoracicFlex: -14,
              lumbarFlex: -14,
              neckFlex: -14,
              rightShoulderProtract: -15,
              leftShoulderProtract: -15,
            },
            { pitch: 30 },
          ),
        ),
      },
      {
        label: "Round · breathe out",
        pose: handsOnThighs(
          posed(
            "sitting",
            {
              rightHipFlex: 80,
              leftHipFlex: 80,
              thoracicFlex: 34,
              lumbarFlex: 18,
              neckFlex: 38,
              rightShoulderProtract: 18,
              leftShoulderProtract: 18,
            },
            { pitch: -10 },
          ),
        ),
      },
    ],
    props: [...seat],
    highlights: [{ frame: 1, at: { at: "upperBack" }, radius: 9 }],
    alt: "Desk Cat-Cow: sitting with hands on the thighs, the back arches with the chest lifting forward, then rounds with the chin dropping toward the chest.",
  }),
  "seated-spinal-twist": make({
    view: { kind: "front", yaw: -30, pitch: 20 },
    frames: [
      {
        label: "Turn and hold",
        pose: reach(
          reach(sit({ thoracicTwist: -45, lumbarTwist: -10, neckTurn: -30 }), "right", "rightHand", (a) => add(a.leftKnee, [-4, 2, -7])),
          "left",
          "leftHand",
          (a) => add(a.leftHip, [-22, 4, -6]),
        ),
      },
    ],
    props: [...seat],
    arrows: [
      { kind: "rotation", frame: 0, around: { at: "chest", offset: v(0, 20, 0) }, axis: "vertical", radius: 30, start: 20, sweep: -70 },
    ],
    drawnSide: "left",
    alt: "Seated Spinal Twist: sitting tall with the knees forward, one hand on the outside of the opposite knee, the upper body turns toward that side, the other hand on the seat behind.",
  }),
  "seated-row": make({
    view: { kind: "side" },
    frames: [
      { label: "Arms forward", pose: sit({ rightShoulderFlex: 82, leftShoulderFlex: 82, rightElbow: 0, leftElbow: 0 }) },
      {
        label: "Pull back",
        pose: sit({
          rightShoulderFlex: -30,
          leftShoulderFlex: -30,
          rightElbow: 105,
          leftElbow: 105,
          rightShoulderProtract: -20,
          leftShoulderProtract: -20,
        }),
      },
    ],
    props: [
      ...seat,
      { kind: "wall", side: "front", gap: 22 },
      { kind: "band", from: { at: "rightHand" }, to: { offset: v(95, 92, 0) } },
      { kind: "band", from: { at: "leftHand" }, to: { offset: v(95, 92, 0) } },
    ],
    arrows: [
      {
        kind: "straight",
        frame: 1,
        from: { at: "rightHand", frame: 0, offset: v(-10, 8, 0) },
        to: { at: "rightHand", offset: v(6, 8, 0) },
      },
    ],
    highlights: [{ frame: 1, at: { at: "upperBack" }, radius: 9 }],
    alt: "Seated Row: sitting tall facing a band fixed at chest height, the arms pull the band back, elbows close to the sides, squeezing the shoulder blades.",
  }),
  "overhead-side-reach": make({
    view: { kind: "front" },
    frames: [
      { label: "Reach up", pose: handOnHip(stand({ rightShoulderAbduct: 170, rightElbow: 5 }), "left") },
      {
        label: "Lean over",
        pose: handOnHip(
          stand({
            rightShoulderAbduct: 175,
            rightElbow: 8,
            rightShoulderElevate: 10,
            lumbarSideBend: -10,
            thoracicSideBend: -24,
            neckSideBend: -6,
          }),
          "left",
        ),
      },
    ],
    props: [{ kind: "floor" }],
    arrows: [
      {
        kind: "curved",
        frame: 1,
        from: { at: "rightHand", frame: 0, offset: v(10, 4, 0) },
        to: { at: "rightHand", offset: v(10, 4, -4) },
        bend: -0.25,
      },
    ],
    highlights: [{ frame: 1, at: { at: "waist", offset: v(0, 12, 15) }, radius: 10 }],
    drawnSide: "right",
    alt: "Overhead Side Reach: standing, one arm reaches straight up with the other hand on the hip, then the body leans to the side away from the raised arm, stretching along that side.",
  }),
  "behind-back-clasp-chest-opener": make({
    view: { kind: "side" },
    frames: [
      { label: "Hands clasped", pose: clasped(stand({ rightShoulderFlex: -28, leftShoulderFlex: -28 })) },
      {
        label: "Lift and open",
        pose: clasped(
          stand({ rightShoulderFlex: -52, leftShoulderFlex: -52, rightShoulderProtract: -20, leftShoulderProtract: -20, thoracicFlex: -6 }),
        ),
      },
    ],
    props: [{ kind: "floor" }],
    arrows: [
      {
        kind: "curved",
        frame: 1,
        from: { at: "rightHand", frame: 0, offset: v(-8, -2, 0) },
        to: { at: "rightHand", offset: v(-8, -4, 0) },
        bend: -0.3,
      },
    ],
    highlights: [{ frame: 1, at: { at: "chest", offset: v(11, 6, 8) }, radius: 9 }],
    alt: "Behind-the-Back Clasp Chest Opener: standing tall with the fingers linked behind the back, the straight arms lift a little away from the back, opening the chest.",
  }),
  "doorway-chest-stretch": make({
    view: { kind: "side", yaw: -35, pitch: 8 },
    frames: [
      { label: "Arms on the frame", pose: stand(doorArms) },
      { label: "Step through", pose: stepThrough() },
    ],
    props: [{ kind: "doorway" }, { kind: "floor" }],
    arrows: [{ kind: "straight", frame: 1, from: { at: "chest", frame: 0, offset: v(6, 0, 0) }, to: { at: "chest", offset: v(22, 0, 0) } }],
    highlights: [{ frame: 1, at: { at: "chest", offset: v(11, 4, 8) }, radius: 9 }],
    drawnSide: "right",
    alt: "Doorway Chest Stretch: standing in a doorway with the forearms on the frame and elbows bent at shoulder height, one foot steps forward and the body leans through, stretching the chest.",
  }),
  "wall-angels": make({
    view: { kind: "front" },
    frames: [
      {
        label: "W",
        pose: stand({
          rightShoulderAbduct: 85,
          leftShoulderAbduct: 85,
          rightElbow: 90,
          leftElbow: 90,
          rightShoulderRotate: 85,
          leftShoulderRotate: 85,
          rightHipAbduct: 6,
          leftHipAbduct: 6,
        }),
      },
      {
        label: "Y",
        pose: stand({
          rightShoulderAbduct: 150,
          leftShoulderAbduct: 150,
          rightElbow: 15,
          leftElbow: 15,
          rightShoulderRotate: 85,
          leftShoulderRotate: 85,
          rightHipAbduct: 6,
          leftHipAbduct: 6,
        }),
      },
    ],
    props: [{ kind: "wall", side: "behind" }, { kind: "floor" }],
    arrows: [
      { kind: "straight", frame: 0, from: { at: "rightHand", offset: v(0, 6, 0) }, to: { at: "rightHand", frame: 1, offset: v(0, -4, 0) } },
      { kind: "straight", frame: 0, from: { at: "leftHand", offset: v(0, 6, 0) }, to: { at: "leftHand", frame: 1, offset: v(0, -4, 0) } },
    ],
    alt: "Wall Angels: standing with the back against a wall, the arms slide up the wall from a W shape, elbows bent at shoulder height, to a Y shape above the head.",
  }),
  "scapular-clocks": make({
    view: { kind: "back" },
    frames: [{ label: "Up, down, back, forward", pose: stand({ rightShoulderAbduct: 88, rightElbow: 4, rightWrist: -70 }) }],
    props: [{ kind: "wall", side: "right", gap: 0 }, { kind: "floor" }],
    arrows: [
      ...(
        [
          [0, 1, 0],
          [0, -1, 0],
          [0, 0, -1],
          [0, 0, 1],
        ] as const
      ).map(([, y, z]) => ({
        kind: "straight" as const,
        frame: 0,
        from: { at: "rightShoulder" as const, offset: v(-12, -10 + y * 4, -8 + z * 4) },
        to: { at: "rightShoulder" as const, offset: v(-12, -10 + y * 40, -8 + z * 36) },
      })),
    ],
    drawnSide: "right",
    alt: "Scapular Clocks: standing side-on to a wall with the palm flat on it at shoulder height, seen from behind, the shoulder blade moves up, down, back toward the spine and forward, like the hands of a clock.",
  }),
  "reverse-fly": make({
    view: { kind: "front", yaw: -55, pitch: 20 },
    frames: [
      {
        label: "Arms forward",
        pose: stand({
          rightShoulderFlex: 88,
          leftShoulderFlex: 88,
          rightShoulderAbduct: -8,
          leftShoulderAbduct: -8,
          rightElbow: 5,
          leftElbow: 5,
        }),
      },
      {
        label: "Pull apart",
        pose: stand({
          rightShoulderFlex: 88,
          leftShoulderFlex: 88,
          rightShoulderAbduct: 88,
          leftShoulderAbduct: 88,
          rightElbow: 5,
          leftElbow: 5,
          rightShoulderProtract: -20,
          leftShoulderProtract: -20,
        }),
      },
    ],
    props: [{ kind: "floor" }, { kind: "band", from: { at: "rightHand" }, to: { at: "leftHand" } }],
    arrows: [
      {
        kind: "curved",
        frame: 1,
        from: { at: "rightHand", frame: 0, offset: v(0, 8, 0) },
        to: { at: "rightHand", offset: v(0, 8, 0) },
        bend: 0.25,
      },
      {
        kind: "curved",
        frame: 1,
        from: { at: "leftHand", frame: 0, offset: v(0, 8, 0) },
        to: { at: "leftHand", offset: v(0, 8, 0) },
        bend: -0.25,
      },
    ],
    highlights: [{ frame: 1, at: { at: "upperBack" }, radius: 10 }],
    alt: "Reverse Fly: standing with a resistance band held in both hands, arms straight out in front at shoulder height, the arms draw out to the sides, stretching the band.",
  }),
  "reverse-warrior": make({
    view: { kind: "front" },
    frames: [
      {
        label: "Warrior",
        pose: warriorLegs(stand({ rightShoulderAbduct: 90, leftShoulderAbduct: 90, rightElbow: 0, leftElbow: 0, neckTurn: 40 })),
      },
      {
        label: "Reverse",
        pose: reach(
          warriorLegs(
            stand({ rightShoulderAbduct: 165, rightElbow: 8, lumbarSideBend: -8, thoracicSideBend: -22, neckSideBend: -8, neckTurn: 10 }),
          ),
          "left",
          "leftHand",
          (a) => add(a.leftKnee, [-6, 12, 0]),
        ),
      },
    ],
    props: [{ kind: "floor" }],
    arrows: [
      {
        kind: "curved",
        frame: 1,
        from: { at: "rightHand", frame: 0, offset: v(0, 8, 0) },
        to: { at: "rightHand", offset: v(0, 8, -6) },
        bend: -0.3,
      },
    ],
    highlights: [{ frame: 1, at: { at: "waist", offset: v(0, 12, 15) }, radius: 10 }],
    drawnSide: "right",
    alt: "Reverse Warrior: a wide stance with the front knee bent over the ankle and the arms out at shoulder height, then the front arm lifts up and back overhead while the other hand slides down the back leg.",
  }),
  "knee-to-chest": make({
    view: { kind: "side" },
    frames: [
      { label: "Start", pose: starting("lying-on-back") },
      { label: "Hug the knee", pose: hugKnee(starting("lying-on-back", { rightHipFlex: 125, rightKnee: 125, rightAnkle: 0 })) },
    ],
    props: [{ kind: "mat" }],
    arrows: [
      {
        kind: "curved",
        frame: 1,
        from: { at: "rightKnee", frame: 0, offset: v(2, 8, 0) },
        to: { at: "rightKnee", offset: v(4, 10, 0) },
        bend: -0.35,
      },
    ],
    highlights: [{ frame: 1, at: { at: "lowerBack", offset: v(0, 2, 0) }, radius: 9 }],
    drawnSide: "right",
    alt: "Knee to Chest: lying on the back with both knees bent, one knee is drawn up toward the chest and held with both hands just below the knee.",
  }),
  "cat-cow": make({
    view: { kind: "side" },
    frames: [
      {
        label: "Cow · breathe in",
        pose: handsToFloor(
          posed(
            "hands-and-knees",
            {
              rightHipFlex: 100,
              leftHipFlex: 100,
              lumbarFlex: -16,
              thoracicFlex: -10,
              neckFlex: -30,
              rightShoulderFlex: 74,
              leftShoulderFlex: 74,
            },
            { pitch: 100 },
          ),
        ),
      },
      {
        label: "Cat · breathe out",
        pose: handsToFloor(
          posed(
            "hands-and-knees",
            {
              rightHipFlex: 62,
              leftHipFlex: 62,
              lumbarFlex: 20,
              thoracicFlex: 32,
              neckFlex: 45,
              rightShoulderFlex: 114,
              leftShoulderFlex: 114,
            },
            { pitch: 62 },
          ),
        ),
      },
    ],
    props: [{ kind: "mat" }],
    arrows: [
      { kind: "straight", frame: 0, from: { at: "midBack", offset: v(0, 30, 0) }, to: { at: "midBack", offset: v(0, 8, 0) } },
      { kind: "straight", frame: 1, from: { at: "midBack", offset: v(0, 8, 0) }, to: { at: "midBack", offset: v(0, 30, 0) } },
    ],
    alt: "Cat-Cow: on hands and knees, the back sinks into an arch with the chest and head lifting, then rounds up toward the ceiling with the chin toward the chest.",
  }),
  "open-book-rotation": make({
    view: { kind: "above" },
    frames: [
      { label: "Arms together", pose: sideLying() },
      {
        label: "Open the book",
        pose: sideLying({
          thoracicTwist: 40,
          lumbarTwist: 8,
          neckTurn: 45,
          rightShoulderAbduct: 175,
          rightShoulderFlex: 90,
          rightElbow: 6,
        }),
      },
    ],
    props: [{ kind: "mat" }, { kind: "pillow", at: "head" }],
    arrows: [{ kind: "curved", frame: 1, from: { at: "rightHand", frame: 0 }, to: { at: "rightHand" }, bend: 0.45 }],
    highlights: [{ frame: 1, at: { at: "chest" }, radius: 10 }],
    drawnSide: "right",
    alt: "Open Book Rotation: lying on one side with hips and knees bent and the arms out in front, the top arm sweeps up and over to the other side, turning the chest toward the ceiling.",
  }),
  "prone-shoulder-extension": make({
    view: { kind: "side" },
    frames: [
      { label: "Arms by the sides", pose: starting("lying-on-front", { rightShoulderAbduct: 6, leftShoulderAbduct: 6, neckFlex: 5 }) },
      {
        label: "Lift",
        pose: starting("lying-on-front", {
          rightShoulderFlex: -25,
          leftShoulderFlex: -25,
          rightShoulderAbduct: 6,
          leftShoulderAbduct: 6,
          rightShoulderProtract: -15,
          leftShoulderProtract: -15,
          neckFlex: 5,
        }),
      },
    ],
    props: [{ kind: "mat" }, { kind: "pillow", at: "head", size: "towel" }],
    arrows: [
      {
        kind: "curved",
        frame: 1,
        from: { at: "rightHand", frame: 0, offset: v(0, 6, 0) },
        to: { at: "rightHand", offset: v(3, 6, 0) },
        bend: 0.3,
      },
    ],
    highlights: [{ frame: 1, at: { at: "rightShoulder", offset: v(0, 6, 0) }, radius: 8 }],
    alt: "Prone Shoulder Extension: lying face down with the forehead on a folded towel and the arms straight by the sides, both straight arms lift a little toward the ceiling.",
  }),
  "upward-facing-dog": make({
    view: { kind: "side" },
    frames: [
      { label: "Hands by the ribs", pose: proneHands(starting("lying-on-front", { neckFlex: 0 })) },
      {
        label: "Lift the chest",
        pose: straightArmsToFloor(
          posed(
            "lying-on-front",
            {
              rightHipFlex: -12,
              leftHipFlex: -12,
              rightKnee: 2,
              leftKnee: 2,
              lumbarFlex: -30,
              thoracicFlex: -30,
              neckFlex: -12,
              rightShoulderFlex: 10,
              leftShoulderFlex: 10,
              rightElbow: 10,
              leftElbow: 10,
              rightWrist: -85,
              leftWrist: -85,
            },
            { pitch: 64 },
          ),
        ),
      },
    ],
    props: [{ kind: "mat" }],
    arrows: [
      {
        kind: "curved",
        frame: 1,
        from: { at: "head", frame: 0, offset: v(0, 16, 0) },
        to: { at: "head", offset: v(-6, 14, 0) },
        bend: 0.25,
      },
    ],
    highlights: [{ frame: 1, at: { at: "chest", offset: v(6, 0, 0) }, radius: 10 }],
    alt: "Upward-Facing Dog: lying face down with the hands flat beside the lower ribs, the arms straighten to lift the chest, arching the upper back with the hips on the mat.",
  }),
  "camel-pose": make({
    view: { kind: "side" },
    frames: [
      { label: "Hands on the hips", pose: handsOnBackOfHips(starting("kneeling", { rightHipFlex: 0 })) },
      {
        label: "Lean back",
        pose: handsOnBackOfHips(
          starting("kneeling", { rightHipFlex: -12, leftHipFlex: -12, lumbarFlex: -22, thoracicFlex: -30, neckFlex: -5 }),
        ),
      },
    ],
    props: [{ kind: "mat" }],
    arrows: [
      { kind: "curved", frame: 1, from: { at: "head", frame: 0, offset: v(2, 16, 0) }, to: { at: "head", offset: v(2, 16, 0) }, bend: 0.3 },
    ],
    highlights: [{ frame: 1, at: { at: "chest", offset: v(8, -8, 0) }, radius: 11 }],
    alt: "Camel Pose: kneeling upright with the hands on the back of the hips, the chest lifts and the body leans back with the hips over the knees, arching the upper back.",
  }),
  "locust-pose": make({
    view: { kind: "side" },
    frames: [
      { label: "Rest", pose: starting("lying-on-front", { rightShoulderAbduct: 4, leftShoulderAbduct: 4, neckFlex: 5 }) },
      {
        label: "Lift",
        pose: starting("lying-on-front", {
          lumbarFlex: -16,
          thoracicFlex: -16,
          neckFlex: -4,
          rightShoulderFlex: -30,
          leftShoulderFlex: -30,
          rightShoulderAbduct: 6,
          leftShoulderAbduct: 6,
          rightHipFlex: -16,
          leftHipFlex: -16,
        }),
      },
    ],
    props: [{ kind: "mat" }],
    arrows: [
      {
        kind: "curved",
        frame: 1,
        from: { at: "head", frame: 0, offset: v(-2, 14, 0) },
        to: { at: "head", offset: v(0, 14, 0) },
        bend: 0.3,
      },
      {
        kind: "straight",
        frame: 1,
        from: { at: "rightAnkle", frame: 0, offset: v(0, 8, 0) },
        to: { at: "rightAnkle", offset: v(0, 14, 0) },
      },
    ],
    highlights: [{ frame: 1, at: { at: "upperBack" }, radius: 10 }],
    alt: "Locust Pose: lying face down with the arms by the sides, the head, chest and arms lift a little off the mat, and the legs lift slightly.",
  }),
  "thoracic-spine-release": make({
    view: { kind: "side" },
    frames: [
      { label: "Mid-back", pose: onRoller(handsBehindHead, "midBack"), props: [{ kind: "floor" }, { kind: "roller", at: "midBack" }] },
      {
        label: "Toward the shoulders",
        pose: rolledOn(onRoller(handsBehindHead, "midBack"), onRoller(handsBehindHead, "upperBack")),
        props: [{ kind: "floor" }, { kind: "roller", at: "upperBack" }],
      },
    ],
    // The roller stays put on the floor while the body rolls over it.
    arrows: [
      { kind: "straight", frame: 1, from: { at: "pelvis", frame: 0, offset: v(-24, 30, 0) }, to: { at: "pelvis", offset: v(10, 30, 0) } },
    ],
    highlights: [{ frame: 0, at: { at: "midBack" }, radius: 9 }],
    alt: "Thoracic Spine Release: lying back on a foam roller under the middle of the back, hands behind the head and hips lifted, the legs roll the body so the roller moves up toward the shoulders.",
  }),
  "upper-back-rollout": make({
    view: { kind: "side" },
    frames: [{ label: "Roll up and down", pose: onRoller(armsCrossed, "upperBack") }],
    props: [{ kind: "floor" }, { kind: "roller", at: "upperBack" }],
    arrows: [
      { kind: "straight", frame: 0, from: { at: "upperBack", offset: v(-4, -14, 0) }, to: { at: "upperBack", offset: v(-22, -14, 0) } },
      { kind: "straight", frame: 0, from: { at: "upperBack", offset: v(4, -14, 0) }, to: { at: "upperBack", offset: v(22, -14, 0) } },
    ],
    highlights: [{ frame: 0, at: { at: "upperBack" }, radius: 9 }],
    alt: "Upper Back Rollout: lying back on a foam roller across the upper back, arms crossed over the chest and hips lifted, the legs roll the body slowly up and down over the roller.",
  }),
};
