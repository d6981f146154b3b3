/** 2-D primitives in picture units, their bounds, and their SVG path data. */

export type Point = readonly [number, number];
export type Box = { minX: number; minY: number; maxX: number; maxY: number };

export type Prim =
  | { t: "poly"; pts: Point[]; closed: boolean }
  | { t: "capsule"; a: Point; b: Point; ra: number; rb: number }
  | { t: "circle"; c: Point; r: number }
  | { t: "quad"; from: Point; control: Point; to: Point }
  /** Several shapes as one path: filled as their union, with no seams between them. */
  | { t: "multi"; prims: Prim[] };

export const emptyBox = (): Box => ({ minX: Infinity, minY: Infinity, maxX: -Infinity, maxY: -Infinity });

export function growBox(box: Box, x: number, y: number, r = 0): void {
  box.minX = Math.min(box.minX, x - r);
  box.minY = Math.min(box.minY, y - r);
  box.maxX = Math.max(box.maxX, x + r);
  box.maxY = Math.max(box.maxY, y + r);
}

export function unionBox(a: Box, b: Box): Box {
  return {
    minX: Math.min(a.minX, b.minX),
    minY: Math.min(a.minY, b.minY),
    maxX: Math.max(a.maxX, b.maxX),
    maxY: Math.max(a.maxY, b.maxY),
  };
}

/** The bounds of a primitive, widened by half a stroke. */
export function primBox(p: Prim, pad = 0): Box {
  const box = emptyBox();
  switch (p.t) {
    case "poly":
      for (const [x, y] of p.pts) growBox(box, x, y, pad);
      break;
    case "capsule":
      growBox(box, p.a[0], p.a[1], p.ra + pad);
      growBox(box, p.b[0], p.b[1], p.rb + pad);
      break;
    case "circle":
      growBox(box, p.c[0], p.c[1], p.r + pad);
      break;
    case "quad":
      for (const [x, y] of [p.from, p.control, p.to]) growBox(box, x, y, pad);
      break;
    case "multi":
      return p.prims.map((q) => primBox(q, pad)).reduce(unionBox, box);
  }
  return box;
}

/** Convex hull (Andrew's monotone chain), counter-clockwise on screen. */
export function convexHull(points: Point[]): Point[] {
  const pts = [...points].sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  if (pts.length < 3) return pts;
  const crossZ = (o: Point, a: Point, b: Point) => (a[0] - o[0]) * (b[1] - o[1]) - (a[1] - o[1]) * (b[0] - o[0]);
  const lower: Point[] = [];
  for (const p of pts) {
    while (lower.length >= 2 && crossZ(lower[lower.length - 2]!, lower[lower.length - 1]!, p) <= 0) lower.pop();
    lower.push(p);
  }
  const upper: Point[] = [];
  for (let i = pts.length - 1; i >= 0; i--) {
    const p = pts[i]!;
    while (upper.length >= 2 && crossZ(upper[upper.length - 2]!, upper[upper.length - 1]!, p) <= 0) upper.pop();
    upper.push(p);
  }
  return [...lower.slice(0, -1), ...upper.slice(0, -1)];
}

export function circlePoints(c: Point, r: number, n = 16): Point[] {
  const out: Point[] = [];
  for (let i = 0; i < n; i++) {
    const t = (i / n) * Math.PI * 2;
    out.push([c[0] + r * Math.cos(t), c[1] + r * Math.sin(t)]);
  }
  return out;
}

/** A number for path data: one decimal, no trailing zero. */
export const num = (v: number): string => {
  const r = Math.round(v * 10) / 10;
  return Object.is(r, -0) ? "0" : String(r);
};

const pt = (p: Point, dx: number, dy: number) => `${num(p[0] + dx)} ${num(p[1] + dy)}`;

/** SVG path data for a primitive moved by (dx, dy). Circles are drawn as two arcs. */
export function pathData(p: Prim, dx = 0, dy = 0): string {
  switch (p.t) {
    case "poly":
      return p.pts.map((q, i) => `${i === 0 ? "M" : "L"}${pt(q, dx, dy)}`).join("") + (p.closed ? "Z" : "");
    case "circle": {
      const r = num(p.r);
      const left: Point = [p.c[0] - p.r, p.c[1]];
      const right: Point = [p.c[0] + p.r, p.c[1]];
      return `M${pt(left, dx, dy)}A${r} ${r} 0 1 0 ${pt(right, dx, dy)}A${r} ${r} 0 1 0 ${pt(left, dx, dy)}Z`;
    }
    case "quad":
      return `M${pt(p.from, dx, dy)}Q${pt(p.control, dx, dy)} ${pt(p.to, dx, dy)}`;
    case "capsule":
      return capsulePath(p, dx, dy);
    case "multi":
      return p.prims.map((q) => pathData(q, dx, dy)).join("");
  }
}

/** A tapered capsule: two circles joined by their outer tangents (or the larger circle, end-on). */
function capsulePath(p: Extract<Prim, { t: "capsule" }>, dx: number, dy: number): string {
  const vx = p.b[0] - p.a[0];
  const vy = p.b[1] - p.a[1];
  const len = Math.hypot(vx, vy);
  if (len <= Math.abs(p.ra - p.rb) + 0.01) {
    return pathData(p.ra >= p.rb ? { t: "circle", c: p.a, r: p.ra } : { t: "circle", c: p.b, r: p.rb }, dx, dy);
  }
  const ux = vx / len;
  const uy = vy / len;
  const phi = Math.acos(Math.max(-1, Math.min(1, (p.ra - p.rb) / len)));
  const rot = (angle: number): Point => [ux * Math.cos(angle) - uy * Math.sin(angle), ux * Math.sin(angle) + uy * Math.cos(angle)];
  const n1 = rot(phi);
  const n2 = rot(-phi);
  const a1: Point = [p.a[0] + p.ra * n1[0], p.a[1] + p.ra * n1[1]];
  const b1: Point = [p.b[0] + p.rb * n1[0], p.b[1] + p.rb * n1[1]];
  const b2: Point = [p.b[0] + p.rb * n2[0], p.b[1] + p.rb * n2[1]];
  const a2: Point = [p.a[0] + p.ra * n2[0], p.a[1] + p.ra * n2[1]];
  const bigAtB = 2 * phi > Math.PI ? 1 : 0;
  const bigAtA = 2 * phi > Math.PI ? 0 : 1;
  const ra = num(p.ra);
  const rb = num(p.rb);
  return (
    `M${pt(a1, dx, dy)}L${pt(b1, dx, dy)}A${rb} ${rb} 0 ${bigAtB} 0 ${pt(b2, dx, dy)}` +
    `L${pt(a2, dx, dy)}A${ra} ${ra} 0 ${bigAtA} 0 ${pt(a1, dx, dy)}Z`
  );
}
