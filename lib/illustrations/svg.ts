import { num } from "./draw2d";
import type { IllustrationGeometry, Shape } from "./geometry";
import type { ShapeStyle } from "./style";

/** Writes geometry out as an SVG document: the web's thin adapter. */

const escapeXml = (s: string) =>
  s.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]!);

/** SVG presentation attributes for a style (fill defaults to none on the root group). */
export function svgStyleAttributes(style: ShapeStyle): Record<string, string> {
  const attrs: Record<string, string> = {};
  if (style.fill) attrs.fill = style.fill;
  if (style.stroke) {
    attrs.stroke = style.stroke;
    attrs["stroke-width"] = num(style.strokeWidth);
  }
  if (style.opacity !== undefined) attrs.opacity = String(style.opacity);
  if (style.dash) attrs["stroke-dasharray"] = style.dash;
  return attrs;
}

const attrString = (attrs: Record<string, string>) =>
  Object.entries(attrs)
    .map(([k, v]) => ` ${k}="${escapeXml(v)}"`)
    .join("");

function shapeToSvg(shape: Shape): string {
  const style = attrString(svgStyleAttributes(shape.style));
  if (shape.kind === "path") return `<path d="${shape.d}"${style}/>`;
  return `<text x="${num(shape.x)}" y="${num(shape.y)}" font-size="${num(shape.fontSize)}" text-anchor="middle"${style}>${escapeXml(shape.text)}</text>`;
}

export type SvgOptions = {
  /** Width attribute in CSS pixels; by default the SVG scales to its container. */
  width?: number;
  /** An id prefix for the title element (needed when several pictures share a page). */
  idPrefix?: string;
};

export function geometryToSvg(geometry: IllustrationGeometry, options: SvgOptions = {}): string {
  const titleId = `${options.idPrefix ?? "illustration"}-title`;
  const size =
    options.width !== undefined ? ` width="${options.width}" height="${num((options.width * geometry.height) / geometry.width)}"` : "";
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${num(geometry.width)} ${num(geometry.height)}"${size} role="img" aria-labelledby="${titleId}">` +
    `<title id="${titleId}">${escapeXml(geometry.alt)}</title>` +
    `<g fill="none" stroke-linecap="round" stroke-linejoin="round" font-family="system-ui, sans-serif">` +
    geometry.shapes.map(shapeToSvg).join("") +
    `</g></svg>`
  );
}
