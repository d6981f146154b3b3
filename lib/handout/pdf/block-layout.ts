import type { HandoutExercise, HandoutPayload, HandoutPicture, PaperSize } from "../types";
import { illustrationToGeometry, type IllustrationGeometry } from "@/lib/illustrations/geometry";
import type { Illustration } from "@/lib/illustrations/schema";
import { sizesFor } from "./styles";

/** Portrait page sizes in points. */
export const pagePoints: Record<PaperSize, { width: number; height: number }> = {
  A4: { width: 595.28, height: 841.89 },
  LETTER: { width: 612, height: 792 },
};

// Estimates of printed heights, from text length: DejaVu Sans averages 0.49 em per character in regular and
// 0.55 in bold, and lines break between words. Checked against react-pdf's own layout of the starter
// library (pages sized to their content): within a few per cent, erring tall.
const emPerChar = 0.53;

/** Lines a paragraph takes in `width` points. */
function lines(text: string, fontSize: number, width: number): number {
  return Math.max(1, Math.ceil((text.length * emPerChar * fontSize) / width));
}

/** How tall a picture prints at `width` points, when its size is known. */
export function pictureHeight(picture: Pick<HandoutPicture, "width" | "height">, width: number, maxHeight: number): number {
  return picture.width && picture.height ? Math.min(maxHeight, (width * picture.height) / picture.width) : maxHeight;
}

// A drawing is worked out once per size, for the layout estimate and for drawing it, and kept across
// renders (a worker draws the same library's pictures again and again): by the drawing itself, then by
// its JSON, as each render gets its own copy of the payload. The most recent few hundred are kept.
const drawings = new WeakMap<Illustration, Map<string, PrintedDrawing>>();
const drawingsByJson = new Map<string, Map<string, PrintedDrawing>>();
const keptDrawings = 300;

function sizesOf(illustration: Illustration): Map<string, PrintedDrawing> {
  const known = drawings.get(illustration);
  if (known) return known;
  const json = JSON.stringify(illustration);
  const sizes = drawingsByJson.get(json) ?? new Map<string, PrintedDrawing>();
  drawingsByJson.delete(json);
  drawingsByJson.set(json, sizes);
  if (drawingsByJson.size > keptDrawings) drawingsByJson.delete(drawingsByJson.keys().next().value!);
  drawings.set(illustration, sizes);
  return sizes;
}
export type PrintedDrawing = { geometry: IllustrationGeometry; width: number; height: number };

/**
 * A drawing as printed: as wide as its box allows without passing `maxHeight`, with captions no smaller
 * than the handout's smallest type (`minType` points). Caption size changes the height, so settle in a few rounds.
 */
export function printedDrawing(illustration: Illustration, boxWidth: number, maxHeight: number, minType: number): PrintedDrawing {
  const key = `${boxWidth}/${maxHeight}/${minType}`;
  const sizes = sizesOf(illustration);
  const cached = sizes.get(key);
  if (cached) return cached;
  let geometry = illustrationToGeometry(illustration);
  let width = boxWidth;
  for (let round = 0; round < 8; round++) {
    width = Math.min(boxWidth, (maxHeight * geometry.width) / geometry.height);
    const caption = geometry.shapes.find((shape) => shape.kind === "text");
    // A little over the minimum: react-pdf rounds the box it scales the picture into.
    if (!caption || caption.kind !== "text" || (caption.fontSize * width) / geometry.width >= minType * 1.02) break;
    geometry = illustrationToGeometry(illustration, { minCaptionSize: (minType * 1.05 * geometry.width) / width });
  }
  const drawing = { geometry, width, height: (width * geometry.height) / geometry.width };
  sizes.set(key, drawing);
  return drawing;
}

/** The content box of a page: what is left inside the margins and above the footer. */
export function contentBox(paper: PaperSize, largePrint: boolean): { width: number; height: number } {
  const s = sizesFor(largePrint);
  const page = pagePoints[paper];
  const footer = s.gap + 5.75 + s.small * 1.2;
  return { width: page.width - s.margin * 2, height: page.height - s.margin * 1.6 - footer };
}

export type BlockLayout = { keepTogether: boolean; pictureMaxHeight: number; height: number };

/**
 * How to print one exercise block (with its section heading), and about how tall it is. react-pdf cannot
 * place an unbreakable block taller than a page: it overflows and the text under the fold is lost. So in
 * large print the picture shrinks to leave room for the text, and a block that still might not fit (a rare,
 * very long exercise) is allowed to break across pages: a continued block is better than missing steps.
 */
export function blockLayout(
  exercise: HandoutExercise,
  { paper, largePrint, withHeading }: { paper: PaperSize; largePrint: boolean; withHeading: boolean },
): BlockLayout {
  const s = sizesFor(largePrint);
  const box = contentBox(paper, largePrint);
  const available = box.height * 0.95;
  const cardWidth = box.width - s.gap * 3;
  const pictureWidth =
    (exercise.illustration || exercise.picture) && !largePrint ? (exercise.illustration ? s.drawing : s.picture) + s.gap * 2 : 0;
  const line = s.body * 1.35;
  let text = s.gap * 4.5 + s.name * 1.2 * lines(exercise.name, s.name, cardWidth - s.badge);
  if (withHeading) text += s.section * 1.3 + s.gap * 3;
  if (exercise.dose) text += line * lines(exercise.dose, s.body, cardWidth) + s.gap * 1.7;
  const stepLines = exercise.steps.reduce((sum, step) => sum + lines(step, s.body, cardWidth - pictureWidth - s.body * 2), 0);
  const steps = stepLines * line + exercise.steps.length * 2;
  for (const paragraph of [exercise.cues, exercise.precautions, exercise.note]) {
    // The labels ("Take care: ") add about a dozen characters.
    if (paragraph) text += line * lines(`${paragraph} xxxxxxxxxxxx`, s.body, cardWidth - s.gap * 1.5) + s.gap * 1.6;
  }
  const fits = (height: number) => ({ keepTogether: height < available, height });
  const drawn = (maxHeight: number) =>
    exercise.illustration
      ? printedDrawing(exercise.illustration, s.drawing, maxHeight, s.small).height
      : pictureHeight(exercise.picture!, s.picture, maxHeight);
  if (!exercise.illustration && !exercise.picture) return { ...fits(text + steps), pictureMaxHeight: s.pictureMaxHeight };
  if (!largePrint) return { ...fits(text + Math.max(steps, drawn(s.pictureMaxHeight))), pictureMaxHeight: s.pictureMaxHeight };
  // Stacked above the steps: give the picture what the text leaves, but not less than a useful size.
  const room = Math.max(s.pictureMaxHeight * 0.5, Math.min(s.pictureMaxHeight, available - text - steps - s.gap * 1.5));
  return { ...fits(text + steps + s.gap * 1.5 + drawn(room)), pictureMaxHeight: room };
}

/**
 * Whether the instructions box can be kept in one piece: split by react-pdf, a box whose text all fits on
 * one page can leave its bottom padding alone on the next one, an empty tinted page.
 */
export function instructionsFitOnePage(instructions: string, { paper, largePrint }: { paper: PaperSize; largePrint: boolean }): boolean {
  return instructionsHeight(instructions, paper, largePrint) < contentBox(paper, largePrint).height * 0.9;
}

function instructionsHeight(instructions: string, paper: PaperSize, largePrint: boolean): number {
  const s = sizesFor(largePrint);
  const width = contentBox(paper, largePrint).width - s.gap * 3;
  return s.body * 1.35 * (1 + instructions.split("\n").reduce((sum, p) => sum + lines(p, s.body, width), 0)) + s.gap * 3.5;
}

/** About how tall the first page's header is: clinic, title, patient, dates, share link, instructions. */
export function headerHeight(payload: HandoutPayload): number {
  const s = sizesFor(payload.largePrint);
  const { width } = contentBox(payload.paper, payload.largePrint);
  let height =
    s.small * 1.35 +
    s.title * 1.2 * lines(payload.title, s.title, width) +
    s.body * 1.25 * 1.3 +
    22 +
    (s.small + s.body) * 1.35 +
    s.gap * 2.75 +
    4;
  if (payload.clinic.name || payload.clinic.contact || payload.clinic.logo) height += (payload.largePrint ? 64 : 44) + s.gap * 2.5;
  if (payload.shareUrl) height += (payload.largePrint ? 110 : 78) + s.gap * 3.5;
  if (payload.instructions) height += instructionsHeight(payload.instructions, payload.paper, payload.largePrint);
  return height;
}

/**
 * Which blocks may break across pages. A block is kept in one piece — a patient following step 4 should
 * not have to turn the sheet over for step 5 — unless that would push it whole onto the next page and leave
 * the page it would have started on less than `minFill` full: then it starts there and runs on (between
 * steps, never inside one). Works on estimated heights, so it decides from where a page probably ends.
 */
export function planBreaks(
  blocks: { height: number; keepTogether: boolean }[],
  firstPageUsed: number,
  pageHeight: number,
  minFill = 0.75,
): boolean[] {
  let used = firstPageUsed;
  return blocks.map(({ height, keepTogether }) => {
    if (used + height <= pageHeight) {
      used += height;
      return !keepTogether;
    }
    if (keepTogether && used >= pageHeight * minFill) {
      used = height;
      return false;
    }
    used = (used + height) % pageHeight;
    return true;
  });
}
