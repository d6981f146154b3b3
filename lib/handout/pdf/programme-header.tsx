import { Image, Text, View } from "@react-pdf/renderer";
import type { HandoutPayload } from "../types";
import {
  addressLabel,
  addressLabelWidth,
  addressLines,
  contentBox,
  instructionsFitOnePage,
  shareCaption,
  shareCornerWidth,
} from "./block-layout";
import { QrCode } from "./qr-code";
import { shareCorner, type Styles } from "./styles";

/**
 * The top of the first page: the clinic (logo, name and contact on one line), the routine's title and
 * patient with the share link's QR code in the corner beside them, who prescribed it and when, and the
 * clinician's instructions. The QR code and the clinic's details make the header no taller than the title
 * lines they sit beside, so the first page keeps its room for exercises (see headerHeight in block-layout.ts).
 */
export function ProgrammeHeader({ payload, styles }: { payload: HandoutPayload; styles: Styles }) {
  const { clinic } = payload;
  const meta = [
    payload.clinician ? ["Your clinician", payload.clinician] : null,
    ["Date", `${payload.revisedOn} · revision ${payload.revisionNumber}`],
    payload.reviewOn ? ["Review", payload.reviewOn] : null,
  ].filter((item): item is [string, string] => item !== null);
  const corner = shareCorner(payload.largePrint);
  const beside = contentBox(payload.paper, payload.largePrint).width - shareCornerWidth(payload.largePrint);
  const clinicBar =
    clinic.name || clinic.contact || clinic.logo ? (
      <View style={styles.clinicBar}>
        {/* eslint-disable-next-line jsx-a11y/alt-text -- react-pdf's Image draws into a PDF and takes no alt */}
        {clinic.logo ? <Image style={styles.logo} src={{ data: Buffer.from(clinic.logo.data), format: clinic.logo.format }} /> : null}
        {payload.largePrint ? (
          // Large print: the contact under the name, where it has the width for its big type.
          <View style={{ flex: 1 }}>
            {clinic.name ? <Text style={styles.clinicName}>{clinic.name}</Text> : null}
            {clinic.contact ? <Text style={styles.clinicContact}>{clinic.contact}</Text> : null}
          </View>
        ) : (
          <>
            {clinic.name ? <Text style={styles.clinicName}>{clinic.name}</Text> : null}
            {clinic.contact ? <Text style={styles.clinicContact}>{clinic.contact}</Text> : null}
          </>
        )}
      </View>
    ) : null;
  const titleLines = (
    <>
      <Text style={styles.eyebrow}>Your home exercise programme</Text>
      <Text style={styles.title}>{payload.title}</Text>
      <Text style={styles.patient}>{payload.patientName ? `For ${payload.patientName}` : "Template"}</Text>
    </>
  );
  if (!payload.shareUrl) {
    return (
      <View>
        {clinicBar}
        {titleLines}
        <View style={styles.metaLine}>
          <MetaLine meta={meta} styles={styles} />
        </View>
        <Instructions payload={payload} styles={styles} />
      </View>
    );
  }
  // With a link, the QR code stands in the top right corner beside everything above the instructions, and
  // the address goes under the dates, where the column is read.
  return (
    <View>
      {payload.largePrint ? clinicBar : null}
      <View style={styles.titleRow}>
        <View style={{ flex: 1 }}>
          {payload.largePrint ? null : clinicBar}
          {titleLines}
          <View style={styles.metaLines}>
            <MetaLine meta={meta} styles={styles} />
            {/* One line if it fits, in the column read: a text reader would interleave pieces set beside the code with the title's lines. */}
            {addressLines(payload.shareUrl, payload.largePrint, beside - addressLabelWidth(payload.largePrint)).map((line, i) => (
              <Text key={i} style={styles.addressLine}>
                {i === 0 ? <Text style={styles.addressLabel}>{addressLabel}</Text> : null}
                <Text style={styles.shareUrl}>{line}</Text>
              </Text>
            ))}
          </View>
        </View>
        <View style={[styles.shareCorner, { width: corner.column }]} wrap={false}>
          {/* The caption above the code, level with the title: below it, a text reader would read it into the address. */}
          <Text style={styles.shareCaption}>{shareCaption}</Text>
          <QrCode url={payload.shareUrl} size={corner.qr} />
        </View>
      </View>
      <Instructions payload={payload} styles={styles} />
    </View>
  );
}

function Instructions({ payload, styles }: { payload: HandoutPayload; styles: Styles }) {
  return payload.instructions ? (
    <View style={styles.instructions} wrap={!instructionsFitOnePage(payload.instructions, payload)}>
      {/* A run-in heading, as "Tips:" and "Take care:" are: a line of its own would cost page 1 a line of exercises. */}
      <Text>
        <Text style={styles.instructionsHeading}>Before you start: </Text>
        {payload.instructions}
      </Text>
    </View>
  ) : null;
}

/** Who and when on one line, each with its label. */
function MetaLine({ meta, styles }: { meta: [string, string][]; styles: Styles }) {
  return (
    <Text>
      {meta.map(([label, value], i) => (
        <Text key={label}>
          {i > 0 ? "   ·   " : ""}
          <Text style={styles.metaLabel}>{`${label}: `}</Text>
          <Text style={styles.metaValue}>{value}</Text>
        </Text>
      ))}
    </Text>
  );
}
