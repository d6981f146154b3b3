import { Text, View } from "@react-pdf/renderer";
import type { HandoutPayload } from "../types";
import type { Styles } from "./styles";

/** At the foot of every page, so a loose sheet still says what it belongs to and where it goes. */
export function PageFooter({
  payload,
  styles,
  pageNumber,
  totalPages,
}: {
  payload: HandoutPayload;
  styles: Styles;
  pageNumber?: number;
  totalPages?: number;
}) {
  return (
    <View style={styles.footer}>
      <Text style={styles.footerTitle}>{payload.patientName ? `${payload.title} · ${payload.patientName}` : payload.title}</Text>
      {/* Unknown on the engine's first pass, which only measures the footer. */}
      <Text>{`Page ${pageNumber ?? 1} of ${totalPages ?? 1}`}</Text>
    </View>
  );
}
