import { describe, expect, it } from "vitest";
import {
  addArrow,
  copyFrameToNext,
  groupedKeys,
  newIllustration,
  removeFrame,
  setAngle,
  setRoot,
  toggleProp,
} from "@/components/exercises/illustration-editing";
import { illustrationToGeometry } from "@/lib/illustrations/geometry";
import { angleKeys } from "@/lib/illustrations/joints";
import { illustrationInput } from "@/lib/illustrations/schema";

describe("the illustration editor's edits", () => {
  it("starts a valid drawing with the default alt text", () => {
    const ill = newIllustration("Cat-Cow", "hands-and-knees");
    expect(illustrationInput.safeParse(ill).success).toBe(true);
    expect(ill.alt).toBe("Start and finish positions of Cat-Cow");
    expect(ill.frames.map((f) => f.label)).toEqual(["Start", "Finish"]);
  });

  it("sets an angle on one frame only, clamped to its limit, and draws it", () => {
    const ill = newIllustration("Reach");
    const bent = setAngle(ill, 1, "rightElbow", 400);
    expect(bent.frames[1]!.pose.angles.rightElbow).toBe(150);
    expect(bent.frames[0]).toEqual(ill.frames[0]);
    const before = illustrationToGeometry(ill)
      .shapes.filter((s) => s.frame === 1)
      .map((s) => (s.kind === "path" ? s.d : ""));
    const after = illustrationToGeometry(bent)
      .shapes.filter((s) => s.frame === 1)
      .map((s) => (s.kind === "path" ? s.d : ""));
    expect(after).not.toEqual(before);
    // Back to zero removes the key: stored poses keep only the angles that are not zero.
    expect("rightElbow" in setAngle(bent, 1, "rightElbow", 0).frames[1]!.pose.angles).toBe(false);
  });

  it("copies a frame to the next, up to three, and keeps arrows on frames that exist", () => {
    let ill = setRoot(newIllustration("Lean"), 0, "pitch", 20);
    ill = copyFrameToNext(ill, 0);
    expect(ill.frames[1]!.pose).toEqual(ill.frames[0]!.pose);
    ill = copyFrameToNext(ill, 1);
    expect(ill.frames.map((f) => f.label)).toEqual(["Start", "Middle", "Finish"]);
    expect(copyFrameToNext(ill, 2)).toBe(ill);
    ill = addArrow(ill, "straight", "rightHand");
    const two = removeFrame(ill, 2);
    expect(two.frames).toHaveLength(2);
    expect(illustrationInput.safeParse(two).success).toBe(true);
  });

  it("toggles props on and off, and every joint of the model has a control", () => {
    const ill = toggleProp(newIllustration("Sit"), "chair");
    expect(ill.props.map((p) => p.kind)).toEqual(["chair"]);
    expect(toggleProp(ill, "chair").props).toEqual([]);
    expect([...groupedKeys].sort()).toEqual([...angleKeys].sort());
  });
});
