import type { Body3D, HullPiece3D } from "./skeleton";
import type { AnchorName, PointRef, Prop } from "./schema";
import { add, apply, turn, type Vec3 } from "./vec";

/** Props as 3-D solids placed against the figure: boxes, cylinders and a band, ready to project. */

export const MAT_THICKNESS = 1.5;

export type PropLook = "prop" | "wall" | "mat" | "roller" | "rollerEnd" | "pillow" | "band";

export type PropSolid =
  | { kind: "solid"; name: Prop["kind"]; piece: HullPiece3D; look: PropLook; /** Drawn with the figure, by depth. */ withFigure?: boolean }
  | { kind: "line"; name: Prop["kind"]; points: Vec3[]; look: PropLook; withFigure: boolean }
  | { kind: "floor" };

/** The extent of the figure over every frame, so walls and mats stay put from frame to frame. */
export type SceneExtent = { min: Vec3; max: Vec3 };

export function resolvePoint(body: Body3D, ref: PointRef): Vec3 {
  const base: Vec3 = ref.at ? body.anchors[ref.at] : [0, 0, 0];
  return ref.offset ? add(base, ref.offset) : base;
}

function box(min: Vec3, max: Vec3, yaw = 0, pivot: Vec3 = [0, 0, 0]): HullPiece3D {
  const points: Vec3[] = [];
  for (const x of [min[0], max[0]])
    for (const y of [min[1], max[1]])
      for (const z of [min[2], max[2]]) {
        const p: Vec3 = [x - pivot[0], y - pivot[1], z - pivot[2]];
        points.push(add(apply(turn(yaw), p), pivot));
      }
  return { points, spheres: [] };
}

function ellipsoid(c: Vec3, rx: number, ry: number, rz: number): HullPiece3D {
  const points: Vec3[] = [];
  for (let i = 0; i < 16; i++) {
    const t = (i / 16) * Math.PI * 2;
    for (const k of [-0.7, 0, 0.7]) {
      const rr = Math.sqrt(1 - k * k);
      points.push([c[0] + rx * rr * Math.cos(t), c[1] + ry * k, c[2] + rz * rr * Math.sin(t)]);
      points.push([c[0] + rx * rr * Math.cos(t), c[1] + ry * rr * Math.sin(t), c[2] + rz * k]);
    }
  }
  points.push([c[0], c[1] + ry, c[2]], [c[0], c[1] - ry, c[2]]);
  return { points, spheres: [] };
}

function zRing(cx: number, cy: number, z: number, r: number): Vec3[] {
  const out: Vec3[] = [];
  for (let i = 0; i < 20; i++) {
    const t = (i / 20) * Math.PI * 2;
    out.push([cx + r * Math.cos(t), cy + r * Math.sin(t), z]);
  }
  return out;
}

/** The lowest point of the seat of the trunk (the first trunk piece holds the pelvis). */
function seatHeight(body: Body3D): number {
  for (const part of body.parts) if (part.kind === "trunk") return Math.min(...part.pieces[0]!.points.map((p) => p[1]));
  return body.anchors.pelvis[1];
}

/** The back of the trunk at a height: the smallest x of trunk points within a band of heights. */
function trunkBackAt(body: Body3D, y: number): number | undefined {
  let back: number | undefined;
  for (const part of body.parts)
    if (part.kind === "trunk")
      for (const piece of part.pieces) for (const p of piece.points) if (Math.abs(p[1] - y) < 4) back = Math.min(back ?? Infinity, p[0]);
  return back;
}

const anchor = (body: Body3D, name: AnchorName) => body.anchors[name];

export function buildProps(props: Prop[], body: Body3D, floor: number, scene: SceneExtent, yaw: number): PropSolid[] {
  const out: PropSolid[] = [];
  const pelvis = anchor(body, "pelvis");
  for (const prop of props) {
    switch (prop.kind) {
      case "floor":
        out.push({ kind: "floor" });
        break;
      case "mat":
        out.push({
          kind: "solid",
          name: prop.kind,
          look: "mat",
          piece: box([scene.min[0] - 10, 0, scene.min[2] - 8], [scene.max[0] + 10, MAT_THICKNESS, scene.max[2] + 8]),
        });
        break;
      case "chair": {
        const top = seatHeight(body);
        const backHeight = prop.backHeight ?? 40;
        let back = pelvis[0] - 22;
        const touch = trunkBackAt(body, top + backHeight);
        if (touch !== undefined && (prop.against || touch < back + 4)) back = touch - 3.5;
        const front = Math.max(back + 40, pelvis[0] + 16);
        const [x0, z0] = [back, pelvis[2] - 21];
        const [x1, z1] = [front, pelvis[2] + 21];
        const piece = (min: Vec3, max: Vec3) =>
          out.push({ kind: "solid", name: prop.kind, look: "prop", piece: box(min, max, yaw, pelvis) });
        for (const [x, z] of [
          [x0, z0],
          [x0, z1 - 3],
          [x1 - 3, z0],
          [x1 - 3, z1 - 3],
        ] as const)
          piece([x, floor, z], [x + 3, top - 4, z + 3]);
        piece([x0, top - 4, z0], [x1, top, z1]);
        if (backHeight > 0) piece([x0, top, z0], [x0 + 3.5, top + backHeight, z1]);
        break;
      }
      case "wall": {
        const gap = prop.gap ?? 0;
        const y1 = Math.max(scene.max[1] + 12, 190);
        const [zc, xc] = [(scene.min[2] + scene.max[2]) / 2, (scene.min[0] + scene.max[0]) / 2];
        const piece =
          prop.side === "behind"
            ? box([scene.min[0] - gap - 6, 0, zc - 62], [scene.min[0] - gap, y1, zc + 62])
            : prop.side === "front"
              ? box([scene.max[0] + gap, 0, zc - 62], [scene.max[0] + gap + 6, y1, zc + 62])
              : prop.side === "right"
                ? box([xc - 62, 0, scene.max[2] + gap], [xc + 62, y1, scene.max[2] + gap + 6])
                : box([xc - 62, 0, scene.min[2] - gap - 6], [xc + 62, y1, scene.min[2] - gap]);
        out.push({ kind: "solid", name: prop.kind, look: "wall", piece });
        break;
      }
      case "roller": {
        const at = anchor(body, prop.at);
        const r = 7.5;
        const cy = floor + r;
        const ends = [at[2] - 45, at[2] + 45];
        out.push({
          kind: "solid",
          name: prop.kind,
          look: "roller",
          piece: { points: [...zRing(at[0], cy, ends[0]!, r), ...zRing(at[0], cy, ends[1]!, r)], spheres: [] },
        });
        for (const z of ends)
          out.push({ kind: "line", name: prop.kind, look: "rollerEnd", points: [...zRing(at[0], cy, z, r)], withFigure: false });
        break;
      }
      case "doorway": {
        const elbows = [anchor(body, "rightElbow"), anchor(body, "leftElbow"), anchor(body, "rightHand"), anchor(body, "leftHand")];
        const x = elbows.reduce((s, p) => s + p[0], 0) / elbows.length;
        const reach = Math.max(...elbows.map((p) => Math.abs(p[2] - pelvis[2]))) + 3;
        const top = Math.max(scene.max[1] + 22, 205);
        for (const s of [-1, 1]) {
          const z = pelvis[2] + s * reach;
          out.push({
            kind: "solid",
            name: prop.kind,
            look: "prop",
            piece: box([x - 6, 0, Math.min(z, z + s * 9)], [x + 6, top, Math.max(z, z + s * 9)]),
          });
        }
        out.push({
          kind: "solid",
          name: prop.kind,
          look: "prop",
          piece: box([x - 6, top - 9, pelvis[2] - reach - 9], [x + 6, top, pelvis[2] + reach + 9]),
        });
        break;
      }
      case "desk": {
        const height = prop.height ?? 74;
        const x0 = scene.max[0] + (prop.gap ?? 4);
        const [z0, z1] = [pelvis[2] - 50, pelvis[2] + 50];
        // In front of the figure: drawn with it, by depth, so from the front it hides the legs.
        out.push({
          kind: "solid",
          name: prop.kind,
          look: "prop",
          piece: box([x0, height - 4, z0], [x0 + 60, height, z1]),
          withFigure: true,
        });
        for (const z of [z0, z1 - 4])
          out.push({
            kind: "solid",
            name: prop.kind,
            look: "prop",
            piece: box([x0 + 4, floor, z], [x0 + 56, height - 4, z + 4]),
            withFigure: true,
          });
        break;
      }
      case "band":
        out.push({
          kind: "line",
          name: prop.kind,
          look: "band",
          points: [resolvePoint(body, prop.from), resolvePoint(body, prop.to)],
          withFigure: true,
        });
        break;
      case "pillow": {
        const at = anchor(body, prop.at);
        const towel = prop.size === "towel";
        const bottom = at[1] - (prop.at === "head" ? 12 : 6);
        const h = Math.max(towel ? 3 : 6, bottom - floor);
        out.push({
          kind: "solid",
          name: prop.kind,
          look: "pillow",
          piece: ellipsoid([at[0], floor + h / 2, at[2]], towel ? 14 : 22, h / 2, towel ? 16 : 26),
        });
        break;
      }
    }
  }
  return out;
}
