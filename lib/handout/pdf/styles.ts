import { StyleSheet } from "@react-pdf/renderer";
import { fontFamily, monoFamily } from "./fonts";

/** The app's palette, toned for paper: light fills that still read on a black-and-white printer. */
export const colors = {
  ink: "#1d2430",
  soft: "#4a5568",
  faint: "#6b7686",
  line: "#d5dbe2",
  brand: "#0f6e6e",
  brandStrong: "#0b5454",
  brandTint: "#e6f3f2",
  caution: "#7a4b00",
  cautionTint: "#fdf5e6",
  cautionLine: "#e9c98f",
};

export type Sizes = {
  body: number;
  small: number;
  name: number;
  title: number;
  section: number;
  badge: number;
  picture: number;
  pictureMaxHeight: number;
  /** A drawing's width: wider than a photo, since its frames sit side by side. */
  drawing: number;
  gap: number;
  margin: number;
};

/**
 * Type and picture sizes in points. Body text is 12 pt, as health-literacy guidance asks for printed
 * patient material; large print (16 pt) is for readers who hold the sheet at arm's length. Only labels and
 * the footer are smaller.
 */
export function sizesFor(largePrint: boolean): Sizes {
  return largePrint
    ? {
        body: 16,
        small: 13,
        name: 21,
        title: 30,
        section: 18,
        badge: 32,
        picture: 250,
        pictureMaxHeight: 220,
        drawing: 400,
        gap: 11,
        margin: 40,
      }
    : {
        body: 12,
        small: 10,
        name: 14.5,
        title: 22,
        section: 13,
        badge: 24,
        picture: 150,
        pictureMaxHeight: 130,
        drawing: 200,
        gap: 7,
        margin: 36,
      };
}

export type Styles = ReturnType<typeof createStyles>;

export function createStyles(largePrint: boolean) {
  const s = sizesFor(largePrint);
  return StyleSheet.create({
    // The footer is page chrome (see handout-document.tsx), laid out below the content: the bottom margin
    // holds it.
    page: {
      fontFamily,
      fontSize: s.body,
      color: colors.ink,
      paddingTop: s.margin,
      paddingHorizontal: s.margin,
      paddingBottom: s.margin * 0.6,
    },
    // Where the programme flows on every page. Line height lives here, not on the page, so the footer's
    // page-number text sets its own.
    content: { flexGrow: 1, fontSize: s.body, lineHeight: 1.35 },
    clinicBar: {
      flexDirection: "row",
      alignItems: "center",
      paddingBottom: s.gap,
      marginBottom: s.gap * 1.5,
      borderBottomWidth: 1,
      borderBottomColor: colors.line,
    },
    logo: { width: largePrint ? 64 : 44, height: largePrint ? 64 : 44, objectFit: "contain", marginRight: s.gap * 1.5 },
    clinicName: { fontSize: s.body * 1.1, fontWeight: "bold", color: colors.brandStrong },
    clinicContact: { fontSize: s.small, color: colors.soft, marginTop: 2 },
    eyebrow: { fontSize: s.small, color: colors.brand, fontWeight: "bold", textTransform: "uppercase" },
    title: { fontSize: s.title, fontWeight: "bold", lineHeight: 1.2, marginTop: 4 },
    patient: { fontSize: s.body * 1.25, lineHeight: 1.3, marginTop: 6 },
    metaRow: { flexDirection: "row", flexWrap: "wrap", marginTop: s.gap * 1.25, marginBottom: s.gap * 1.5 },
    metaItem: { marginRight: s.gap * 3, marginBottom: 4 },
    metaLabel: { fontSize: s.small, color: colors.faint, textTransform: "uppercase" },
    metaValue: { fontSize: s.body, fontWeight: "bold" },
    instructions: { backgroundColor: colors.brandTint, borderRadius: 6, padding: s.gap * 1.5, marginBottom: s.gap * 0.5 },
    instructionsHeading: { fontWeight: "bold", color: colors.brandStrong, marginBottom: 3 },
    shareBox: {
      flexDirection: "row",
      alignItems: "center",
      borderWidth: 1,
      borderColor: colors.line,
      borderRadius: 6,
      padding: s.gap,
      marginBottom: s.gap * 1.5,
    },
    shareText: { flex: 1, marginLeft: s.gap * 1.5 },
    shareHeading: { fontWeight: "bold", marginBottom: 2 },
    shareUrl: { fontFamily: monoFamily, fontSize: s.body * 0.95, color: colors.brandStrong, marginTop: 4 },
    sectionHeading: {
      fontSize: s.section,
      lineHeight: 1.3,
      fontWeight: "bold",
      color: colors.brandStrong,
      textTransform: "uppercase",
      borderBottomWidth: 1.5,
      borderBottomColor: colors.brand,
      paddingBottom: 3,
      marginTop: s.gap,
      marginBottom: s.gap * 1.25,
    },
    // Space goes above a block, never below: react-pdf moves a block to the next page when its bottom margin
    // does not fit, even though the block itself does.
    block: { marginTop: s.gap * 1.5 },
    exercise: { borderWidth: 1, borderColor: colors.line, borderRadius: 8, paddingVertical: s.gap * 1.25, paddingHorizontal: s.gap * 1.5 },
    exerciseHead: { flexDirection: "row", alignItems: "center" },
    badge: {
      width: s.badge,
      height: s.badge,
      borderRadius: s.badge / 2,
      backgroundColor: colors.brand,
      color: "#ffffff",
      fontWeight: "bold",
      fontSize: Math.max(s.body, s.badge * 0.5),
      lineHeight: 1,
      textAlign: "center",
      paddingTop: s.badge * 0.25,
      marginRight: s.gap * 1.25,
    },
    exerciseName: { flex: 1, fontSize: s.name, fontWeight: "bold", lineHeight: 1.2 },
    dose: {
      marginTop: s.gap * 0.8,
      paddingVertical: s.gap * 0.45,
      paddingHorizontal: s.gap,
      backgroundColor: colors.brandTint,
      borderRadius: 4,
      fontWeight: "bold",
      color: colors.brandStrong,
    },
    exerciseBody: { flexDirection: largePrint ? "column" : "row", marginTop: s.gap * 0.9 },
    // Beside a picture the steps take the remaining width; stacked (large print) they keep their height.
    steps: largePrint ? {} : { flex: 1 },
    picture: { width: s.picture },
    pictureBox: largePrint ? { alignItems: "center", marginBottom: s.gap * 1.5 } : { marginLeft: s.gap * 2 },
    step: { flexDirection: "row", marginBottom: 2 },
    stepNumber: { width: s.body * 2, fontWeight: "bold", color: colors.brand },
    stepText: { flex: 1 },
    label: { fontWeight: "bold" },
    cues: { marginTop: s.gap * 0.6, color: colors.soft },
    precautions: {
      marginTop: s.gap * 0.6,
      paddingVertical: s.gap * 0.5,
      paddingHorizontal: s.gap * 0.75,
      backgroundColor: colors.cautionTint,
      borderLeftWidth: 3,
      borderLeftColor: colors.cautionLine,
      color: colors.caution,
    },
    note: {
      marginTop: s.gap * 0.6,
      paddingVertical: s.gap * 0.5,
      paddingHorizontal: s.gap * 0.75,
      borderLeftWidth: 3,
      borderLeftColor: colors.brand,
      backgroundColor: colors.brandTint,
    },
    noteLabel: { fontWeight: "bold", color: colors.brandStrong },
    footer: {
      flexDirection: "row",
      justifyContent: "space-between",
      borderTopWidth: 0.75,
      borderTopColor: colors.line,
      marginTop: s.gap,
      paddingTop: 5,
      fontSize: s.small,
      lineHeight: 1.2,
      color: colors.faint,
    },
    footerTitle: { flex: 1, marginRight: s.gap * 2 },
  });
}
