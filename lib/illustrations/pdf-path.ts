/**
 * An SVG path's outline as the PDF operators pdfkit would write for it, worked out once per path instead
 * of at every render: pdfkit's `path(d)` parses the string and turns each arc into Béziers on every call,
 * which was a third of what painting a drawing cost. Only the absolute commands the drawings use (M, L, Q,
 * A, Z) are compiled, with pdfkit's own arc arithmetic; anything else returns null and is drawn by pdfkit
 * from the string as before. Coordinates are rounded to 1/100 of a picture unit (a few thousandths of a
 * millimetre on paper), which keeps the page's content stream short.
 */

/** move, line, cubic Bézier and quadratic curve (as pdfkit writes it). */
export type PathOp =
  | readonly ["m", number, number]
  | readonly ["l", number, number]
  | readonly ["c", number, number, number, number, number, number]
  | readonly ["q", number, number, number, number];

const round = (n: number) => Math.round(n * 100) / 100;
const arity: Record<string, number> = { M: 2, L: 2, Q: 4, A: 7, Z: 0 };

export function compilePath(d: string): PathOp[] | null {
  const tokens = d.match(/[A-Za-z]|[-+]?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?/g);
  if (!tokens) return null;
  const ops: PathOp[] = [];
  let cx = 0;
  let cy = 0;
  let sx = 0;
  let sy = 0;
  let i = 0;
  let command = "";
  const num = () => Number(tokens[i++]);
  while (i < tokens.length) {
    const token = tokens[i]!;
    if (/[A-Za-z]/.test(token)) {
      command = token;
      i++;
      if (!(command in arity)) return null;
      if (command === "Z") {
        // react-pdf's painter cannot write `h` (close): a line back to the start, if not there already,
        // ends the outline where it began, and with the round caps and joins every drawing is painted
        // with, two round ends at one point print as the round join a close would make.
        if (round(cx) !== round(sx) || round(cy) !== round(sy)) ops.push(["l", round(sx), round(sy)]);
        cx = sx;
        cy = sy;
        continue;
      }
    } else if (!command || command === "Z") return null;
    if (i + arity[command]! > tokens.length) return null;
    if (command === "M" || command === "L") {
      cx = num();
      cy = num();
      ops.push([command === "M" ? "m" : "l", round(cx), round(cy)]);
      if (command === "M") [sx, sy] = [cx, cy];
      // Further pairs after a move are lines, as in SVG.
      if (command === "M") command = "L";
    } else if (command === "Q") {
      const [x1, y1] = [num(), num()];
      cx = num();
      cy = num();
      ops.push(["q", round(x1), round(y1), round(cx), round(cy)]);
    } else {
      const [rx, ry, rotation, large, sweep, x, y] = [num(), num(), num(), num(), num(), num(), num()];
      // A zero radius is a straight line in SVG; pdfkit has no rule for it, so leave such a path to pdfkit.
      if (!rx || !ry) return null;
      for (const segment of arcToSegments(x, y, rx, ry, large, sweep, rotation, cx, cy)) {
        const b = segmentToBezier(...segment);
        ops.push(["c", round(b[0]), round(b[1]), round(b[2]), round(b[3]), round(b[4]), round(b[5])]);
      }
      cx = x;
      cy = y;
    }
  }
  return ops;
}

type Segment = [number, number, number, number, number, number, number, number];

// The arc arithmetic of pdfkit 0.20 (js/pdfkit.js, SVGPath), so a compiled arc prints as pdfkit printed it.
function arcToSegments(
  x: number,
  y: number,
  rx: number,
  ry: number,
  large: number,
  sweep: number,
  rotateX: number,
  ox: number,
  oy: number,
) {
  const th = rotateX * (Math.PI / 180);
  const sinTh = Math.sin(th);
  const cosTh = Math.cos(th);
  rx = Math.abs(rx);
  ry = Math.abs(ry);
  const px = cosTh * (ox - x) * 0.5 + sinTh * (oy - y) * 0.5;
  const py = cosTh * (oy - y) * 0.5 - sinTh * (ox - x) * 0.5;
  let pl = (px * px) / (rx * rx) + (py * py) / (ry * ry);
  if (pl > 1) {
    pl = Math.sqrt(pl);
    rx *= pl;
    ry *= pl;
  }
  const a00 = cosTh / rx;
  const a01 = sinTh / rx;
  const a10 = -sinTh / ry;
  const a11 = cosTh / ry;
  const x0 = a00 * ox + a01 * oy;
  const y0 = a10 * ox + a11 * oy;
  const x1 = a00 * x + a01 * y;
  const y1 = a10 * x + a11 * y;
  const d = (x1 - x0) * (x1 - x0) + (y1 - y0) * (y1 - y0);
  let sfactorSq = 1 / d - 0.25;
  if (sfactorSq < 0) sfactorSq = 0;
  let sfactor = Math.sqrt(sfactorSq);
  if (sweep === large) sfactor = -sfactor;
  const xc = 0.5 * (x0 + x1) - sfactor * (y1 - y0);
  const yc = 0.5 * (y0 + y1) + sfactor * (x1 - x0);
  const th0 = Math.atan2(y0 - yc, x0 - xc);
  const th1 = Math.atan2(y1 - yc, x1 - xc);
  let thArc = th1 - th0;
  if (thArc < 0 && sweep === 1) thArc += 2 * Math.PI;
  else if (thArc > 0 && sweep === 0) thArc -= 2 * Math.PI;
  const segments = Math.ceil(Math.abs(thArc / (Math.PI * 0.5 + 0.001)));
  const result: Segment[] = [];
  for (let i = 0; i < segments; i++) {
    const th2 = th0 + (i * thArc) / segments;
    const th3 = th0 + ((i + 1) * thArc) / segments;
    result.push([xc, yc, th2, th3, rx, ry, sinTh, cosTh]);
  }
  return result;
}

function segmentToBezier(cx: number, cy: number, th0: number, th1: number, rx: number, ry: number, sinTh: number, cosTh: number) {
  const a00 = cosTh * rx;
  const a01 = -sinTh * ry;
  const a10 = sinTh * rx;
  const a11 = cosTh * ry;
  const thHalf = 0.5 * (th1 - th0);
  const t = ((8 / 3) * Math.sin(thHalf * 0.5) * Math.sin(thHalf * 0.5)) / Math.sin(thHalf);
  const x1 = cx + Math.cos(th0) - t * Math.sin(th0);
  const y1 = cy + Math.sin(th0) + t * Math.cos(th0);
  const x3 = cx + Math.cos(th1);
  const y3 = cy + Math.sin(th1);
  const x2 = x3 + t * Math.sin(th1);
  const y2 = y3 - t * Math.cos(th1);
  return [
    a00 * x1 + a01 * y1,
    a10 * x1 + a11 * y1,
    a00 * x2 + a01 * y2,
    a10 * x2 + a11 * y2,
    a00 * x3 + a01 * y3,
    a10 * x3 + a11 * y3,
  ] as const;
}
