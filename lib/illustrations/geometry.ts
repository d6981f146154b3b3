import { cameraFor, project, type Projected } from "./camera";
import { emptyBox, growBox, num, pathData, primBox, unionBox, type Box } from "./draw2d";
import { figureItems, propItems, type DrawItem } from "./figure-items";
import { arrowItem, highlightItem } from "./annotations";
import { illustrationForSide } from "./mirror";
import { buildProps, MAT_THICKNESS, type SceneExtent } from "./props";
import type { AnchorName, Illustration, IllustrationFrame } from "./schema";
import { solveBody, type Body3D } from "./skeleton";
import { captionStyle, dividerStyle, floorStyle, type ShapeStyle } from "./style";

export type ShapeRole = "figure" | "prop" | "floor" | "arrow" | "highlight" | "caption" | "divider";

/** One shape to draw. Shapes come in drawing order (`z` counts up from the back). */
type ShapeBody = ({ kind: "path"; d: string } | { kind: "text"; x: number; y: number; text: string; fontSize: number }) & {
  style: ShapeStyle;
  /** The bounds of what is painted, stroke included. */
  box: Box;
  /** What it draws: "trunk", "rightForearm", "chair", "arrow", "floor", "caption", … */
  name: string;
  /** The frame it belongs to, when it belongs to one. */
  frame?: number;
};
export type Shape = ShapeBody & { z: number };

export type Panel = { x: number; y: number; width: number; height: number; label?: string };

export type IllustrationGeometry = {
  /** The picture is `0 0 width height` in its own units (about 1 cm of the figure each). */
  width: number;
  height: number;
  panels: Panel[];
  shapes: Shape[];
  /** Every anchor of every frame, projected into the picture: handles for an editor, and for tests. */
  frames: { panel: number; joints: Record<AnchorName, Projected> }[];
  alt: string;
};

export type GeometryOptions = {
  /** Draw frame labels ("Start", "Finish") under the frames. Default true. */
  captions?: boolean;
  /** The dose's side: mirrors the figure when it differs from the side drawn. */
  side?: string;
  /**
   * Frames in a row, or one above the other. "auto" (the default) stacks frames that are more than
   * twice as wide as tall, such as a figure lying down, so each stays large on a phone.
   */
  arrange?: "row" | "column" | "auto";
  /** Captions at least this size in picture units: paper sets a smallest type size (see lib/handout/pdf). */
  minCaptionSize?: number;
};

const PAD = 5;
const GAP = 6;

const floorOf = (props: IllustrationFrame["props"]) => (props?.some((p) => p.kind === "mat") ? MAT_THICKNESS : 0);

function extentOf(bodies: Body3D[]): SceneExtent {
  const min = [Infinity, Infinity, Infinity];
  const max = [-Infinity, -Infinity, -Infinity];
  for (const body of bodies)
    for (const v of Object.values(body.anchors))
      for (let i = 0; i < 3; i++) {
        min[i] = Math.min(min[i]!, v[i]!);
        max[i] = Math.max(max[i]!, v[i]!);
      }
  // Anchors are joint centres: widen by about the thickness of the body.
  return { min: [min[0]! - 11, min[1]! - 8, min[2]! - 9], max: [max[0]! + 11, max[1]! + 13, max[2]! + 9] };
}

type Placed = DrawItem & { panel: number; order: number; frame?: number };

/**
 * The one drawing function: an illustration to shapes with coordinates, styles and drawing order.
 * Pure and deterministic; the SVG and PDF adapters only write these shapes out.
 */
export function illustrationToGeometry(input: Illustration, options: GeometryOptions = {}): IllustrationGeometry {
  const ill = illustrationForSide(input, options.side);
  const camera = cameraFor(ill.view);
  const overlay = ill.layout === "overlay" && ill.frames.length > 1;
  const propsOf = (frame: IllustrationFrame) => frame.props ?? ill.props;
  const bodies = ill.frames.map((frame) => solveBody(frame.pose, floorOf(propsOf(frame))));
  const scene = extentOf(bodies);

  const placed: Placed[] = [];
  let showFloor = false;
  const add = (items: DrawItem[], panel: number, order: number, frame?: number) =>
    items.forEach((item) => placed.push({ ...item, panel, order, frame }));
  ill.frames.forEach((frame, i) => {
    const ghost = overlay && i > 0;
    const panel = overlay ? 0 : i;
    const solids = buildProps(propsOf(frame), bodies[i]!, floorOf(propsOf(frame)), scene, frame.pose.root?.yaw ?? 0);
    const layers = propItems(solids, camera, ghost);
    showFloor ||= layers.floor;
    // In an overlay the later (faint) frames go underneath, and fixed props are drawn once.
    const figureOrder = overlay ? (ghost ? 10 - i : 20) : 20;
    if (!ghost) add(layers.back, panel, 0, i);
    add([...figureItems(bodies[i]!, camera, ghost), ...layers.withFigure], panel, figureOrder, i);
  });
  for (const arrow of ill.arrows) add([arrowItem(arrow, bodies, camera)], overlay ? 0 : arrow.frame, 30, arrow.frame);
  for (const h of ill.highlights) add([highlightItem(h, bodies, camera)], overlay ? 0 : (h.frame ?? ill.frames.length - 1), 29);
  placed.sort((a, b) => a.order - b.order || a.depth - b.depth);

  // One size for every panel, so the frames share a floor and a scale.
  let box = emptyBox();
  for (const item of placed) for (const part of item.parts) box = unionBox(box, primBox(part.prim, part.style.strokeWidth / 2));
  const floorY = project(camera, [0, 0, 0]).y;
  const flatFloor = showFloor && ill.view.kind !== "above" && Math.abs(ill.view.pitch ?? 0) < 1;
  if (flatFloor) growBox(box, box.minX, floorY + 1);
  const contentWidth = box.maxX - box.minX;
  const contentHeight = box.maxY - box.minY;
  // Keep very tall figures from turning into a sliver on a phone.
  const panelWidth = Math.max(contentWidth + 2 * PAD, (contentHeight + 2 * PAD) * 0.5);
  const captions = (options.captions ?? true) && ill.frames.some((f) => f.label);
  const panelCount = overlay ? 1 : ill.frames.length;
  const panelHeight = contentHeight + 2 * PAD;
  const arrange = options.arrange ?? "auto";
  const column = panelCount > 1 && (arrange === "column" || (arrange === "auto" && panelWidth > 2.2 * panelHeight));
  const width = column ? panelWidth : panelCount * panelWidth + (panelCount - 1) * GAP;
  // Captions as large as on other pictures, unless the longest would not fit under its frame.
  const captionTexts = overlay
    ? [
        ill.frames
          .map((f) => f.label)
          .filter(Boolean)
          .join(" → "),
      ]
    : ill.frames.map((f) => f.label ?? "");
  const longest = Math.max(1, ...captionTexts.map((text) => text.length));
  // In step with the picture's larger side, so captions look one size whether a picture is shown at a
  // set width (wide pictures) or a set height (tall ones).
  const drawnHeight = (column ? panelCount : 1) * panelHeight;
  const fontSize = Math.max(
    options.minCaptionSize ?? 0,
    Math.min(Math.max(width, drawnHeight * 1.1) / 22, (panelWidth * 0.94) / (0.58 * longest)),
  );
  const captionHeight = captions ? fontSize * 1.7 : 0;
  const block = panelHeight + captionHeight;
  const height = column ? panelCount * block + (panelCount - 1) * GAP : block;
  const panelAt = (panel: number): [number, number] => (column ? [0, panel * (block + GAP)] : [panel * (panelWidth + GAP), 0]);

  const offset = (panel: number): [number, number] => {
    const [px, py] = panelAt(panel);
    return [px + (panelWidth - contentWidth) / 2 - box.minX, py + PAD - box.minY];
  };
  const shapes: Shape[] = [];
  const push = (shape: ShapeBody) => shapes.push({ ...shape, z: shapes.length });
  const panels: Panel[] = Array.from({ length: panelCount }, (_, i) => ({
    x: panelAt(i)[0],
    y: panelAt(i)[1],
    width: panelWidth,
    height: block,
    ...(overlay ? {} : ill.frames[i]!.label ? { label: ill.frames[i]!.label } : {}),
  }));

  panels.forEach((panel, i) => {
    if (i > 0 && column) {
      const y = panel.y - GAP / 2;
      const [x0, x1] = [PAD, Math.round(panelWidth - PAD)];
      push({
        kind: "path",
        name: "divider",
        d: `M${x0} ${num(y)}L${x1} ${num(y)}`,
        style: dividerStyle,
        box: { minX: x0, maxX: x1, minY: y, maxY: y },
      });
    } else if (i > 0) {
      const x = panel.x - GAP / 2;
      const d = `M${num(x)} ${PAD}L${num(x)} ${Math.round(panelHeight - PAD)}`;
      push({ kind: "path", name: "divider", d, style: dividerStyle, box: { minX: x, maxX: x, minY: PAD, maxY: panelHeight - PAD } });
    }
    if (flatFloor) {
      const y = floorY + offset(i)[1];
      const [x0, x1] = [panel.x + 1, panel.x + panel.width - 1];
      push({
        kind: "path",
        name: "floor",
        d: pathData({
          t: "poly",
          pts: [
            [x0, y],
            [x1, y],
          ],
          closed: false,
        }),
        style: floorStyle,
        box: { minX: x0, maxX: x1, minY: y, maxY: y },
      });
    }
  });
  // A body part's outline and fill share one primitive: write its path once.
  const written = new Map<object, string>();
  for (const item of placed) {
    const [dx, dy] = offset(item.panel);
    for (const part of item.parts) {
      const b = primBox(part.prim, part.style.strokeWidth / 2);
      const d = written.get(part.prim) ?? pathData(part.prim, dx, dy);
      written.set(part.prim, d);
      push({
        kind: "path",
        name: item.name,
        frame: item.frame,
        d,
        style: part.style,
        box: { minX: b.minX + dx, maxX: b.maxX + dx, minY: b.minY + dy, maxY: b.maxY + dy },
      });
    }
  }
  if (captions) {
    captionTexts.forEach((text, i) => {
      if (!text) return;
      const x = panels[i]!.x + panelWidth / 2;
      const y = panels[i]!.y + panelHeight + fontSize * 1.15;
      const half = Math.min(panelWidth / 2, text.length * fontSize * 0.29);
      push({
        kind: "text",
        name: "caption",
        x,
        y,
        text,
        fontSize,
        style: captionStyle,
        box: { minX: x - half, maxX: x + half, minY: y - fontSize, maxY: y + fontSize * 0.3 },
      });
    });
  }

  const frames = bodies.map((body, i) => {
    const panel = overlay ? 0 : i;
    const [dx, dy] = offset(panel);
    const joints = Object.fromEntries(
      Object.entries(body.anchors).map(([name, v]) => {
        const p = project(camera, v);
        return [name, { x: p.x + dx, y: p.y + dy, depth: p.depth }];
      }),
    ) as Record<AnchorName, Projected>;
    return { panel, joints };
  });
  return { width, height, panels, shapes, frames, alt: ill.alt };
}

const sizes = new Map<string, { width: number; height: number }>();

/**
 * Only the picture's size (what an `<img>` tag needs), remembered per illustration: the whole geometry
 * takes milliseconds to solve, and the patient's page, which shows drawings as images, needs the size of
 * each on every view. Keyed by the illustration's JSON, so an edited drawing gets its new size.
 */
export function illustrationSize(input: Illustration): { width: number; height: number } {
  const key = JSON.stringify(input);
  let size = sizes.get(key);
  if (!size) {
    const { width, height } = illustrationToGeometry(input);
    size = { width, height };
    if (sizes.size >= 2000) sizes.delete(sizes.keys().next().value!); // bounded: drop the oldest
    sizes.set(key, size);
  }
  return size;
}
