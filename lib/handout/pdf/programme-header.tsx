import { Image, Text, View } from "@react-pdf/renderer";
import type { HandoutPayload } from "../types";
import { instructionsFitOnePage, qrSize } from "./block-layout";
import { QrCode } from "./qr-code";
import type { Styles } from "./styles";

/** An https address reads and types fine without its scheme; a plain http one needs it kept. */
function printableUrl(url: string): string {
  return url.replace(/^https:\/\//, "");
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
      <View style={styles.metaRow}>
        {meta.map(([label, value]) => (
          <View key={label} style={styles.metaItem}>
            <Text style={styles.metaLabel}>{label}</Text>
            <Text style={styles.metaValue}>{value}</Text>
          </View>
        ))}
      </View>
      {payload.shareUrl ? (
        <View style={styles.shareBox} wrap={false}>
          <QrCode url={payload.shareUrl} size={qrSize(payload.largePrint)} />
          <View style={styles.shareText}>
            <Text style={styles.shareHeading}>Also on your phone</Text>
            <Text>{"Point your phone's camera at the square code, or type this address:"}</Text>
            <Text style={styles.shareUrl}>{printableUrl(payload.shareUrl)}</Text>
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
