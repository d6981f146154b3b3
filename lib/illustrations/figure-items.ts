import { project, type Camera } from "./camera";
import type { Point, Prim } from "./draw2d";
import { circlePoints, convexHull } from "./draw2d";
import type { Side } from "./joints";
import type { PropSolid } from "./props";
import type { Body3D, Capsule3D, HullPiece3D } from "./skeleton";
import { figureInk, figurePasses, palette, propStyles, type FigureTone, type ShapeStyle } from "./style";
import { add, apply, dot, type Vec3 } from "./vec";

/** One thing to draw, at one depth: a body part with its outline, a prop, an arrow. */
export type DrawItem = {
  depth: number;
  /** What it is: "trunk", "head", "rightForearm", "chair", "arrow", … */
  name: string;
  parts: { prim: Prim; style: ShapeStyle }[];
};

const toPoint = (camera: Camera, v: Vec3): Point => {
  const p = project(camera, v);
  return [p.x, p.y];
};
const depthOf = (camera: Camera, v: Vec3) => project(camera, v).depth;

/** The outline of a convex piece seen from the camera. */
export function hullPrim(camera: Camera, piece: HullPiece3D): Prim {
  const pts: Point[] = piece.points.map((v) => toPoint(camera, v));
  for (const s of piece.spheres) pts.push(...circlePoints(toPoint(camera, s.c), s.r, 14));
  return { t: "poly", pts: convexHull(pts), closed: true };
}

function capsulePrim(camera: Camera, c: Capsule3D): Prim {
  return { t: "capsule", a: toPoint(camera, c.a), b: toPoint(camera, c.b), ra: c.ra, rb: c.rb };
}

const bladeStyle: ShapeStyle = { fill: "#75a8d0", stroke: palette.ink, strokeWidth: 0.7 };

const outlined = (prims: Prim[], tone: FigureTone) => {
  const [outline, fill] = figurePasses(tone);
  const prim: Prim = prims.length === 1 ? prims[0]! : { t: "multi", prims };
  return [
    { prim, style: outline },
    { prim, style: fill },
  ];
};

/** Depth nudges so that ties (as in a front view) resolve the way a person is built. */
const bias = { legs: -0.6, trunk: 0, neck: 0.3, head: 3, arms: 0.9 } as const;

export function figureItems(body: Body3D, camera: Camera, ghost: boolean): DrawItem[] {
  const items: DrawItem[] = [];
  // A limb is "far" when its root (shoulder or hip) is clearly further from the camera than the other's.
  const depthAt = (name: keyof Body3D["anchors"]) => depthOf(camera, body.anchors[name]);
  const farArm = (side: Side) => depthAt(`${side}Shoulder`) < depthAt(`${side === "right" ? "left" : "right"}Shoulder`) - 12;
  const farLeg = (side: Side) => depthAt(`${side}Hip`) < depthAt(`${side === "right" ? "left" : "right"}Hip`) - 8;
  for (const part of body.parts) {
    switch (part.kind) {
      case "limb": {
        const isArm = part.part === "upperArm" || part.part === "forearm" || part.part === "hand";
        const far = isArm ? farArm(part.side) : farLeg(part.side);
        const tone: FigureTone = ghost ? "ghost" : far ? "far" : "near";
        const depth = (depthOf(camera, part.capsule.a) + depthOf(camera, part.capsule.b)) / 2;
        items.push({
          name: `${part.side}${part.part[0]!.toUpperCase()}${part.part.slice(1)}`,
          depth: depth + (isArm ? bias.arms : bias.legs),
          parts: outlined([capsulePrim(camera, part.capsule)], tone),
        });
        break;
      }
      case "trunk": {
        const depth = (depthOf(camera, body.anchors.pelvis) + depthOf(camera, body.anchors.chest)) / 2;
        const parts = outlined(
          part.pieces.map((p) => hullPrim(camera, p)),
          ghost ? "ghost" : "near",
        );
        // Shoulder blades, where the back faces the camera: they show the squeeze and the shrug.
        const backFacing = dot(body.backward, camera.toward);
        if (!ghost && backFacing > 0.35)
          for (const blade of body.shoulderBlades)
            parts.push({ prim: { t: "poly", pts: blade.map((v) => toPoint(camera, v)), closed: true }, style: bladeStyle });
        items.push({ name: "trunk", depth, parts });
        break;
      }
      case "neck": {
        const depth = (depthOf(camera, part.capsule.a) + depthOf(camera, part.capsule.b)) / 2 + bias.neck;
        items.push({ name: "neck", depth, parts: outlined([capsulePrim(camera, part.capsule)], ghost ? "ghost" : "near") });
        break;
      }
      case "head":
        items.push(headItem(part, camera, ghost));
        break;
    }
  }
  return items;
}

/** Points of short hair on a head of radius r (head axes): the back and the top of the head. */
const hairCache = new Map<number, Vec3[]>();
function hairPoints(r: number): Vec3[] {
  let pts = hairCache.get(r);
  if (!pts) {
    pts = [];
    for (let i = 0; i <= 9; i++) {
      const lat = (i / 9) * Math.PI - Math.PI / 2;
      for (let j = 0; j < 18; j++) {
        const lon = (j / 18) * Math.PI * 2;
        const v: Vec3 = [Math.cos(lat) * Math.cos(lon) * r, Math.sin(lat) * r, Math.cos(lat) * Math.sin(lon) * r];
        // Above a hairline that runs from the forehead down behind the ears.
        if (v[1] > 0.25 * r + 0.45 * v[0] || (v[0] < -0.2 * r && v[1] > -0.35 * r)) pts.push(v);
      }
    }
    hairCache.set(r, pts);
  }
  return pts;
}

/** The head: a circle with a nose, ears, eyes and a small smile where they face the camera. */
function headItem(head: Extract<Body3D["parts"][number], { kind: "head" }>, camera: Camera, ghost: boolean): DrawItem {
  const tone: FigureTone = ghost ? "ghost" : "head";
  const on = (v: Vec3) => add(head.c, apply(head.rotation, v));
  const facing = (v: Vec3) => dot(apply(head.rotation, v), camera.toward) / Math.hypot(...v);
  const r = head.r;
  const centre = toPoint(camera, head.c);
  const parts: DrawItem["parts"] = [];
  const nose: Vec3 = [r * 0.97, -1.5, 0];
  // The nose shows only in profile, as a bump past the outline; seen from the front it would read as a mouth.
  const noseCircle: Prim = { t: "circle", c: toPoint(camera, on(nose)), r: 2.6 };
  if (facing(nose) < 0.5) parts.push(...outlined([noseCircle], tone));
  parts.push(...outlined([{ t: "circle", c: centre, r }], tone));
  if (!ghost) {
    const ink = figureInk(tone);
    const hair = hairPoints(r).filter((v) => facing(v) > -0.02);
    if (hair.length > 2) {
      const pts = convexHull(hair.map((v) => toPoint(camera, on(v))));
      parts.push({ prim: { t: "poly", pts, closed: true }, style: { fill: palette.hair, stroke: ink, strokeWidth: 0.6 } });
    }
    for (const s of [1, -1]) {
      const eye: Vec3 = [r * 0.86, 2.2, s * r * 0.42];
      if (facing(eye) > 0.3)
        parts.push({ prim: { t: "circle", c: toPoint(camera, on(eye)), r: 1.25 }, style: { fill: ink, stroke: null, strokeWidth: 0 } });
    }
    if (facing([1, -0.35, 0]) > 0.3) {
      const left = toPoint(camera, on([r * 0.9, -4.4, -2.8]));
      const right = toPoint(camera, on([r * 0.9, -4.4, 2.8]));
      const mid = toPoint(camera, on([r * 0.92, -6.2, 0]));
      const control: Point = [2 * mid[0] - (left[0] + right[0]) / 2, 2 * mid[1] - (left[1] + right[1]) / 2];
      parts.push({ prim: { t: "quad", from: left, control, to: right }, style: { fill: null, stroke: ink, strokeWidth: 0.9 } });
    }
  }
  return { name: "head", depth: depthOf(camera, head.c) + bias.head, parts };
}

export type PropLayers = { back: DrawItem[]; withFigure: DrawItem[]; floor: boolean };

export function propItems(solids: PropSolid[], camera: Camera, ghost: boolean): PropLayers {
  const layers: PropLayers = { back: [], withFigure: [], floor: false };
  for (const solid of solids) {
    if (solid.kind === "floor") {
      layers.floor = true;
      continue;
    }
    const style = ghost ? { ...propStyles[solid.look], opacity: 0.45 } : propStyles[solid.look];
    if (solid.kind === "solid") {
      const depth = solid.piece.points.reduce((s, p) => s + depthOf(camera, p), 0) / solid.piece.points.length;
      (solid.withFigure ? layers.withFigure : layers.back).push({
        name: solid.name,
        depth,
        parts: [{ prim: hullPrim(camera, solid.piece), style }],
      });
    } else {
      const pts = solid.points.map((p) => toPoint(camera, p));
      const depth = solid.points.reduce((s, p) => s + depthOf(camera, p), 0) / solid.points.length;
      const closed = solid.look === "rollerEnd";
      const item = {
        name: solid.name,
        depth: depth + (solid.withFigure ? 2 : 0),
        parts: [{ prim: { t: "poly", pts, closed } as Prim, style }],
      };
      (solid.withFigure ? layers.withFigure : layers.back).push(item);
    }
  }
  return layers;
}
