import { Image, Text, View } from "@react-pdf/renderer";
import type { HandoutExercise, HandoutPicture } from "../types";
import { IllustrationPdf } from "@/lib/illustrations/pdf";
import type { Illustration } from "@/lib/illustrations/schema";
import { pictureHeight, printedDrawing, type BlockLayout, type PictureBox } from "./block-layout";
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
  layout: Pick<BlockLayout, "stacked" | "doseInline" | "picture" | "stepsInTop">;
};

/**
 * One exercise: number and name, the dose, the picture beside the numbered steps (in large print, a big
 * picture above them), then tips, precautions and the clinician's note. The name never leaves its picture:
 * the steps beside it come with them, and the steps past the picture's foot run under it at full width; a
 * block that runs on (see planBreaks) breaks only between whole steps and paragraphs after that.
 */
export function ExerciseBlock({ exercise, styles, largePrint, heading, keepTogether, layout }: ExerciseBlockProps) {
  const picture = exercise.illustration ? (
    <View style={styles.pictureBox} wrap={false}>
      <Drawing illustration={exercise.illustration} largePrint={largePrint} box={layout.picture} />
    </View>
  ) : exercise.picture ? (
    <View style={styles.pictureBox} wrap={false}>
      {/* eslint-disable-next-line jsx-a11y/alt-text -- react-pdf's Image draws into a PDF and takes no alt */}
      <Image style={pictureStyle(exercise.picture, layout.picture)} src={pictureSource(exercise.picture)} />
    </View>
  ) : null;
  const steps = exercise.steps.map((step, i) => (
    <View key={i} style={layout.stacked && i === 0 ? [styles.step, styles.stackedSteps] : styles.step} wrap={false}>
      <Text style={styles.stepNumber}>{`${i + 1}.`}</Text>
      <Text style={styles.stepText}>{step}</Text>
    </View>
  ));
  const first = steps.slice(0, layout.stepsInTop);
  return (
    <View wrap={!keepTogether} style={styles.block}>
      {/* Never split: the name goes to the next page with its picture and first steps rather than end a page alone. */}
      <View wrap={false} style={heading ? undefined : styles.rule}>
        {heading ? <Text style={styles.sectionHeading}>{heading}</Text> : null}
        <View style={styles.exerciseHead}>
          <Text style={styles.badge}>{String(exercise.number)}</Text>
          <Text style={styles.exerciseName}>{exercise.name}</Text>
          {layout.doseInline ? <Text style={styles.doseInline}>{exercise.dose}</Text> : null}
        </View>
        {exercise.dose && !layout.doseInline ? <Text style={styles.dose}>{exercise.dose}</Text> : null}
        {layout.stacked ? (
          <>
            {picture}
            {first}
          </>
        ) : (
          <View style={styles.exerciseBody}>
            <View style={styles.steps}>{first}</View>
            {picture}
          </View>
        )}
      </View>
      {/* The steps past the picture's foot, at full width; these may run on to the next page. */}
      {steps.slice(layout.stepsInTop)}
      {/* Full width under the steps and picture: these read as sentences and need the measure. */}
      {exercise.cues ? (
        <Text style={styles.cues} wrap={false}>
          <Text style={styles.label}>Tips: </Text>
          {exercise.cues}
        </Text>
      ) : null}
      {exercise.precautions ? (
        <Text style={styles.precautions} wrap={false}>
          <Text style={styles.label}>Take care: </Text>
          {exercise.precautions}
        </Text>
      ) : null}
      {exercise.note ? (
        <Text style={styles.note} wrap={false}>
          <Text style={styles.noteLabel}>Note from your clinician: </Text>
          {exercise.note}
        </Text>
      ) : null}
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
function pictureStyle(picture: HandoutPicture, box: PictureBox) {
  const sharpWidth = picture.width ? Math.min(box.width, (picture.width * 72) / 96) : box.width;
  return { width: sharpWidth, height: pictureHeight(picture, sharpWidth, box.maxHeight), objectFit: "contain" as const };
}

/** The drawing as vectors (see printedDrawing for its size). */
function Drawing({ illustration, largePrint, box }: { illustration: Illustration; largePrint: boolean; box: PictureBox }) {
  const s = sizesFor(largePrint);
  const { geometry, width } = printedDrawing(illustration, box.width, box.maxHeight, s.small, box.maxWidth);
  return <IllustrationPdf geometry={geometry} width={width} fontFamily={fontFamily} />;
}
