// @ts-check
import { Image, Text, View } from "@react-pdf/renderer";
import { createElement as h } from "react";
import { pictureHeight } from "./block-layout.mjs";

/**
 * One exercise: number and name, the dose, the picture beside (or, in large print, above) the numbered
 * steps, then tips, precautions and the clinician's note. It does not break across pages (`wrap={false}`):
 * a patient following step 4 should not have to turn the sheet over to find step 5 — unless it is taller
 * than a page (see block-layout.mjs), when breaking is the only way to print all of it.
 * @param {{
 *   exercise: import("../types").HandoutExercise;
 *   styles: ReturnType<typeof import("./styles.mjs").createStyles>;
 *   largePrint: boolean;
 *   heading?: string;
 *   keepTogether: boolean;
 *   pictureMaxHeight: number;
 * }} props
 */
export function ExerciseBlock({ exercise, styles, largePrint, heading, keepTogether, pictureMaxHeight }) {
  const picture = exercise.picture
    ? h(View, { style: styles.pictureBox }, h(Image, { style: pictureStyle(exercise.picture, styles.picture.width, pictureMaxHeight), src: pictureSource(exercise.picture) }))
    : null;
  const steps = h(
    View,
    { style: styles.steps },
    exercise.steps.map((step, i) =>
      h(View, { key: i, style: styles.step, wrap: false }, h(Text, { style: styles.stepNumber }, `${i + 1}.`), h(Text, { style: styles.stepText }, step)),
    ),
  );
  return h(
    // The section heading travels inside the first block of its section, so it is never left alone at the
    // foot of a page.
    View,
    { wrap: !keepTogether, style: styles.block },
    heading ? h(Text, { style: styles.sectionHeading }, heading) : null,
    h(
      View,
      { style: styles.exercise },
      h(
        View,
        { style: styles.exerciseHead },
        h(Text, { style: styles.badge }, String(exercise.number)),
        h(Text, { style: styles.exerciseName }, exercise.name),
      ),
      exercise.dose ? h(Text, { style: styles.dose }, exercise.dose) : null,
      h(View, { style: styles.exerciseBody }, ...(largePrint ? [picture, steps] : [steps, picture])),
      // Full width under the steps and picture: these read as sentences and need the measure.
      exercise.cues ? h(Text, { style: styles.cues }, h(Text, { style: styles.label }, "Tips: "), exercise.cues) : null,
      exercise.precautions ? h(Text, { style: styles.precautions }, h(Text, { style: styles.label }, "Take care: "), exercise.precautions) : null,
      exercise.note ? h(Text, { style: styles.note }, h(Text, { style: styles.noteLabel }, "Note from your clinician: "), exercise.note) : null,
    ),
  );
}

/** @param {import("../types").HandoutPicture} picture */
function pictureSource(picture) {
  return { data: Buffer.from(picture.data), format: picture.format };
}

/**
 * The picture's box: never wider than it prints sharply (96 dots per inch), so a small upload stays small
 * rather than turning into a blur; scaled down, never stretched, to the height the layout allows.
 * @param {import("../types").HandoutPicture} picture
 * @param {number} width
 * @param {number} maxHeight
 */
function pictureStyle(picture, width, maxHeight) {
  const sharpWidth = picture.width ? Math.min(width, (picture.width * 72) / 96) : width;
  return { width: sharpWidth, height: pictureHeight(picture, sharpWidth, maxHeight), objectFit: "contain" };
}
