import type { ReactElement } from "react";
import { Path, Svg, Text } from "@react-pdf/renderer";
import type { IllustrationGeometry, Shape } from "./geometry";

type PathShape = Extract<Shape, { kind: "path" }>;

/**
 * A body part comes as two shapes with one outline: a wide stroke, then the fill over its inner half.
 * react-pdf's time grows with the number of paths, so print such a pair as one path, filled and then
 * stroked at half the width: the same line, the same fill (the line sits half a line further in). Only
 * for one outline: a part made of overlapping pieces (the trunk) would show the seams between them.
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

function pathElement(key: number, shape: PathShape, fill: string | null, strokeWidth: number) {
  const { style } = shape;
  return (
    <Path
      key={key}
      d={shape.d}
      fill={fill ?? "none"}
      stroke={style.stroke ?? "none"}
      strokeWidth={style.stroke ? strokeWidth : 0}
      strokeLinecap="round"
      strokeLinejoin="round"
      {...(style.dash ? { strokeDasharray: style.dash } : {})}
      {...(style.opacity !== undefined ? { opacity: style.opacity } : {})}
    />
  );
}

function shapeElements(geometry: IllustrationGeometry, fontFamily: string | undefined): ReactElement[] {
  const elements: ReactElement[] = [];
  const { shapes } = geometry;
  for (let i = 0; i < shapes.length; i++) {
    const shape = shapes[i]!;
    if (shape.kind === "text") {
      elements.push(
        <Text
          key={shape.z}
          x={shape.x}
          y={shape.y}
          textAnchor="middle"
          fill={shape.style.fill ?? "#000"}
          style={{ fontSize: shape.fontSize, ...(fontFamily ? { fontFamily } : {}) }}
        >
          {shape.text}
        </Text>,
      );
    } else if (outlineAndFill(shape, shapes[i + 1])) {
      elements.push(pathElement(shape.z, shape, shapes[i + 1]!.style.fill, shape.style.strokeWidth / 2));
      i++;
    } else {
      elements.push(pathElement(shape.z, shape, shape.style.fill, shape.style.strokeWidth));
    }
  }
  return elements;
}

// A handout draws the same few pictures again and again: build each picture's elements once per geometry
// (lib/handout/pdf/block-layout.ts keeps one geometry per drawing and size across renders).
const built = new WeakMap<IllustrationGeometry, Map<string, ReactElement>>();

/**
 * The handout's thin adapter: geometry as react-pdf vector primitives (never a raster image), so a
 * picture prints sharp at any size. Kept apart from the web adapters so the browser never loads
 * react-pdf.
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
  const key = `${width}/${fontFamily ?? ""}`;
  const cached = built.get(geometry)?.get(key);
  if (cached) return cached;
  const height = (width * geometry.height) / geometry.width;
  const svg = (
    <Svg viewBox={`0 0 ${geometry.width} ${geometry.height}`} width={width} height={height}>
      {shapeElements(geometry, fontFamily)}
    </Svg>
  );
  if (!built.has(geometry)) built.set(geometry, new Map());
  built.get(geometry)!.set(key, svg);
  return svg;
}
