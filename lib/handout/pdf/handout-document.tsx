import { Document, Page, View, type PageLayoutProps } from "@react-pdf/renderer";
import type { ReactNode } from "react";
import type { HandoutPayload } from "../types";
import { blockLayout, contentBox, headerHeight, pictureScales, planBreaks } from "./block-layout";
import { ExerciseBlock } from "./exercise-block";
import { PageFooter } from "./page-footer";
import { ProgrammeHeader } from "./programme-header";
import { createStyles } from "./styles";
import { TrackingSheet, trackingTables } from "./tracking-sheet";

/**
 * The whole handout: the programme, and the tracking sheet when asked for. react-pdf's page engine (the
 * `layout` prop) measures the content once and packs it into pages, with the footer as page chrome; the
 * legacy engine laid out everything after a break again for every page.
 */
export function HandoutDocument({ payload }: { payload: HandoutPayload }) {
  const styles = createStyles(payload.largePrint);
  const size = payload.paper === "LETTER" ? "LETTER" : "A4";
  const chrome = ({ children, pageNumber, totalPages }: PageLayoutProps): ReactNode => (
    <>
      <View style={styles.content}>{children}</View>
      <PageFooter payload={payload} styles={styles} pageNumber={pageNumber} totalPages={totalPages} />
    </>
  );
  const blocks = payload.sections.flatMap((section) =>
    section.exercises.map((exercise, i) => ({ exercise, heading: i === 0 ? section.title : undefined })),
  );
  const sized = blocks.map(
    ({ exercise, heading }) =>
      (pictureScale: number) =>
        blockLayout(exercise, { paper: payload.paper, largePrint: payload.largePrint, withHeading: Boolean(heading), pictureScale }),
  );
  const plan = planBreaks(
    sized,
    headerHeight(payload),
    contentBox(payload.paper, payload.largePrint).height,
    pictureScales(payload.largePrint),
  );
  const layouts = blocks.map((block, i) => ({ ...block, ...sized[i]!(plan[i]!.pictureScale), keepTogether: !plan[i]!.mayBreak }));
  return (
    <Document
      title={payload.title}
      author={payload.clinic.name || undefined}
      subject="Home exercise programme"
      creator="Routine"
      producer="Routine"
      language="en"
    >
      <Page size={size} style={styles.page} layout={chrome}>
        <ProgrammeHeader payload={payload} styles={styles} />
        {layouts.map(({ exercise, heading, keepTogether, ...layout }) => (
          <ExerciseBlock
            key={exercise.number}
            exercise={exercise}
            styles={styles}
            largePrint={payload.largePrint}
            heading={heading}
            keepTogether={keepTogether}
            layout={layout}
          />
        ))}
      </Page>
      {payload.trackingSheet
        ? trackingTables(payload).map((days, w, tables) => (
            <Page key={`diary-${w}`} size={size} orientation="landscape" style={styles.page} layout={chrome}>
              <TrackingSheet
                payload={payload}
                days={days}
                week={tables.length > 1 ? w + 1 : null}
                first={w === 0}
                last={w === tables.length - 1}
              />
            </Page>
          ))
        : null}
    </Document>
  );
}
