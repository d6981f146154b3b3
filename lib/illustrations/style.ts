/** The look of the drawings: colours and line widths, in picture units (1 unit ≈ 1 cm of the figure). */

export type ShapeStyle = {
  fill: string | null;
  stroke: string | null;
  strokeWidth: number;
  opacity?: number;
  dash?: string;
};

export const palette = {
  ink: "#22405c",
  nearFill: "#86b8de",
  farFill: "#c6dcee",
  farInk: "#6f8ca6",
  headFill: "#d6e8f6",
  hair: "#4d6a86",
  ghostFill: "#f1f6fb",
  ghostInk: "#a3bacf",
  arrow: "#e0532b",
  highlight: "#ff7a3d",
  caption: "#22405c",
  floor: "#9aa6b2",
  divider: "#d5dde5",
} as const;

export type FigureTone = "near" | "far" | "head" | "ghost";

const tones: Record<FigureTone, { fill: string; ink: string; outline: number }> = {
  near: { fill: palette.nearFill, ink: palette.ink, outline: 1.2 },
  head: { fill: palette.headFill, ink: palette.ink, outline: 1.2 },
  far: { fill: palette.farFill, ink: palette.farInk, outline: 0.9 },
  ghost: { fill: palette.ghostFill, ink: palette.ghostInk, outline: 0.9 },
};

/** The two passes that draw a body part: a wide outline stroke, then the fill on top of it. */
export function figurePasses(tone: FigureTone): [ShapeStyle, ShapeStyle] {
  const t = tones[tone];
  return [
    { fill: null, stroke: t.ink, strokeWidth: t.outline * 2, ...(tone === "ghost" ? { dash: "3 2" } : {}) },
    { fill: t.fill, stroke: null, strokeWidth: 0 },
  ];
}

export function figureInk(tone: FigureTone): string {
  return tones[tone].ink;
}

export const propStyles = {
  prop: { fill: "#ece4d8", stroke: "#8f806c", strokeWidth: 1.1 },
  wall: { fill: "#eef1f4", stroke: "#a3adb8", strokeWidth: 1.1 },
  mat: { fill: "#cfe7d3", stroke: "#6f9e78", strokeWidth: 1 },
  roller: { fill: "#f4b86f", stroke: "#a86a2a", strokeWidth: 1.1 },
  rollerEnd: { fill: null, stroke: "#a86a2a", strokeWidth: 0.9 },
  pillow: { fill: "#f6f2ea", stroke: "#a89e8c", strokeWidth: 1.1 },
  band: { fill: null, stroke: "#d9467a", strokeWidth: 2 },
} as const satisfies Record<string, ShapeStyle>;

export const floorStyle: ShapeStyle = { fill: null, stroke: palette.floor, strokeWidth: 1.4 };
export const arrowStyle: ShapeStyle = { fill: null, stroke: palette.arrow, strokeWidth: 2 };
export const arrowHeadStyle: ShapeStyle = { fill: palette.arrow, stroke: null, strokeWidth: 0 };
export const highlightStyle: ShapeStyle = {
  fill: palette.highlight,
  stroke: palette.highlight,
  strokeWidth: 1,
  opacity: 0.4,
};
export const dividerStyle: ShapeStyle = { fill: null, stroke: palette.divider, strokeWidth: 1 };
export const captionStyle: ShapeStyle = { fill: palette.caption, stroke: null, strokeWidth: 0 };
