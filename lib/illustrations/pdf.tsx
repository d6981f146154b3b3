import type { ReactElement } from "react";
import { Canvas, Font, Svg, Text, View } from "@react-pdf/renderer";
import type { IllustrationGeometry, Shape } from "./geometry";
import { compilePath, type PathOp } from "./pdf-path";

type PathShape = Extract<Shape, { kind: "path" }>;
type TextShape = Extract<Shape, { kind: "text" }>;

/** One path as printed: its outline and how it is filled and stroked, in picture units. */
export type PdfPath = {
  d: string;
  fill: string | null;
  stroke: string | null;
  strokeWidth: number;
  dash?: number[];
  opacity?: number;
  /** The outline as pdfkit's operators, worked out once (see compilePath); without it, `d` is drawn. */
  ops?: PathOp[] | null;
};

/**
 * A body part comes as two shapes with one outline: a wide stroke, then the fill over its inner half.
 * Print such a pair as one path, filled and then stroked at half the width: the same line, the same fill
 * (the line sits half a line further in), half the drawing operations. Only for one outline: a part made
 * of overlapping pieces (the trunk) would show the seams between them.
 */
function outlineAndFill(outline: Shape, fill: Shape | undefined): fill is PathShape {
  return (
    outline.kind === "path" &&
    fill?.kind === "path" &&
    fill.d === outline.d &&
    outline.d.lastIndexOf("M") === 0 &&
    outline.style.fill === null &&
    outline.style.stroke !== null &&
    fill.style.fill !== null &&
    fill.style.stroke === null &&
    outline.style.opacity === fill.style.opacity
  );
}

function pdfPath(shape: PathShape, fill: string | null, strokeWidth: number): PdfPath {
  const { style } = shape;
  return {
    d: shape.d,
    ops: compilePath(shape.d),
    fill,
    stroke: style.stroke,
    strokeWidth: style.stroke ? strokeWidth : 0,
    ...(style.dash ? { dash: style.dash.split(/[\s,]+/).map(Number) } : {}),
    ...(style.opacity !== undefined ? { opacity: style.opacity } : {}),
  };
}

/** The drawing's paths in drawing order, outline-and-fill pairs merged, and its captions. */
export function pdfShapes(geometry: IllustrationGeometry): { paths: PdfPath[]; captions: TextShape[] } {
  const paths: PdfPath[] = [];
  const captions: TextShape[] = [];
  const { shapes } = geometry;
  for (let i = 0; i < shapes.length; i++) {
    const shape = shapes[i]!;
    if (shape.kind === "text") captions.push(shape);
    else if (outlineAndFill(shape, shapes[i + 1])) {
      paths.push(pdfPath(shape, shapes[i + 1]!.style.fill, shape.style.strokeWidth / 2));
      i++;
    } else paths.push(pdfPath(shape, shape.style.fill, shape.style.strokeWidth));
  }
  return { paths, captions };
}

/** The pdfkit calls react-pdf's <Canvas> passes on (see @react-pdf/render's painter). */
type Painter = {
  save(): Painter;
  restore(): Painter;
  translate(x: number, y: number): Painter;
  scale(x: number, y: number): Painter;
  rect(x: number, y: number, w: number, h: number): Painter;
  path(d: string): Painter;
  moveTo(x: number, y: number): Painter;
  lineTo(x: number, y: number): Painter;
  bezierCurveTo(x1: number, y1: number, x2: number, y2: number, x: number, y: number): Painter;
  quadraticCurveTo(x1: number, y1: number, x: number, y: number): Painter;
  lineCap(cap: string): Painter;
  lineJoin(join: string): Painter;
  lineWidth(width: number): Painter;
  dash(pattern: number[]): Painter;
  strokeColor(color: string): Painter;
  fillColor(color: string): Painter;
  opacity(opacity: number): Painter;
  fill(): Painter;
  stroke(): Painter;
  fillAndStroke(): Painter;
  font(src: unknown, size?: number): Painter;
  text(text: string, x: number, y: number, options?: object): Painter;
};

/** A loaded face as react-pdf keeps it: a fontkit font, or one of the PDF's standard fonts. */
type Face = {
  type?: string;
  fullName?: string;
  unitsPerEm: number;
  ascent: number;
  layout(text: string): { advanceWidth: number };
};

/**
 * The handout's regular face, if react-pdf has loaded it (the handout loads its faces before it renders).
 * Handed to pdfkit, the same fontkit font is recognised as the one the handout's text already embeds, so
 * it is not embedded a second time.
 */
function loadedFace(fontFamily: string | undefined): Face | null {
  try {
    const source = Font.getFont({ fontFamily: fontFamily ?? "Helvetica", fontWeight: 400, fontStyle: "normal" }) as
      { data: Face | null } | undefined;
    return source?.data ?? null;
  } catch {
    return null;
  }
}

/** A caption where pdfkit sets it: the top left of its line, in picture units. */
export type PlacedCaption = { text: string; fill: string; fontSize: number; x: number; y: number };

/**
 * Where each caption goes, worked out once per drawing: centred on its anchor with its baseline where the
 * SVG puts it, as react-pdf's <Svg> <Text textAnchor="middle"> sets it.
 */
export function placeCaptions(captions: TextShape[], face: Face): PlacedCaption[] {
  return captions.map((caption) => {
    const em = caption.fontSize / face.unitsPerEm;
    return {
      text: caption.text,
      fill: caption.style.fill ?? "#000",
      fontSize: caption.fontSize,
      x: caption.x - (face.layout(caption.text).advanceWidth * em) / 2,
      y: caption.y - face.ascent * em,
    };
  });
}

/**
 * The captions as real PDF text (pdftotext finds them), set on the canvas after the paths, without the
 * text layout and the three layout nodes an <Svg> with <Text> costs a drawing.
 */
export function paintCaptions(
  painter: Painter,
  captions: PlacedCaption[],
  face: Face,
  geometry: { width: number; height: number },
  w: number,
  h: number,
) {
  const scale = Math.min(w / geometry.width, h / geometry.height);
  painter
    .save()
    .translate((w - geometry.width * scale) / 2, (h - geometry.height * scale) / 2)
    .scale(scale, scale);
  const src = face.type === "STANDARD" ? face.fullName : face;
  for (const caption of captions) {
    painter.fillColor(caption.fill).font(src, caption.fontSize).text(caption.text, caption.x, caption.y, { lineBreak: false });
  }
  painter.restore();
}

/**
 * Draws the paths straight onto the page, scaled into the box like an SVG viewBox ("meet", centred), with
 * the look react-pdf's <Svg> gives a <Path> (round caps and joins, the same colours, widths, dashes and
 * opacity). Every operator costs pdfkit an allocation, so the state the paths share is set once and only
 * changes are written: a dashed or translucent path is drawn inside its own save and restore, as pdfkit
 * cannot undo a dash.
 */
export function paintPaths(painter: Painter, paths: PdfPath[], geometry: { width: number; height: number }, w: number, h: number) {
  const scale = Math.min(w / geometry.width, h / geometry.height);
  painter
    .save()
    .translate((w - geometry.width * scale) / 2, (h - geometry.height * scale) / 2)
    .scale(scale, scale);
  painter.lineCap("round").lineJoin("round");
  let width: number | undefined;
  let stroke: string | undefined;
  let fill: string | undefined;
  for (const p of paths) {
    const isolated = p.dash !== undefined || p.opacity !== undefined;
    if (isolated) {
      painter.save();
      if (p.dash) painter.dash(p.dash);
      if (p.strokeWidth) painter.lineWidth(p.strokeWidth);
      if (p.stroke) painter.strokeColor(p.stroke);
      if (p.fill) painter.fillColor(p.fill);
      if (p.opacity !== undefined) painter.opacity(p.opacity);
    } else {
      if (p.strokeWidth && p.strokeWidth !== width) painter.lineWidth((width = p.strokeWidth));
      if (p.stroke && p.stroke !== stroke) painter.strokeColor((stroke = p.stroke));
      if (p.fill && p.fill !== fill) painter.fillColor((fill = p.fill));
    }
    if (p.ops) outline(painter, p.ops);
    else painter.path(p.d);
    if (p.fill && p.stroke) painter.fillAndStroke();
    else if (p.fill) painter.fill();
    else if (p.stroke) painter.stroke();
    if (isolated) painter.restore();
  }
  painter.restore();
}

/** Replays a compiled outline (see compilePath). */
function outline(painter: Painter, ops: PathOp[]) {
  for (const op of ops) {
    if (op[0] === "m") painter.moveTo(op[1], op[2]);
    else if (op[0] === "l") painter.lineTo(op[1], op[2]);
    else if (op[0] === "c") painter.bezierCurveTo(op[1], op[2], op[3], op[4], op[5], op[6]);
    else painter.quadraticCurveTo(op[1], op[2], op[3], op[4]);
  }
}

// A handout draws the same few pictures again and again: build each picture's element once per geometry
// (lib/handout/pdf/block-layout.ts keeps one geometry per drawing and size across renders).
const built = new WeakMap<IllustrationGeometry, Map<string, ReactElement>>();

/**
 * The handout's thin adapter: geometry as PDF vector paths (never a raster image), so a picture prints
 * sharp at any size. The paths are painted on one react-pdf <Canvas> — one layout node for the whole
 * drawing, where an <Svg> with a <Path> per body part made about 50 and was most of what a drawing cost a
 * handout. The captions are set on the same canvas as PDF text in the handout's (already loaded and
 * embedded) font: as <Svg> text over the picture they cost a drawing three layout nodes and a text layout,
 * about a third of what drawings added to a handout. Only if that font is not loaded yet (never in the
 * handout, which loads its faces first) are they <Svg> text as before. Kept apart from the web adapters so
 * the browser never loads react-pdf.
 */
export function IllustrationPdf({
  geometry,
  width,
  fontFamily,
}: {
  geometry: IllustrationGeometry;
  /** Width on the page in points; the height follows the picture. */
  width: number;
  /** A font registered with react-pdf, for frame captions. */
  fontFamily?: string;
}) {
  const face = loadedFace(fontFamily);
  const key = `${width}/${fontFamily ?? ""}/${face ? "canvas" : "svg"}`;
  const cached = built.get(geometry)?.get(key);
  if (cached) return cached;
  const height = (width * geometry.height) / geometry.width;
  const { paths, captions } = pdfShapes(geometry);
  const box = { width, height };
  const placed = face ? placeCaptions(captions, face) : [];
  const paint = (painter: Painter, w?: number, h?: number) => {
    // Called without a size only to measure, which a box with a fixed size never needs.
    if (w === undefined || h === undefined) painter.rect(0, 0, width, height);
    else {
      paintPaths(painter, paths, geometry, w, h);
      if (face && placed.length) paintCaptions(painter, placed, face, geometry, w, h);
    }
    return null;
  };
  // The usual case, the handout's font loaded: the whole drawing, captions too, is one layout node.
  const element = face ? (
    <Canvas style={box} paint={paint} />
  ) : (
    <View style={box}>
      <Canvas style={box} paint={paint} />
      {captions.length ? (
        <Svg
          viewBox={`0 0 ${geometry.width} ${geometry.height}`}
          width={width}
          height={height}
          style={{ position: "absolute", top: 0, left: 0 }}
        >
          {captions.map((shape) => (
            <Text
              key={shape.z}
              x={shape.x}
              y={shape.y}
              textAnchor="middle"
              fill={shape.style.fill ?? "#000"}
              style={{ fontSize: shape.fontSize, ...(fontFamily ? { fontFamily } : {}) }}
            >
              {shape.text}
            </Text>
          ))}
        </Svg>
      ) : null}
    </View>
  );
  if (!built.has(geometry)) built.set(geometry, new Map());
  built.get(geometry)!.set(key, element);
  return element;
}
