import { Image, Text, View } from "@react-pdf/renderer";
import type { HandoutPayload } from "../types";
import { contentBox, instructionsFitOnePage, qrSize, shareSentence } from "./block-layout";
import { QrCode } from "./qr-code";
import { shareUrlSize, sizesFor, type Styles } from "./styles";

/** An https address reads and types fine without its scheme; a plain http one needs it kept. */
function printableUrl(url: string): string {
  return url.replace(/^https:\/\//, "");
}

/**
 * The address in as few lines as fit beside the QR code: a line break inside a word would be lost off the
 * edge (react-pdf never breaks a word), so a long address goes on two lines, split after "/r/".
 */
function addressLines(payload: HandoutPayload): string[] {
  const s = sizesFor(payload.largePrint);
  const address = printableUrl(payload.shareUrl!);
  const column = contentBox(payload.paper, payload.largePrint).width - qrSize(payload.largePrint) - s.gap * 3.5 - 2;
  // DejaVu Sans Mono: every character 0.602 em.
  if (address.length * 0.602 * shareUrlSize(payload.largePrint) <= column * 0.98) return [address];
  const at = address.indexOf("/r/");
  return at < 0 ? [address] : [address.slice(0, at + 3), address.slice(at + 3)];
}

/**
 * The top of the first page: the clinic, the routine's title and patient, who prescribed it and when, the
 * share link with its QR code, and the clinician's instructions.
 */
export function ProgrammeHeader({ payload, styles }: { payload: HandoutPayload; styles: Styles }) {
  const { clinic } = payload;
  const meta = [
    payload.clinician ? ["Your clinician", payload.clinician] : null,
    ["Date", `${payload.revisedOn} · revision ${payload.revisionNumber}`],
    payload.reviewOn ? ["Review", payload.reviewOn] : null,
  ].filter((item): item is [string, string] => item !== null);
  return (
    <View>
      {clinic.name || clinic.contact || clinic.logo ? (
        <View style={styles.clinicBar}>
          {/* eslint-disable-next-line jsx-a11y/alt-text -- react-pdf's Image draws into a PDF and takes no alt */}
          {clinic.logo ? <Image style={styles.logo} src={{ data: Buffer.from(clinic.logo.data), format: clinic.logo.format }} /> : null}
          <View style={{ flex: 1 }}>
            {clinic.name ? <Text style={styles.clinicName}>{clinic.name}</Text> : null}
            {clinic.contact ? <Text style={styles.clinicContact}>{clinic.contact}</Text> : null}
          </View>
        </View>
      ) : null}
      <Text style={styles.eyebrow}>Your home exercise programme</Text>
      <Text style={styles.title}>{payload.title}</Text>
      <Text style={styles.patient}>{payload.patientName ? `For ${payload.patientName}` : "Template"}</Text>
      {/* Who and when on one line, each with its label. */}
      <Text style={styles.metaLine}>
        {meta.map(([label, value], i) => (
          <Text key={label}>
            {i > 0 ? "   ·   " : ""}
            <Text style={styles.metaLabel}>{`${label}: `}</Text>
            <Text style={styles.metaValue}>{value}</Text>
          </Text>
        ))}
      </Text>
      {payload.shareUrl ? (
        <View style={styles.shareBox} wrap={false}>
          <QrCode url={payload.shareUrl} size={qrSize(payload.largePrint)} />
          <View style={styles.shareText}>
            <Text style={styles.shareHeading}>Also on your phone</Text>
            <Text>{shareSentence}</Text>
            {addressLines(payload).map((line) => (
              <Text key={line} style={styles.shareUrl}>
                {line}
              </Text>
            ))}
          </View>
        </View>
      ) : null}
      {payload.instructions ? (
        <View style={styles.instructions} wrap={!instructionsFitOnePage(payload.instructions, payload)}>
          <Text style={styles.instructionsHeading}>Before you start</Text>
          <Text>{payload.instructions}</Text>
        </View>
      ) : null}
    </View>
  );
}
