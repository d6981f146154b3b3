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
  /** The widest a drawing may grow so that its captions fit under their frames at the smallest type. */
  drawingMax: number;
  /** The tallest a drawing beside the steps may grow when the steps leave it the room (a single tall frame). */
  drawingTall: number;
  gap: number;
  margin: number;
  /** Line height of running text, as a multiple of the type size. */
  leading: number;
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
        picture: 300,
        pictureMaxHeight: 230,
        drawing: 440,
        drawingMax: 470,
        drawingTall: 230,
        gap: 10,
        margin: 34,
        leading: 1.25,
      }
    : {
        body: 12,
        small: 10,
        name: 14.5,
        title: 22,
        section: 13,
        badge: 22,
        picture: 150,
        pictureMaxHeight: 130,
        drawing: 190,
        drawingMax: 240,
        drawingTall: 150,
        gap: 6,
        margin: 28,
        leading: 1.2,
      };
}

/**
 * The share link's corner of the header, beside the eyebrow, title and patient line: a short caption and the
 * address in a narrow column, then the QR code. Sized so the corner is no taller than what it sits beside.
 */
export function shareCorner(largePrint: boolean) {
  return largePrint ? { qr: 80, column: 104, caption: 13, address: 12, gap: 8 } : { qr: 66, column: 92, caption: 10, address: 9, gap: 4 };
}

/** The clinic's logo: small, at the left of the clinic's line. */
export function logoSize(largePrint: boolean): number {
  return largePrint ? 30 : 24;
}

export type Styles = ReturnType<typeof createStyles>;

export function createStyles(largePrint: boolean) {
  const s = sizesFor(largePrint);
  const doseLabel = {
    paddingVertical: s.gap * 0.25,
    paddingHorizontal: s.gap,
    backgroundColor: colors.brandTint,
    borderRadius: 4,
    fontWeight: "bold" as const,
    color: colors.brandStrong,
  };
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
    content: { flexGrow: 1, fontSize: s.body, lineHeight: s.leading },
    clinicBar: {
      flexDirection: "row",
      alignItems: "center",
      paddingBottom: s.gap * 0.6,
      marginBottom: s.gap * 0.8,
      borderBottomWidth: 1,
      borderBottomColor: colors.line,
    },
    logo: { width: logoSize(largePrint), height: logoSize(largePrint), objectFit: "contain", marginRight: s.gap * 1.5 },
    clinicName: { fontSize: s.body * 1.1, fontWeight: "bold", color: colors.brandStrong, marginRight: s.gap * 2 },
    // At the right of the name, wrapping between its words when the two do not fit on one line.
    clinicContact: largePrint
      ? { fontSize: s.small, color: colors.soft, marginTop: 1 }
      : { flex: 1, fontSize: s.small, color: colors.soft, textAlign: "right" },
    eyebrow: { fontSize: s.small, color: colors.brand, fontWeight: "bold", textTransform: "uppercase" },
    title: { fontSize: s.title, fontWeight: "bold", lineHeight: 1.2, marginTop: 2 },
    patient: { fontSize: s.body * 1.25, lineHeight: 1.3, marginTop: 1 },
    metaLine: { marginTop: s.gap * 0.5, marginBottom: s.gap * 1.5, color: colors.faint },
    metaLabel: { color: colors.soft },
    metaValue: { fontWeight: "bold", color: colors.ink },
    instructions: {
      backgroundColor: colors.brandTint,
      borderRadius: 6,
      paddingVertical: s.gap * 1.1,
      paddingHorizontal: s.gap * 1.5,
      marginBottom: s.gap * 0.5,
    },
    instructionsHeading: { fontWeight: "bold", color: colors.brandStrong },
    // The header beside the QR code, with the space the meta line has below it.
    titleRow: { flexDirection: "row", alignItems: "flex-start", marginBottom: s.gap * 1.2 },
    metaLines: { marginTop: s.gap * 0.5, color: colors.faint },
    // Well apart from the title, so a text reader (pdftotext, a screen reader) keeps the two columns apart.
    shareCorner: { alignItems: "center", marginLeft: s.gap * 4 },
    shareCaption: {
      fontSize: shareCorner(largePrint).caption,
      fontWeight: "bold",
      lineHeight: 1.2,
      textAlign: "center",
      marginTop: shareCorner(largePrint).gap,
    },
    addressLine: { lineHeight: 1.25 },
    addressLabel: { fontSize: shareCorner(largePrint).caption, color: colors.soft },
    // Monospace, so each character can be told apart when the address is typed in.
    shareUrl: { fontFamily: monoFamily, fontSize: shareCorner(largePrint).address, lineHeight: 1.25, color: colors.brandStrong },
    sectionHeading: {
      fontSize: s.section,
      lineHeight: 1.3,
      fontWeight: "bold",
      color: colors.brandStrong,
      textTransform: "uppercase",
      borderBottomWidth: 1.5,
      borderBottomColor: colors.brand,
      paddingBottom: 2,
      marginTop: s.gap * 0.5,
      marginBottom: s.gap * 1.2,
    },
    // Space goes above a block, never below: react-pdf moves a block to the next page when its bottom margin
    // does not fit, even though the block itself does. A rule above each exercise (the section heading's own
    // rule above the first) tells one from the next without the padding a boxed card costs.
    block: { marginTop: s.gap * 1.3 },
    rule: { borderTopWidth: 1, borderTopColor: colors.line, paddingTop: s.gap * 1.2 },
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
      paddingTop: s.badge * 0.22,
      marginRight: s.gap * 1.25,
    },
    exerciseName: { flex: 1, fontSize: s.name, fontWeight: "bold", lineHeight: 1.2 },
    // The dose as a tinted label: under the name, or beside it when it fits.
    dose: { marginTop: s.gap * 0.6, ...doseLabel },
    doseInline: { marginLeft: s.gap * 2, ...doseLabel },
    exerciseBody: { flexDirection: "row", marginTop: s.gap * 0.9 },
    // Beside a picture the steps take the remaining width.
    steps: { flex: 1 },
    // Large print stacks the picture between the dose and the steps, centred and as large as the page allows.
    stackedSteps: { marginTop: s.gap * 0.6 },
    picture: { width: s.picture },
    pictureBox: largePrint ? { alignItems: "center", marginTop: s.gap } : { marginLeft: s.gap * 2, alignItems: "center" },
    step: { flexDirection: "row", marginBottom: 1 },
    stepNumber: { width: s.body * 1.6, fontWeight: "bold", color: colors.brand },
    stepText: { flex: 1 },
    label: { fontWeight: "bold" },
    cues: { marginTop: s.gap * 0.6, color: colors.soft },
    precautions: {
      marginTop: s.gap * 0.6,
      paddingVertical: s.gap * 0.4,
      paddingHorizontal: s.gap * 0.8,
      backgroundColor: colors.cautionTint,
      borderLeftWidth: 3,
      borderLeftColor: colors.cautionLine,
      color: colors.caution,
    },
    note: {
      marginTop: s.gap * 0.6,
      paddingVertical: s.gap * 0.4,
      paddingHorizontal: s.gap * 0.8,
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
