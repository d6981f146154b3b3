// @ts-check
import { sizesFor } from "./styles.mjs";

/** Portrait page sizes in points. */
export const pagePoints = { A4: { width: 595.28, height: 841.89 }, LETTER: { width: 612, height: 792 } };

// Estimates of printed heights, from text length: DejaVu Sans averages 0.49 em per character in regular and
// 0.55 in bold, and lines break between words. Checked against react-pdf's own layout of the starter
// library (pages sized to their content): within a few per cent, erring tall.
const emPerChar = 0.53;

/** Lines a paragraph takes in `width` points. */
function lines(/** @type {string} */ text, /** @type {number} */ fontSize, /** @type {number} */ width) {
  return Math.max(1, Math.ceil((text.length * emPerChar * fontSize) / width));
}

/** How tall a picture prints at `width` points, when its size is known. */
export function pictureHeight(/** @type {import("../types").HandoutPicture} */ picture, /** @type {number} */ width, /** @type {number} */ maxHeight) {
  return picture.width && picture.height ? Math.min(maxHeight, (width * picture.height) / picture.width) : maxHeight;
}

/** The content box of a page: what is left inside the margins and above the footer. */
export function contentBox(/** @type {import("../types").PaperSize} */ paper, /** @type {boolean} */ largePrint) {
  const s = sizesFor(largePrint);
  const page = pagePoints[paper];
  return { width: page.width - s.margin * 2, height: page.height - s.margin * 2 - s.small * 2.5 };
}

/**
 * How to print one exercise block (with its section heading), and about how tall it is. react-pdf cannot
 * place an unbreakable block taller than a page: it overflows and the text under the fold is lost. So in
 * large print the picture shrinks to leave room for the text, and a block that still might not fit (a rare,
 * very long exercise) is allowed to break across pages: a continued block is better than missing steps.
 * @param {import("../types").HandoutExercise} exercise
 * @param {{ paper: import("../types").PaperSize; largePrint: boolean; withHeading: boolean }} layout
 * @returns {{ keepTogether: boolean; pictureMaxHeight: number; height: number }}
 */
export function blockLayout(exercise, { paper, largePrint, withHeading }) {
  const s = sizesFor(largePrint);
  const box = contentBox(paper, largePrint);
  const available = box.height * 0.95;
  const cardWidth = box.width - s.gap * 3;
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
  const fits = (/** @type {number} */ height) => ({ keepTogether: height < available, height });
  if (!exercise.picture) return { ...fits(text + steps), pictureMaxHeight: s.pictureMaxHeight };
  if (!largePrint) return { ...fits(text + Math.max(steps, pictureHeight(exercise.picture, s.picture, s.pictureMaxHeight))), pictureMaxHeight: s.pictureMaxHeight };
  // Stacked above the steps: give the picture what the text leaves, but not less than a useful size.
  const room = Math.max(s.pictureMaxHeight * 0.5, Math.min(s.pictureMaxHeight, available - text - steps - s.gap * 1.5));
  return { ...fits(text + steps + s.gap * 1.5 + pictureHeight(exercise.picture, s.picture, room)), pictureMaxHeight: room };
}

/**
 * Whether the instructions box can be kept in one piece: split by react-pdf, a box whose text all fits on
 * one page can leave its bottom padding alone on the next one, an empty tinted page.
 * @param {string} instructions
 * @param {{ paper: import("../types").PaperSize; largePrint: boolean }} layout
 */
export function instructionsFitOnePage(instructions, { paper, largePrint }) {
  return instructionsHeight(instructions, paper, largePrint) < contentBox(paper, largePrint).height * 0.9;
}

function instructionsHeight(/** @type {string} */ instructions, /** @type {import("../types").PaperSize} */ paper, /** @type {boolean} */ largePrint) {
  const s = sizesFor(largePrint);
  const width = contentBox(paper, largePrint).width - s.gap * 3;
  return s.body * 1.35 * (1 + instructions.split("\n").reduce((sum, p) => sum + lines(p, s.body, width), 0)) + s.gap * 3.5;
}

/** About how tall the first page's header is: clinic, title, patient, dates, share link, instructions. */
export function headerHeight(/** @type {import("../types").HandoutPayload} */ payload) {
  const s = sizesFor(payload.largePrint);
  const { width } = contentBox(payload.paper, payload.largePrint);
  let height = s.small * 1.35 + s.title * 1.2 * lines(payload.title, s.title, width) + s.body * 1.25 * 1.3 + 22 + (s.small + s.body) * 1.35 + s.gap * 2.75 + 4;
  if (payload.clinic.name || payload.clinic.contact || payload.clinic.logo) height += (payload.largePrint ? 64 : 44) + s.gap * 2.5;
  if (payload.shareUrl) height += (payload.largePrint ? 110 : 78) + s.gap * 3.5;
  if (payload.instructions) height += instructionsHeight(payload.instructions, payload.paper, payload.largePrint);
  return height;
}

/**
 * Splits the programme into parts, each a react-pdf <Page>, cut at page breaks. react-pdf lays out
 * everything after a page break again for every page it makes, so one long <Page> costs the square of its
 * page count (a 40-exercise routine took seconds); each part still breaks into pages by itself.
 *
 * A cut must fall exactly where react-pdf would break the page anyway, or it leaves a gap. Estimated
 * heights may be a little out (say 10% short to 8% tall), so where a block might or might not fit, both
 * outcomes are followed; a cut is made only before a block that starts a new page in every one of them.
 * @param {{ height: number; keepTogether: boolean }[]} blocks
 * @param {number} firstPageUsed height the header takes on the first page
 * @param {number} pageHeight content height of a page
 * @returns {number[][]} the blocks' indices, part by part; the first part also holds the header
 */
export function planParts(blocks, firstPageUsed, pageHeight) {
  /** @type {number[][]} */
  const parts = [[]];
  /** Where the last page of the current part may really end: the heights it may have used. */
  let outcomes = [firstPageUsed];
  blocks.forEach(({ height, keepTogether }, i) => {
    const next = new Set();
    let breaksEverywhere = keepTogether;
    for (const used of outcomes) {
      if (!keepTogether) {
        // Taller than a page: it runs on from where it starts, and could end a little higher or lower.
        for (const factor of [0.9, 1, 1.08]) next.add(Math.round((used + height * factor) % pageHeight));
        continue;
      }
      const mayFit = used === 0 || (used + height) * 0.9 <= pageHeight;
      const mayBreak = used > 0 && (used + height) * 1.08 > pageHeight;
      if (mayFit) next.add(Math.round(used + height));
      if (mayBreak) next.add(Math.round(height));
      breaksEverywhere &&= !mayFit;
    }
    const current = /** @type {number[]} */ (parts.at(-1));
    if (breaksEverywhere && current.length > 0) parts.push([i]);
    else current.push(i);
    outcomes = breaksEverywhere ? [height] : [...next];
  });
  return parts;
}
