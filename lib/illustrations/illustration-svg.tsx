import type { IllustrationGeometry } from "./geometry";
import { svgStyleAttributes } from "./svg";

const camel = (name: string) => name.replace(/-([a-z])/g, (_, c: string) => c.toUpperCase());

/**
 * The web's React adapter: the same shapes as geometryToSvg, as an inline <svg> element that scales
 * to its container. Works in server components (no hooks, no state).
 */
export function IllustrationSvg({ geometry, className }: { geometry: IllustrationGeometry; className?: string }) {
  return (
    <svg
      xmlns="http://www.w3.org/2000/svg"
      viewBox={`0 0 ${geometry.width} ${geometry.height}`}
      role="img"
      aria-label={geometry.alt}
      className={className}
    >
      <title>{geometry.alt}</title>
      <g fill="none" strokeLinecap="round" strokeLinejoin="round" fontFamily="system-ui, sans-serif">
        {geometry.shapes.map((shape) => {
          const style = Object.fromEntries(Object.entries(svgStyleAttributes(shape.style)).map(([k, v]) => [camel(k), v]));
          return shape.kind === "path" ? (
            <path key={shape.z} d={shape.d} {...style} />
          ) : (
            <text key={shape.z} x={shape.x} y={shape.y} fontSize={shape.fontSize} textAnchor="middle" {...style}>
              {shape.text}
            </text>
          );
        })}
      </g>
    </svg>
  );
}
