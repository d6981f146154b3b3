import type { View } from "./schema";
import { apply, dot, scale, turn, type Vec3 } from "./vec";

/** An orthographic camera: screen right, screen up and toward the viewer, as world directions. */
export type Camera = { right: Vec3; up: Vec3; toward: Vec3 };

/** A projected point: screen x to the right, screen y down (as in SVG), depth toward the viewer. */
export type Projected = { x: number; y: number; depth: number };

const bases: Record<View["kind"], Camera> = {
  // From the figure's right: the figure faces to the right of the picture.
  side: { right: [1, 0, 0], up: [0, 1, 0], toward: [0, 0, 1] },
  front: { right: [0, 0, -1], up: [0, 1, 0], toward: [1, 0, 0] },
  back: { right: [0, 0, 1], up: [0, 1, 0], toward: [-1, 0, 0] },
  // From above, the figure's front toward the top of the picture.
  above: { right: [0, 0, 1], up: [1, 0, 0], toward: [0, 1, 0] },
};

export function cameraFor(view: View): Camera {
  const base = bases[view.kind];
  // Walk round the figure (about the vertical), then raise the camera (about its own right axis).
  const yaw = turn(view.yaw ?? 0);
  let right = apply(yaw, base.right);
  let up = apply(yaw, base.up);
  let toward = apply(yaw, base.toward);
  const p = ((view.pitch ?? 0) * Math.PI) / 180;
  [toward, up] = [
    [0, 1, 2].map((i) => Math.cos(p) * toward[i]! + Math.sin(p) * up[i]!) as unknown as Vec3,
    [0, 1, 2].map((i) => Math.cos(p) * up[i]! - Math.sin(p) * toward[i]!) as unknown as Vec3,
  ];
  if (view.mirror) {
    // Seen from the other side of the body's midline: reflect z, and flip screen x so the picture is the
    // exact left-right mirror image.
    const reflect = (v: Vec3): Vec3 => [v[0], v[1], -v[2]];
    right = scale(reflect(right), -1);
    up = reflect(up);
    toward = reflect(toward);
  }
  return { right, up, toward };
}

export function project(camera: Camera, p: Vec3): Projected {
  return { x: dot(p, camera.right), y: -dot(p, camera.up), depth: dot(p, camera.toward) };
}

/**
 * The world-space move that shifts a point by (dx, dy) picture units on screen, in the camera's plane:
 * for dragging a joint handle in an editor (feed the moved point to `reach`).
 */
export function screenToWorldDelta(camera: Camera, dx: number, dy: number): Vec3 {
  return [0, 1, 2].map((i) => camera.right[i]! * dx - camera.up[i]! * dy) as unknown as Vec3;
}
