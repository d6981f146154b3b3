import { Path, Svg, Text } from "@react-pdf/renderer";
import type { IllustrationGeometry } from "./geometry";

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
  const height = (width * geometry.height) / geometry.width;
  return (
    <Svg viewBox={`0 0 ${geometry.width} ${geometry.height}`} width={width} height={height}>
      {geometry.shapes.map((shape) =>
        shape.kind === "path" ? (
          <Path
            key={shape.z}
            d={shape.d}
            fill={shape.style.fill ?? "none"}
            stroke={shape.style.stroke ?? "none"}
            strokeWidth={shape.style.stroke ? shape.style.strokeWidth : 0}
            strokeLinecap="round"
            strokeLinejoin="round"
            {...(shape.style.dash ? { strokeDasharray: shape.style.dash } : {})}
            {...(shape.style.opacity !== undefined ? { opacity: shape.style.opacity } : {})}
          />
        ) : (
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
        ),
      )}
    </Svg>
  );
}
