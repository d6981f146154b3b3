import { gzipSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import { defaultAlt } from "@/lib/illustrations/alt";
import { cameraFor, project, screenToWorldDelta } from "@/lib/illustrations/camera";
import { illustrationToGeometry, type IllustrationGeometry } from "@/lib/illustrations/geometry";
import { angleKeys, angleSpecs, clampAngle, mirrorAngles } from "@/lib/illustrations/joints";
import { illustrationForSide, mirrorIllustration } from "@/lib/illustrations/mirror";
import { posed } from "@/lib/illustrations/poses";
import { ILLUSTRATION_VERSION, illustrationInput, type Illustration, type Pose } from "@/lib/illustrations/schema";
import { buildProps, type PropSolid } from "@/lib/illustrations/props";
import { reach } from "@/lib/illustrations/reach";
import { BODY, lowestPoint, solveBody, solveUngrounded } from "@/lib/illustrations/skeleton";
import { geometryToSvg } from "@/lib/illustrations/svg";

const close = (a: number, b: number, tolerance = 0.5) => Math.abs(a - b) <= tolerance;

function single(pose: Pose, extra: Partial<Illustration> = {}): Illustration {
  return {
    version: ILLUSTRATION_VERSION,
    view: { kind: "side" },
    layout: "side-by-side",
    frames: [{ pose }],
    props: [{ kind: "floor" }],
    arrows: [],
    highlights: [],
    alt: "A test figure",
    ...extra,
  };
}

describe("forward kinematics", () => {
  it("stands a zero pose on the floor, head up, arms hanging, left and right alike", () => {
    const body = solveBody({ angles: {} });
    expect(lowestPoint(body)).toBeCloseTo(0, 6);
    const a = body.anchors;
    expect(a.head[1]).toBeGreaterThan(155);
    expect(a.head[1] + BODY.headRadius).toBeLessThan(180);
    expect(a.rightHand[1]).toBeLessThan(a.rightHip[1]);
    expect(a.rightShoulder[2]).toBeGreaterThan(10);
    expect(a.leftShoulder[2]).toBeCloseTo(-a.rightShoulder[2], 6);
    expect(a.leftAnkle[1]).toBeCloseTo(a.rightAnkle[1], 6);
    expect(a.rightToe[0]).toBeGreaterThan(a.rightHeel[0]);
  });

  it("bends each joint the way the body does", () => {
    const a = (angles: Pose["angles"]) => solveBody({ angles }).anchors;
    // Arm forward to shoulder height: the hand ahead of the shoulder at its height.
    const forward = a({ rightShoulderFlex: 90 });
    expect(forward.rightHand[0] - forward.rightShoulder[0]).toBeGreaterThan(55);
    expect(close(forward.rightHand[1], forward.rightShoulder[1], 1)).toBe(true);
    // Arm out to the side: the right hand goes right (+z), the left hand left.
    const out = a({ rightShoulderAbduct: 90, leftShoulderAbduct: 90 });
    expect(out.rightHand[2] - out.rightShoulder[2]).toBeGreaterThan(55);
    expect(out.leftHand[2] - out.leftShoulder[2]).toBeLessThan(-55);
    // An elbow bends the forearm forward, a knee bends the shin back.
    const bent = a({ rightElbow: 90, rightKnee: 90 });
    expect(bent.rightWrist[0] - bent.rightElbow[0]).toBeCloseTo(BODY.forearm, 1);
    expect(bent.rightAnkle[0]).toBeLessThan(bent.rightKnee[0] - 40);
    // W arms: out to the side, elbow bent, turned out: the forearm points up.
    const w = a({ rightShoulderAbduct: 90, rightElbow: 90, rightShoulderRotate: 90 });
    expect(w.rightWrist[1] - w.rightElbow[1]).toBeCloseTo(BODY.forearm, 1);
    // Rounding the back brings the head forward; arching takes it back.
    expect(a({ thoracicFlex: 40 }).head[0]).toBeGreaterThan(15);
    expect(a({ thoracicFlex: -30 }).head[0]).toBeLessThan(-10);
    // Turning the upper back to the right brings the left shoulder forward.
    const turned = a({ thoracicTwist: 40 });
    expect(turned.leftShoulder[0]).toBeGreaterThan(8);
    expect(turned.rightShoulder[0]).toBeLessThan(-8);
    // Side-bending to the right moves the head to the right.
    expect(a({ thoracicSideBend: 25 }).head[2]).toBeGreaterThan(10);
    // A shrug lifts the shoulder.
    expect(a({ rightShoulderElevate: 30 }).rightShoulder[1]).toBeGreaterThan(a({}).rightShoulder[1] + 5);
  });

  it("keeps bone lengths whatever the pose", () => {
    const pose: Pose = {
      angles: {
        rightShoulderFlex: 123,
        rightShoulderAbduct: 40,
        rightShoulderRotate: -30,
        rightElbow: 77,
        leftHipFlex: 100,
        leftKnee: 120,
      },
    };
    const a = solveBody(pose).anchors;
    const dist = (p: readonly number[], q: readonly number[]) => Math.hypot(p[0]! - q[0]!, p[1]! - q[1]!, p[2]! - q[2]!);
    expect(dist(a.rightShoulder, a.rightElbow)).toBeCloseTo(BODY.upperArm, 6);
    expect(dist(a.rightElbow, a.rightWrist)).toBeCloseTo(BODY.forearm, 6);
    expect(dist(a.leftHip, a.leftKnee)).toBeCloseTo(BODY.thigh, 6);
    expect(dist(a.leftKnee, a.leftAnkle)).toBeCloseTo(BODY.shin, 6);
  });

  it("lies a body on its back along the floor, and on a mat on top of the mat", () => {
    const body = solveBody(posed("lying-on-back"), 1.5);
    expect(lowestPoint(body)).toBeCloseTo(1.5, 6);
    expect(Math.abs(body.anchors.head[0] - body.anchors.pelvis[0])).toBeGreaterThan(50);
    expect(body.anchors.head[1]).toBeLessThan(25);
  });
});

describe("joint limits", () => {
  it("documents a range in degrees for every angle, zero inside it", () => {
    for (const key of angleKeys) {
      const { min, max, label } = angleSpecs[key];
      expect(min).toBeLessThanOrEqual(0);
      expect(max).toBeGreaterThanOrEqual(0);
      expect(label.length).toBeGreaterThan(3);
    }
    expect(angleKeys).toContain("thoracicTwist");
    expect(angleKeys).toContain("leftAnkle");
  });

  it("clamps angles past their limits, so an impossible pose draws as the nearest possible one", () => {
    expect(clampAngle("rightElbow", 200)).toBe(150);
    expect(clampAngle("rightElbow", -20)).toBe(0);
    expect(solveBody({ angles: { rightKnee: 400 } }).anchors).toEqual(
      solveBody({ angles: { rightKnee: angleSpecs.rightKnee.max } }).anchors,
    );
  });

  it("refuses out-of-range angles, unknown joints and other versions when stored", () => {
    const good = single({ angles: { rightElbow: 90 } });
    expect(illustrationInput.safeParse(good).success).toBe(true);
    expect(illustrationInput.safeParse(single({ angles: { rightElbow: 151 } })).success).toBe(false);
    expect(illustrationInput.safeParse(single({ angles: { rightPinky: 3 } as never })).success).toBe(false);
    expect(illustrationInput.safeParse({ ...good, version: 2 }).success).toBe(false);
    const arrowOnMissingFrame = { ...good, arrows: [{ kind: "straight", frame: 1, from: { at: "head" }, to: { at: "pelvis" } }] };
    const result = illustrationInput.safeParse(arrowOnMissingFrame);
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.path).toEqual(["arrows", 0, "frame"]);
  });
});

function expectInside(geometry: IllustrationGeometry) {
  expect(geometry.width).toBeGreaterThan(0);
  expect(geometry.height).toBeGreaterThan(0);
  for (const shape of geometry.shapes) {
    expect(shape.box.minX, shape.name).toBeGreaterThanOrEqual(-0.05);
    expect(shape.box.minY, shape.name).toBeGreaterThanOrEqual(-0.05);
    expect(shape.box.maxX, shape.name).toBeLessThanOrEqual(geometry.width + 0.05);
    expect(shape.box.maxY, shape.name).toBeLessThanOrEqual(geometry.height + 0.05);
    // Every number written into the path lies inside the picture too.
    if (shape.kind === "path") {
      const numbers = shape.d.match(/-?\d+(\.\d+)?/g)!.map(Number);
      expect(Math.min(...numbers)).toBeGreaterThanOrEqual(-0.05);
    }
  }
}

describe("illustration to geometry", () => {
  it("keeps every shape inside the picture, for random poses from every view", () => {
    let seed = 7;
    const random = () => (seed = (seed * 16807) % 2147483647) / 2147483647;
    for (let n = 0; n < 40; n++) {
      const angles: Pose["angles"] = {};
      for (const key of angleKeys) angles[key] = angleSpecs[key].min + random() * (angleSpecs[key].max - angleSpecs[key].min);
      const kinds = ["side", "front", "back", "above"] as const;
      const ill = single(
        { angles, root: { pitch: random() * 180 - 90 } },
        {
          view: { kind: kinds[n % 4]!, yaw: random() * 60 - 30, pitch: random() * 40 },
          props: [
            { kind: "mat" },
            { kind: "chair" },
            { kind: "wall", side: "behind" },
            { kind: "band", from: { at: "rightHand" }, to: { at: "leftHand" } },
          ],
          arrows: [{ kind: "rotation", frame: 0, around: { at: "chest" }, axis: "vertical", radius: 30, start: -40, sweep: 80 }],
          highlights: [{ at: { at: "upperBack" }, radius: 10 }],
        },
      );
      expectInside(illustrationToGeometry(ill));
    }
  });

  it("draws the far arm behind the trunk and the near arm in front of it, and swaps them in the mirror", () => {
    const ill = single(posed("standing"));
    const order = (g: IllustrationGeometry, name: string) => g.shapes.findIndex((s) => s.name === name);
    const g = illustrationToGeometry(ill);
    expect(order(g, "leftUpperArm")).toBeLessThan(order(g, "trunk"));
    expect(order(g, "rightUpperArm")).toBeGreaterThan(order(g, "trunk"));
    const m = illustrationToGeometry(mirrorIllustration(ill));
    expect(order(m, "rightUpperArm")).toBeLessThan(order(m, "trunk"));
    expect(order(m, "leftUpperArm")).toBeGreaterThan(order(m, "trunk"));
    // The far arm is drawn paler and with a finer line than the near one.
    const far = g.shapes.find((s) => s.name === "leftUpperArm" && s.style.stroke)!;
    const near = g.shapes.find((s) => s.name === "rightUpperArm" && s.style.stroke)!;
    expect(far.style.strokeWidth).toBeLessThan(near.style.strokeWidth);
  });

  it("puts crossed forearms in front of the chest seen from the front", () => {
    const crossed = posed("sitting", {
      rightShoulderFlex: 60,
      rightShoulderAbduct: -30,
      rightElbow: 130,
      leftShoulderFlex: 60,
      leftShoulderAbduct: -30,
      leftElbow: 130,
    });
    const g = illustrationToGeometry(single(crossed, { view: { kind: "front" } }));
    const at = (name: string) => g.shapes.findIndex((s) => s.name === name);
    expect(at("rightForearm")).toBeGreaterThan(at("trunk"));
    expect(at("leftForearm")).toBeGreaterThan(at("trunk"));
  });

  it("shares one floor between frames side by side, and labels them", () => {
    const ill: Illustration = {
      ...single(posed("standing")),
      frames: [
        { label: "Start", pose: posed("standing") },
        { label: "Finish", pose: posed("standing", { rightShoulderFlex: 170 }) },
      ],
    };
    const g = illustrationToGeometry(ill);
    expect(g.panels).toHaveLength(2);
    expect(g.frames[0]!.joints.rightHeel.y).toBeCloseTo(g.frames[1]!.joints.rightHeel.y, 6);
    expect(g.frames[1]!.joints.rightHand.y).toBeLessThan(g.frames[1]!.joints.head.y);
    expect(g.shapes.filter((s) => s.kind === "text").map((s) => s.kind === "text" && s.text)).toEqual(["Start", "Finish"]);
    expect(illustrationToGeometry(ill, { captions: false }).shapes.some((s) => s.kind === "text")).toBe(false);
  });
});

describe("mirror", () => {
  const twist: Illustration = {
    ...single(posed("sitting", { thoracicTwist: 35, neckTurn: 30, rightShoulderFlex: 70, rightShoulderAbduct: -40, rightElbow: 30 })),
    view: { kind: "front", yaw: 20, pitch: 15 },
    props: [{ kind: "chair" }, { kind: "floor" }, { kind: "band", from: { at: "rightHand" }, to: { at: "rightKnee", offset: [0, 0, 5] } }],
    arrows: [
      { kind: "rotation", frame: 0, around: { at: "chest" }, axis: "vertical", radius: 28, start: 20, sweep: 70 },
      { kind: "curved", frame: 0, from: { at: "rightHand" }, to: { at: "leftKnee" }, bend: 0.3 },
    ],
    highlights: [{ at: { at: "upperBack", offset: [0, 0, 6] }, radius: 9 }],
    drawnSide: "right",
  };

  it("draws the exact left-right mirror image, with left and right swapped", () => {
    const g = illustrationToGeometry(twist);
    const m = illustrationToGeometry(mirrorIllustration(twist));
    expect(m.width).toBeCloseTo(g.width, 6);
    expect(m.height).toBeCloseTo(g.height, 6);
    const swap = (name: string) =>
      name.startsWith("right") ? `left${name.slice(5)}` : name.startsWith("left") ? `right${name.slice(4)}` : name;
    for (const [name, p] of Object.entries(g.frames[0]!.joints)) {
      const q = m.frames[0]!.joints[swap(name) as keyof typeof p & string as never] as { x: number; y: number };
      expect(q.x).toBeCloseTo(g.width - p.x, 6);
      expect(q.y).toBeCloseTo(p.y, 6);
    }
    // Shape by shape, the bounds are mirrored too (same drawing order up to left/right names).
    const boxes = (geo: IllustrationGeometry, flip: boolean) =>
      geo.shapes.map((s) => [flip ? geo.width - s.box.maxX : s.box.minX, s.box.minY].map((v) => Math.round(v * 10) / 10).join(",")).sort();
    expect(boxes(m, true)).toEqual(boxes(g, false));
  });

  it("mirrors twice back to the same illustration, and mirrors angles by swapping sides", () => {
    expect(mirrorIllustration(mirrorIllustration(twist))).toEqual({ ...twist, view: { ...twist.view, mirror: false } });
    expect(mirrorAngles({ rightElbow: 30, thoracicTwist: 20, neckFlex: 10 })).toEqual({ leftElbow: 30, thoracicTwist: -20, neckFlex: 10 });
  });

  it("mirrors for a dose on the other side only", () => {
    expect(illustrationForSide(twist, "left").view.mirror).toBe(true);
    expect(illustrationForSide(twist, "right")).toBe(twist);
    expect(illustrationForSide(twist, "each")).toBe(twist);
    expect(illustrationForSide(twist, undefined)).toBe(twist);
    const left = illustrationToGeometry(twist, { side: "left" });
    expect(left).toEqual(illustrationToGeometry(mirrorIllustration(twist)));
  });
});

describe("SVG", () => {
  it("writes a titled, scalable SVG under 4 KB gzipped", () => {
    const ill = { ...single(posed("standing")), alt: "Standing <tall> & relaxed" };
    const svg = geometryToSvg(illustrationToGeometry(ill), { idPrefix: "t" });
    expect(svg).toMatch(/^<svg xmlns="http:\/\/www.w3.org\/2000\/svg" viewBox="0 0 [\d.]+ [\d.]+"/);
    expect(svg).toContain('<title id="t-title">Standing &lt;tall&gt; &amp; relaxed</title>');
    expect(svg).toContain('aria-labelledby="t-title"');
    expect(gzipSync(svg).length).toBeLessThan(4096);
  });
});

describe("reach (inverse kinematics) and props against the body", () => {
  it("brings a hand to a reachable target within a centimetre, and leaves kept angles alone", () => {
    const start = posed("sitting");
    const target: [number, number, number] = [25, 5, -12];
    const moved = reach(start, "right", "rightHand", target, ["ShoulderRotate"]);
    const hand = solveUngrounded(moved.angles, moved.root).anchors.rightHand;
    expect(Math.hypot(hand[0] - target[0], hand[1] - target[1], hand[2] - target[2])).toBeLessThan(1);
    expect(moved.angles.rightShoulderRotate).toBe(start.angles.rightShoulderRotate);
    expect(moved.angles.leftElbow).toBe(start.angles.leftElbow);
    for (const [key, value] of Object.entries(moved.angles)) expect(Number.isInteger(value), key).toBe(true);
  });

  it("puts the chair seat under the pelvis, the roller on the floor under the back, the wall against the back", () => {
    const heights = (solid: PropSolid | undefined) => (solid?.kind === "solid" ? solid.piece.points.map((p) => p[1]) : []);
    const sitting = solveBody(posed("sitting"));
    const scene = { min: [-40, 0, -40], max: [70, 150, 40] } as const;
    const solids = buildProps([{ kind: "chair" }, { kind: "wall", side: "behind" }], sitting, 0, scene, 0);
    // The seat is the flat box; its top meets the bottom of the pelvis.
    const seat = solids.find((s) => Math.max(...heights(s)) - Math.min(...heights(s)) < 5);
    const trunk = sitting.parts.find((p) => p.kind === "trunk");
    const pelvisBottom = trunk?.kind === "trunk" ? Math.min(...trunk.pieces[0]!.points.map((p) => p[1])) : NaN;
    expect(Math.max(...heights(seat))).toBeCloseTo(pelvisBottom, 6);
    const wall = solids.find((s) => s.kind === "solid" && s.look === "wall");
    expect(wall?.kind === "solid" && Math.max(...wall.piece.points.map((p) => p[0]))).toBe(scene.min[0]);

    const [roller] = buildProps([{ kind: "roller", at: "upperBack" }], solveBody(posed("lying-on-back")), 0, scene, 0);
    expect(Math.min(...heights(roller))).toBeCloseTo(0, 6);
    expect(Math.max(...heights(roller))).toBeCloseTo(15, 6);
  });
});

describe("editor helpers", () => {
  it("moves a point on screen by the drag, whatever the view", () => {
    for (const view of [{ kind: "side" }, { kind: "front", yaw: 30, pitch: 20 }, { kind: "above", mirror: true }] as const) {
      const camera = cameraFor(view);
      const p: [number, number, number] = [10, 80, -5];
      const before = project(camera, p);
      const d = screenToWorldDelta(camera, 7, -3);
      const after = project(camera, [p[0] + d[0], p[1] + d[1], p[2] + d[2]]);
      expect(after.x - before.x).toBeCloseTo(7, 6);
      expect(after.y - before.y).toBeCloseTo(-3, 6);
      expect(after.depth).toBeCloseTo(before.depth, 6);
    }
  });

  it("builds a default alt text from the exercise's name", () => {
    expect(defaultAlt("Cat-Cow", 2)).toBe("Start and finish positions of Cat-Cow");
    expect(defaultAlt("Upper Trapezius Stretch", 1)).toBe("Position for Upper Trapezius Stretch");
  });
});

describe("arrangement", () => {
  const lying: Illustration = {
    ...single(posed("lying-on-front")),
    frames: [
      { label: "Rest", pose: posed("lying-on-front") },
      { label: "Lift", pose: posed("lying-on-front", { thoracicFlex: -20 }) },
    ],
  };

  it("stacks wide frames (a figure lying down) one above the other, unless asked for a row", () => {
    const stacked = illustrationToGeometry(lying);
    expect(stacked.panels[1]!.y).toBeGreaterThan(stacked.panels[0]!.y + stacked.panels[0]!.height - 0.01);
    expect(stacked.panels[1]!.x).toBe(0);
    expectInside(stacked);
    const row = illustrationToGeometry(lying, { arrange: "row" });
    expect(row.panels[1]!.x).toBeGreaterThan(0);
    expect(row.panels[1]!.y).toBe(0);
    expectInside(row);
    // Standing frames stay side by side.
    const standing = illustrationToGeometry({ ...lying, frames: [{ pose: posed("standing") }, { pose: posed("standing") }] });
    expect(standing.panels[1]!.y).toBe(0);
  });
});
