import { Image, Text, View } from "@react-pdf/renderer";
import type { HandoutExercise, HandoutPicture } from "../types";
import { IllustrationPdf } from "@/lib/illustrations/pdf";
import type { Illustration } from "@/lib/illustrations/schema";
import { pictureHeight, printedDrawing } from "./block-layout";
import { fontFamily } from "./fonts";
import { sizesFor, type Styles } from "./styles";

type ExerciseBlockProps = {
  exercise: HandoutExercise;
  styles: Styles;
  largePrint: boolean;
  /** The section's title, on its first exercise. */
  heading?: string;
  /** False for a block allowed to run on to the next page (see planBreaks in block-layout.ts). */
  keepTogether: boolean;
  pictureMaxHeight: number;
};

/**
 * One exercise: number and name, the dose, the picture beside (or, in large print, above) the numbered
 * steps, then tips, precautions and the clinician's note. Kept on one page where the layout allows; a block
 * that runs on breaks between steps, never inside one.
 */
export function ExerciseBlock({ exercise, styles, largePrint, heading, keepTogether, pictureMaxHeight }: ExerciseBlockProps) {
  const picture = exercise.illustration ? (
    <View style={styles.pictureBox}>
      <Drawing illustration={exercise.illustration} largePrint={largePrint} maxHeight={pictureMaxHeight} />
    </View>
  ) : exercise.picture ? (
    <View style={styles.pictureBox}>
      {/* eslint-disable-next-line jsx-a11y/alt-text -- react-pdf's Image draws into a PDF and takes no alt */}
      <Image
        style={pictureStyle(exercise.picture, styles.picture.width as number, pictureMaxHeight)}
        src={pictureSource(exercise.picture)}
      />
    </View>
  ) : null;
  const steps = (
    <View style={styles.steps}>
      {exercise.steps.map((step, i) => (
        <View key={i} style={styles.step} wrap={false}>
          <Text style={styles.stepNumber}>{`${i + 1}.`}</Text>
          <Text style={styles.stepText}>{step}</Text>
        </View>
      ))}
    </View>
  );
  return (
    // The section heading travels inside the first block of its section, so it is never left alone at the
    // foot of a page.
    <View wrap={!keepTogether} style={styles.block}>
      {heading ? <Text style={styles.sectionHeading}>{heading}</Text> : null}
      <View style={styles.exercise}>
        <View style={styles.exerciseHead} wrap={false}>
          <Text style={styles.badge}>{String(exercise.number)}</Text>
          <Text style={styles.exerciseName}>{exercise.name}</Text>
        </View>
        {exercise.dose ? <Text style={styles.dose}>{exercise.dose}</Text> : null}
        <View style={styles.exerciseBody}>
          {largePrint ? picture : null}
          {steps}
          {largePrint ? null : picture}
        </View>
        {/* Full width under the steps and picture: these read as sentences and need the measure. */}
        {exercise.cues ? (
          <Text style={styles.cues}>
            <Text style={styles.label}>Tips: </Text>
            {exercise.cues}
          </Text>
        ) : null}
        {exercise.precautions ? (
          <Text style={styles.precautions}>
            <Text style={styles.label}>Take care: </Text>
            {exercise.precautions}
          </Text>
        ) : null}
        {exercise.note ? (
          <Text style={styles.note}>
            <Text style={styles.noteLabel}>Note from your clinician: </Text>
            {exercise.note}
          </Text>
        ) : null}
      </View>
    </View>
  );
}

function pictureSource(picture: HandoutPicture) {
  return { data: Buffer.from(picture.data), format: picture.format };
}

/**
 * The picture's box: never wider than it prints sharply (96 dots per inch), so a small upload stays small
 * rather than turning into a blur; scaled down, never stretched, to the height the layout allows.
 */
function pictureStyle(picture: HandoutPicture, width: number, maxHeight: number) {
  const sharpWidth = picture.width ? Math.min(width, (picture.width * 72) / 96) : width;
  return { width: sharpWidth, height: pictureHeight(picture, sharpWidth, maxHeight), objectFit: "contain" as const };
}

/** The drawing as vectors (see printedDrawing for its size). */
function Drawing({ illustration, largePrint, maxHeight }: { illustration: Illustration; largePrint: boolean; maxHeight: number }) {
  const s = sizesFor(largePrint);
  const { geometry, width } = printedDrawing(illustration, s.drawing, maxHeight, s.small);
  return <IllustrationPdf geometry={geometry} width={width} fontFamily={fontFamily} />;
}
