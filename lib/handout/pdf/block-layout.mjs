// @ts-check
import { sizesFor } from "./styles.mjs";

/** Portrait page sizes in points. */
export const pagePoints = { A4: { width: 595.28, height: 841.89 }, LETTER: { width: 612, height: 792 } };

// DejaVu Sans averages 0.49 em per character in regular and 0.55 in bold; a little more covers the width
// lost where lines break between words, so estimates err tall.
const emPerChar = 0.53;

/** Lines a paragraph takes in `width` points, estimated from its length. */
function lines(/** @type {string} */ text, /** @type {number} */ fontSize, /** @type {number} */ width) {
  return Math.max(1, Math.ceil((text.length * emPerChar * fontSize) / width));
}

/** How tall a picture prints at `width` points, when its size is known. */
export function pictureHeight(/** @type {import("../types").HandoutPicture} */ picture, /** @type {number} */ width, /** @type {number} */ maxHeight) {
  return picture.width && picture.height ? Math.min(maxHeight, (width * picture.height) / picture.width) : maxHeight;
}

/**
 * How to print one exercise block (with its section heading). react-pdf cannot place an unbreakable block
 * taller than a page: it overflows and the text under the fold is lost. So in large print the picture
 * shrinks to leave room for the text, and a block that still might not fit (a rare, very long exercise) is
 * allowed to break across pages: a continued block is better than missing steps.
 * @param {import("../types").HandoutExercise} exercise
 * @param {{ paper: import("../types").PaperSize; largePrint: boolean; withHeading: boolean }} layout
 * @returns {{ keepTogether: boolean; pictureMaxHeight: number }}
 */
export function blockLayout(exercise, { paper, largePrint, withHeading }) {
  const s = sizesFor(largePrint);
  const page = pagePoints[paper];
  const available = (page.height - s.margin * 2 - s.small * 2.5) * 0.95;
  const cardWidth = page.width - s.margin * 2 - s.gap * 3;
  const pictureWidth = exercise.picture && !largePrint ? s.picture + s.gap * 2 : 0;
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
  if (!exercise.picture) return { keepTogether: text + steps < available, pictureMaxHeight: s.pictureMaxHeight };
  if (!largePrint) {
    const picture = pictureHeight(exercise.picture, s.picture, s.pictureMaxHeight);
    return { keepTogether: text + Math.max(steps, picture) < available, pictureMaxHeight: s.pictureMaxHeight };
  }
  // Stacked above the steps: give the picture what the text leaves, but not less than a useful size.
  const room = Math.max(s.pictureMaxHeight * 0.5, Math.min(s.pictureMaxHeight, available - text - steps - s.gap * 1.5));
  return { keepTogether: text + steps + s.gap * 1.5 + pictureHeight(exercise.picture, s.picture, room) < available, pictureMaxHeight: room };
}

/**
 * Whether the instructions box can be kept in one piece: split by react-pdf, a box whose text all fits on
 * one page can leave its bottom padding alone on the next one, an empty tinted page.
 * @param {string} instructions
 * @param {{ paper: import("../types").PaperSize; largePrint: boolean }} layout
 */
export function instructionsFitOnePage(instructions, { paper, largePrint }) {
  const s = sizesFor(largePrint);
  const page = pagePoints[paper];
  const width = page.width - s.margin * 2 - s.gap * 3;
  const height = s.body * 1.35 * (1 + instructions.split("\n").reduce((sum, p) => sum + lines(p, s.body, width), 0)) + s.gap * 3;
  return height < (page.height - s.margin * 2 - s.small * 2.5) * 0.9;
}
