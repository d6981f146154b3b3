import { project, type Camera } from "./camera";
import type { Point, Prim } from "./draw2d";
import type { DrawItem } from "./figure-items";
import { resolvePoint } from "./props";
import type { Arrow, Highlight } from "./schema";
import type { Body3D } from "./skeleton";
import { arrowHeadStyle, arrowStyle, highlightStyle } from "./style";
import type { Vec3 } from "./vec";

/** Motion arrows and "feel it here" highlights, drawn over the figure. */

const HEAD_LENGTH = 7;
const HEAD_HALF_WIDTH = 4.2;
const GAP = 4;

const toPoint = (camera: Camera, v: Vec3): Point => {
  const p = project(camera, v);
  return [p.x, p.y];
};

/** A filled arrowhead whose tip is at `tip`, pointing along (dx, dy). */
function arrowHead(tip: Point, dx: number, dy: number): Prim {
  const len = Math.hypot(dx, dy) || 1;
  const [ux, uy] = [dx / len, dy / len];
  const base: Point = [tip[0] - ux * HEAD_LENGTH, tip[1] - uy * HEAD_LENGTH];
  return {
    t: "poly",
    closed: true,
    pts: [
      tip,
      [base[0] - uy * HEAD_HALF_WIDTH, base[1] + ux * HEAD_HALF_WIDTH],
      [base[0] + uy * HEAD_HALF_WIDTH, base[1] - ux * HEAD_HALF_WIDTH],
    ],
  };
}

const towards = (from: Point, to: Point, by: number): Point => {
  const len = Math.hypot(to[0] - from[0], to[1] - from[1]) || 1;
  return [from[0] + ((to[0] - from[0]) / len) * by, from[1] + ((to[1] - from[1]) / len) * by];
};

/** The points of a circle round an axis through a centre, in 3-D, from `start` through `sweep` degrees. */
function arcPoints(centre: Vec3, axis: "vertical" | "forward" | "lateral", radius: number, start: number, sweep: number): Vec3[] {
  const steps = Math.max(6, Math.ceil(Math.abs(sweep) / 10));
  const out: Vec3[] = [];
  for (let i = 0; i <= steps; i++) {
    const t = ((start + (sweep * i) / steps) * Math.PI) / 180;
    const [c, s] = [Math.cos(t) * radius, Math.sin(t) * radius];
    // 0° is forward (vertical axis) or up (the others); positive angles go toward the right, or forward.
    const offset: Vec3 = axis === "vertical" ? [c, 0, s] : axis === "forward" ? [0, c, s] : [s, c, 0];
    out.push([centre[0] + offset[0], centre[1] + offset[1], centre[2] + offset[2]]);
  }
  return out;
}

export function arrowItem(arrow: Arrow, bodies: Body3D[], camera: Camera): DrawItem {
  const bodyFor = (frame: number | undefined) => bodies[frame ?? arrow.frame] ?? bodies[0]!;
  const parts: DrawItem["parts"] = [];
  if (arrow.kind === "rotation") {
    const centre = resolvePoint(bodyFor(arrow.around.frame), arrow.around);
    const pts = arcPoints(centre, arrow.axis, arrow.radius, arrow.start, arrow.sweep).map((v) => toPoint(camera, v));
    const tip = pts[pts.length - 1]!;
    const before = pts[pts.length - 2]!;
    // Stop the line short of the tip so its end hides under the arrowhead.
    const lineEnd = towards(tip, before, HEAD_LENGTH * 0.6);
    parts.push({ prim: { t: "poly", pts: [...pts.slice(0, -1), lineEnd], closed: false }, style: arrowStyle });
    parts.push({ prim: arrowHead(tip, tip[0] - before[0], tip[1] - before[1]), style: arrowHeadStyle });
  } else {
    const from0 = toPoint(camera, resolvePoint(bodyFor(arrow.from.frame), arrow.from));
    const to0 = toPoint(camera, resolvePoint(bodyFor(arrow.to.frame), arrow.to));
    const len = Math.hypot(to0[0] - from0[0], to0[1] - from0[1]);
    const bend = arrow.kind === "curved" ? (arrow.bend ?? 0.3) : 0;
    const mid: Point = [(from0[0] + to0[0]) / 2, (from0[1] + to0[1]) / 2];
    // Bow to the left of the direction of travel for a positive bend.
    const control: Point = [
      mid[0] + ((to0[1] - from0[1]) / (len || 1)) * bend * len,
      mid[1] - ((to0[0] - from0[0]) / (len || 1)) * bend * len,
    ];
    const from = towards(from0, bend ? control : to0, GAP);
    const tip = towards(to0, bend ? control : from0, GAP);
    const lineEnd = towards(tip, bend ? control : from, HEAD_LENGTH * 0.6);
    parts.push({
      prim: bend ? { t: "quad", from, control, to: lineEnd } : { t: "poly", pts: [from, lineEnd], closed: false },
      style: arrowStyle,
    });
    const dirFrom = bend ? control : from;
    parts.push({ prim: arrowHead(tip, tip[0] - dirFrom[0], tip[1] - dirFrom[1]), style: arrowHeadStyle });
  }
  return { name: "arrow", depth: Infinity, parts };
}

export function highlightItem(highlight: Highlight, bodies: Body3D[], camera: Camera): DrawItem {
  const frame = highlight.at.frame ?? highlight.frame ?? bodies.length - 1;
  const centre = toPoint(camera, resolvePoint(bodies[frame] ?? bodies[0]!, highlight.at));
  return { name: "highlight", depth: Infinity, parts: [{ prim: { t: "circle", c: centre, r: highlight.radius }, style: highlightStyle }] };
}
