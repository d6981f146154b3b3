import type { HandoutExercise, HandoutPayload, HandoutPicture, PaperSize } from "../types";
import { illustrationToGeometry, type IllustrationGeometry } from "@/lib/illustrations/geometry";
import type { Illustration } from "@/lib/illustrations/schema";
import { Font } from "@react-pdf/renderer";
import { fontFamily } from "./fonts";
import { logoSize, shareCorner, sizesFor, type Sizes } from "./styles";

/** Portrait page sizes in points. */
export const pagePoints: Record<PaperSize, { width: number; height: number }> = {
  A4: { width: 595.28, height: 841.89 },
  LETTER: { width: 612, height: 792 },
};

// Estimates of printed heights, from the faces' own advance widths once the fonts are loaded (lines break
// between words, as react-pdf breaks them); before that, from DejaVu Sans's average of about 0.53 em a
// character. Checked against react-pdf's own layout of the starter library: within a few per cent, erring tall.
const emPerChar = 0.53;
// A little narrower than the measure: react-pdf's line breaker balances lines and may break earlier than a greedy fill.
const measureSlack = 0.99;
// react-pdf's line breaker may shrink a space by a third of its width to fit a word on the line.
const spaceShrink = 2 / 3;
const advances = new Map<boolean, Map<number, number>>();
const wordWidths = new Map<boolean, Map<string, number>>();

type Face = { unitsPerEm: number; characterToGlyph: (codePoint: number) => { advanceWidth: number } };

function face(bold: boolean): Face | null {
  const data = Font.getFont({ fontFamily, fontWeight: bold ? 700 : 400, fontStyle: "normal" })?.data as Face | null | undefined;
  return data && typeof data.characterToGlyph === "function" ? data : null;
}

/** How wide `text` sets, in ems of its type size. */
export function textWidthEm(text: string, bold = false): number {
  const font = face(bold);
  if (!font) return text.length * (bold ? 0.57 : emPerChar);
  // Each word is measured many times a render (every block, at every picture size tried): once is enough.
  let measured = wordWidths.get(bold);
  if (!measured || measured.size > 20_000) wordWidths.set(bold, (measured = new Map()));
  const seen = measured.get(text);
  if (seen !== undefined) return seen;
  let known = advances.get(bold);
  if (!known) advances.set(bold, (known = new Map()));
  let width = 0;
  for (const char of text) {
    const codePoint = char.codePointAt(0)!;
    let advance = known.get(codePoint);
    if (advance === undefined) {
      advance = font.characterToGlyph(codePoint).advanceWidth / font.unitsPerEm;
      known.set(codePoint, advance);
    }
    width += advance;
  }
  measured.set(text, width);
  return width;
}

/** Lines a paragraph takes in `width` points, broken between words. */
export function lines(text: string, fontSize: number, width: number, bold = false): number {
  const measure = (width * measureSlack) / fontSize;
  const space = textWidthEm(" ", bold) * spaceShrink;
  let count = 0;
  for (const paragraph of text.split("\n")) {
    let line = 0;
    count++;
    for (const word of paragraph.split(/ +/)) {
      const w = textWidthEm(word, bold);
      if (line > 0 && line + space + w > measure) {
        count++;
        line = w;
      } else line += (line > 0 ? space : 0) + w;
      // A word longer than the line wraps by itself.
      while (line > measure) {
        count++;
        line -= measure;
      }
    }
  }
  return Math.max(1, count);
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
 * A drawing as printed: as wide as `boxWidth` allows without passing `maxHeight`, with captions no smaller
 * than the handout's smallest type (`minType` points) that fit under their frames — a drawing grows wider,
 * up to `maxWidth`, rather than clip a caption. Caption size changes the height, so settle in a few rounds.
 */
export function printedDrawing(
  illustration: Illustration,
  boxWidth: number,
  maxHeight: number,
  minType: number,
  maxWidth = boxWidth,
): PrintedDrawing {
  const key = `${boxWidth}/${maxHeight}/${minType}/${maxWidth}`;
  const sizes = sizesOf(illustration);
  const cached = sizes.get(key);
  if (cached) return cached;
  // Captions at least the smallest type in the picture's own units too, so a picture printed larger than
  // those units never sets a caption below it in the content stream.
  let geometry = illustrationToGeometry(illustration, { minCaptionSize: minType });
  let width = boxWidth;
  for (let round = 0; round < 8; round++) {
    width = Math.min(boxWidth, (maxHeight * geometry.width) / geometry.height);
    // Each caption, at the smallest type, within its frame (with a little air): widen the picture if not.
    for (const panel of geometry.panels) {
      if (!panel.label) continue;
      const needed = ((textWidthEm(panel.label) * minType * 1.12) / panel.width) * geometry.width;
      width = Math.min(maxWidth, Math.max(width, needed));
    }
    const caption = geometry.shapes.find((shape) => shape.kind === "text");
    // A little over the minimum: react-pdf rounds the box it scales the picture into.
    if (!caption || caption.kind !== "text" || (caption.fontSize * width) / geometry.width >= minType * 1.02) break;
    geometry = illustrationToGeometry(illustration, { minCaptionSize: (minType * 1.05 * geometry.width) / width });
  }
  // Never smaller than the smallest type, whatever the box: wider still if the rounds did not settle.
  const smallest = Math.min(...geometry.shapes.map((shape) => (shape.kind === "text" ? shape.fontSize : Infinity)));
  if (Number.isFinite(smallest)) width = Math.max(width, (minType * 1.02 * geometry.width) / smallest);
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

/** Where a block's picture goes and how big it may print (the same numbers draw it, in exercise-block.tsx). */
export type PictureBox = { width: number; maxHeight: number; maxWidth: number };

export type BlockLayout = {
  /** The dose on the name's line, to its right. */
  doseInline: boolean;
  /** Picture above the steps (large print), not beside them. */
  stacked: boolean;
  picture: PictureBox;
  /** How many steps go with the name and picture (beside it; in large print, the first under it). */
  stepsInTop: number;
  /** The part never split: section heading, name, dose, picture and those steps. */
  top: number;
  /** The parts after it, each kept whole, in order: the other steps, then tips, precautions and note. */
  pieces: number[];
  height: number;
};

/**
 * How to print one exercise block (with its section heading), and about how tall each of its parts is.
 * Normal print sets the picture beside the steps, sized to them: a single tall figure grows to the steps'
 * height, a wide drawing to the width its captions need. Large print stacks a big picture above the steps.
 * Either way the name, dose, picture and first steps stay together; a block may break after them,
 * between whole steps and paragraphs, never inside one.
 */
export function blockLayout(
  exercise: HandoutExercise,
  {
    paper,
    largePrint,
    withHeading,
    pictureScale = 1,
  }: { paper: PaperSize; largePrint: boolean; withHeading: boolean; pictureScale?: number },
): BlockLayout {
  const s = scaledPictures(sizesFor(largePrint), pictureScale);
  const box = contentBox(paper, largePrint);
  const width = box.width;
  const line = s.body * s.leading;
  const paragraph = (text: string, inset = 0) => line * lines(text, s.body, width - inset);
  let top = s.gap * 1.3;
  top += withHeading ? s.section * 1.3 + 3.5 + s.gap * 1.7 : 1 + s.gap * 1.2;
  // The dose sits beside the name when both fit on one line (most do), otherwise on a line of its own.
  const nameRoom = width - s.badge - s.gap * 1.25;
  const doseWidth = textWidthEm(exercise.dose, true) * s.body + s.gap * 2;
  const doseInline = Boolean(exercise.dose) && textWidthEm(exercise.name, true) * s.name + s.gap * 2 + doseWidth <= nameRoom * measureSlack;
  top += Math.max(s.badge, s.name * 1.2 * lines(exercise.name, s.name, nameRoom, true), doseInline ? line + s.gap * 0.5 : 0);
  if (exercise.dose && !doseInline) top += s.gap * 1.1 + line * lines(exercise.dose, s.body, width - s.gap * 2, true);
  const step = (text: string, stepsWidth: number) => line * lines(text, s.body, stepsWidth - s.body * 1.6) + 1;
  const stepsHeight = (stepsWidth: number) => exercise.steps.reduce((sum, text) => sum + step(text, stepsWidth), 0);
  const after: number[] = [];
  if (exercise.cues) after.push(s.gap * 0.6 + paragraph(`Tips: ${exercise.cues}`));
  if (exercise.precautions) after.push(s.gap * 1.4 + paragraph(`Take care: ${exercise.precautions}`, s.gap * 1.6 + 3));
  if (exercise.note) after.push(s.gap * 1.4 + paragraph(`Note from your clinician: ${exercise.note}`, s.gap * 1.6 + 3));
  const drawn = (picture: PictureBox) =>
    exercise.illustration
      ? printedDrawing(exercise.illustration, picture.width, picture.maxHeight, s.small, picture.maxWidth)
      : exercise.picture
        ? { width: picture.width, height: pictureHeight(exercise.picture, picture.width, picture.maxHeight) }
        : { width: 0, height: 0 };
  const hasPicture = Boolean(exercise.illustration || exercise.picture);
  const stackedPicture: PictureBox = exercise.illustration
    ? { width: s.drawing, maxHeight: s.pictureMaxHeight, maxWidth: s.drawingMax }
    : { width: s.picture, maxHeight: s.pictureMaxHeight, maxWidth: s.picture };
  const done = (stacked: boolean, picture: PictureBox, top: number, pieces: number[], stepsInTop: number): BlockLayout => ({
    stacked,
    doseInline,
    picture,
    stepsInTop,
    top,
    pieces,
    height: top + pieces.reduce((a, b) => a + b, 0),
  });
  if (!largePrint) {
    // Beside the steps: sized to the steps first measured beside a picture of the usual width.
    const picture: PictureBox = exercise.illustration
      ? {
          width: s.drawing,
          maxHeight: Math.min(s.drawingTall, Math.max(s.pictureMaxHeight, stepsHeight(width - s.drawing - s.gap * 2))),
          maxWidth: s.drawingMax,
        }
      : { width: s.picture, maxHeight: s.pictureMaxHeight, maxWidth: s.picture };
    const printed = drawn(picture);
    // Steps beside the picture until they pass its foot; the rest run under it at full width, as text flows
    // round a picture in a book, and may go on to the next page.
    const beside = exercise.steps.map((text) => step(text, hasPicture ? width - printed.width - s.gap * 2 : width));
    let besideHeight = 0;
    let shown = 0;
    while (shown < beside.length && (shown === 0 || !hasPicture || besideHeight < printed.height * 0.9)) besideHeight += beside[shown++]!;
    const row = s.gap * 0.9 + Math.max(besideHeight, printed.height);
    const under = exercise.steps.slice(shown).map((text) => step(text, width));
    return done(false, picture, top + row, [...under, ...after], shown);
  }
  const printed = drawn(stackedPicture);
  const steps = exercise.steps.map((text, i) => step(text, width) + (i === 0 ? s.gap * 0.6 : 0));
  // The first step always goes with its picture: a page that ends on a drawing with its step overleaf reads
  // as if the drawing were the whole exercise (seen in large print under a tall header with a logo).
  const first = 1;
  const pictureHeightStacked = hasPicture ? s.gap + printed.height : 0;
  return done(
    true,
    stackedPicture,
    top + pictureHeightStacked + steps.slice(0, first).reduce((a, b) => a + b, 0),
    [...steps.slice(first), ...after],
    first,
  );
}

/** Sizes with the pictures a little smaller (to finish a page), never the type. */
function scaledPictures(s: Sizes, scale: number): Sizes {
  if (scale === 1) return s;
  const [picture, pictureMaxHeight, drawing, drawingTall] = [s.picture, s.pictureMaxHeight, s.drawing, s.drawingTall].map((v) =>
    Math.round(v * scale),
  );
  return { ...s, picture: picture!, pictureMaxHeight: pictureMaxHeight!, drawing: drawing!, drawingTall: drawingTall! };
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
  return s.body * s.leading * lines(`Before you start: ${instructions}`, s.body, width) + s.gap * 2.7;
}

/** The words above the printed address. */
export const shareCaption = "Scan for your exercises on your phone";

/** An https address reads and types fine without its scheme; a plain http one needs it kept. */
export function printableUrl(url: string): string {
  return url.replace(/^https:\/\//, "");
}

/**
 * The address in lines that fit `width` points: react-pdf never breaks a word, so the address is cut
 * by hand, after a "." or "/" where it can be (DejaVu Sans Mono sets every character 0.602 em), and a
 * part too long for a line (the token) every so many characters.
 */
export function addressLines(url: string, largePrint: boolean, width: number): string[] {
  const corner = shareCorner(largePrint);
  const perLine = Math.max(8, Math.floor((width * 0.98) / (0.602 * corner.address)));
  const out: string[] = [];
  let line = "";
  for (const part of printableUrl(url).split(/(?<=[./])/)) {
    if (line && line.length + part.length > perLine) {
      out.push(line);
      line = "";
    }
    line += part;
    while (line.length > perLine) {
      out.push(line.slice(0, perLine));
      line = line.slice(perLine);
    }
  }
  if (line) out.push(line);
  return out;
}

/** "Or type " before the address, in the corner's caption size. */
export const addressLabel = "Or type ";
export function addressLabelWidth(largePrint: boolean): number {
  return textWidthEm(addressLabel) * shareCorner(largePrint).caption + 1;
}

/** The corner's width, its margin from the title included. */
export function shareCornerWidth(largePrint: boolean): number {
  const corner = shareCorner(largePrint);
  return corner.column + sizesFor(largePrint).gap * 4;
}

/** About how tall the first page's header is: clinic, title, patient, dates, share link, instructions. */
export function headerHeight(payload: HandoutPayload): number {
  const s = sizesFor(payload.largePrint);
  const { width } = contentBox(payload.paper, payload.largePrint);
  const meta = `Your clinician: ${payload.clinician ?? ""}   ·   Date: ${payload.revisedOn} · revision ${payload.revisionNumber}${
    payload.reviewOn ? `   ·   Review: ${payload.reviewOn}` : ""
  }`;
  // The clinic's line; eyebrow, title and patient; then who and when, and with a link its address: beside
  // the QR code, which stands in the corner.
  const beside = payload.shareUrl ? width - shareCornerWidth(payload.largePrint) : width;
  const { clinic } = payload;
  const bar =
    clinic.name || clinic.contact || clinic.logo
      ? Math.max(clinic.logo ? logoSize(payload.largePrint) : 0, clinicLineHeight(payload, payload.largePrint ? width : beside)) +
        s.gap * 1.4 +
        1
      : 0;
  const titleBlock =
    bar + s.small * s.leading + (s.title * 1.2 * lines(payload.title, s.title, beside, true) + 2) + (s.body * 1.25 * 1.3 + 1);
  let height: number;
  if (payload.shareUrl) {
    const c = shareCorner(payload.largePrint);
    const metaLines = s.body * s.leading * lines(meta, s.body, beside, true);
    const address = addressLines(payload.shareUrl, payload.largePrint, beside - addressLabelWidth(payload.largePrint)).length;
    const corner = c.qr + c.gap + c.caption * 1.2 * lines(shareCaption, c.caption, c.column, true);
    height = Math.max(titleBlock + s.gap * 0.5 + metaLines + 2 + address * c.address * 1.25, corner) + s.gap * 1.2;
  } else {
    height = titleBlock + s.body * s.leading * lines(meta, s.body, width, true) + s.gap * 2;
  }
  if (payload.instructions) height += instructionsHeight(payload.instructions, payload.paper, payload.largePrint);
  // Erring a little tall: a block planned into the last few points of the first page would be pushed off it.
  return height + 3;
}

/**
 * The clinic's line: the name at the left (after the logo), the contact line at the right of it, wrapping
 * between its parts when the two do not fit side by side; in large print the contact goes under the name.
 */
export function clinicLineHeight(payload: HandoutPayload, width: number): number {
  const s = sizesFor(payload.largePrint);
  const { clinic } = payload;
  const nameSize = s.body * 1.1;
  const nameWidth = clinic.name ? textWidthEm(clinic.name, true) * nameSize + s.gap * 2 : 0;
  const room = width - (clinic.logo ? logoSize(payload.largePrint) + s.gap * 1.5 : 0) - nameWidth;
  const name = clinic.name ? nameSize * s.leading : 0;
  if (payload.largePrint) {
    // The contact under the name, across the width beside the logo.
    const under = width - (clinic.logo ? logoSize(true) + s.gap * 1.5 : 0);
    return name + (clinic.contact ? s.small * s.leading * lines(clinic.contact, s.small, under) + 1 : 0);
  }
  const contact = clinic.contact ? s.small * s.leading * lines(clinic.contact, s.small, room) + 1 : 0;
  return Math.max(name, contact);
}

export type PlannedBlock = { top: number; pieces: number[]; height: number };

/**
 * The smaller picture sizes tried, in turn, to finish a page that would otherwise be left too empty. Large
 * print's pictures start much larger, so they may give more and still print larger than normal print's.
 */
export function pictureScales(largePrint: boolean): number[] {
  return largePrint ? [1, 0.9, 0.8, 0.7, 0.6, 0.5] : [1, 0.9, 0.8];
}

/**
 * Which blocks may break across pages, and at what picture size. A block is kept in one piece — a patient
 * following step 4 should not have to turn the sheet over for step 5 — unless that would push it whole onto
 * the next page and leave the page it would have started on less than `minFill` full: then its picture is
 * made a little smaller if that lets the block (or at least its name, picture and first steps) start there,
 * and it runs on between whole steps and paragraphs. Works on estimated heights, so it decides from where a
 * page probably ends, following each part onto the next page as react-pdf will.
 */
export function planBreaks(
  blocks: ((pictureScale: number) => PlannedBlock)[],
  firstPageUsed: number,
  pageHeight: number,
  scales = pictureScales(false),
  minFill = 0.9,
): { mayBreak: boolean; pictureScale: number }[] {
  let used = firstPageUsed;
  return blocks.map((sized) => {
    const full = sized(1);
    const fitsAPage = (block: PlannedBlock) => block.height <= pageHeight * 0.97;
    if (used + full.height <= pageHeight) {
      used += full.height;
      return { mayBreak: !fitsAPage(full), pictureScale: 1 };
    }
    if (used < pageHeight * minFill) {
      // Whole with a smaller picture, else started here with one.
      for (const whole of [true, false]) {
        for (const pictureScale of scales) {
          const block = sized(pictureScale);
          if (used + (whole ? block.height : block.top) > pageHeight) continue;
          if (whole) {
            used += block.height;
            return { mayBreak: !fitsAPage(block), pictureScale };
          }
          used += block.top;
          for (const piece of block.pieces) used = used + piece > pageHeight ? piece : used + piece;
          return { mayBreak: true, pictureScale };
        }
      }
    }
    if (fitsAPage(full)) {
      used = full.height;
      return { mayBreak: false, pictureScale: 1 };
    }
    // Taller than a page: it starts on the next page and runs on.
    used = full.top;
    for (const piece of full.pieces) used = used + piece > pageHeight ? piece : used + piece;
    return { mayBreak: true, pictureScale: 1 };
  });
}
