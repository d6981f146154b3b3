// @ts-check
import { Document, Image, Page, Text, View } from "@react-pdf/renderer";
import { createElement as h } from "react";
import { ExerciseBlock } from "./exercise-block.mjs";
import { blockLayout, contentBox, headerHeight, instructionsFitOnePage, planParts } from "./block-layout.mjs";
import { QrCode } from "./qr-code.mjs";
import { createStyles } from "./styles.mjs";
import { TrackingSheet } from "./tracking-sheet.mjs";

/** @typedef {import("../types").HandoutPayload} HandoutPayload */
/** @typedef {ReturnType<typeof createStyles>} Styles */

/** An https address reads and types fine without its scheme; a plain http one needs it kept. */
function printableUrl(/** @type {string} */ url) {
  return url.replace(/^https:\/\//, "");
}

/** @param {{ payload: HandoutPayload; styles: Styles }} props */
function Header({ payload, styles }) {
  const { clinic } = payload;
  const meta = [
    payload.clinician && ["Your clinician", payload.clinician],
    ["Date", `${payload.revisedOn} · revision ${payload.revisionNumber}`],
    payload.reviewOn && ["Review", payload.reviewOn],
  ].filter((item) => Array.isArray(item));
  return h(
    View,
    null,
    clinic.name || clinic.contact || clinic.logo
      ? h(
          View,
          { style: styles.clinicBar },
          clinic.logo ? h(Image, { style: styles.logo, src: { data: Buffer.from(clinic.logo.data), format: clinic.logo.format } }) : null,
          h(
            View,
            { style: { flex: 1 } },
            clinic.name ? h(Text, { style: styles.clinicName }, clinic.name) : null,
            clinic.contact ? h(Text, { style: styles.clinicContact }, clinic.contact) : null,
          ),
        )
      : null,
    h(Text, { style: styles.eyebrow }, "Your home exercise programme"),
    h(Text, { style: styles.title }, payload.title),
    h(Text, { style: styles.patient }, payload.patientName ? `For ${payload.patientName}` : "Template"),
    h(
      View,
      { style: styles.metaRow },
      meta.map(([label, value]) =>
        h(View, { key: label, style: styles.metaItem }, h(Text, { style: styles.metaLabel }, label), h(Text, { style: styles.metaValue }, value)),
      ),
    ),
    payload.shareUrl
      ? h(
          View,
          { style: styles.shareBox, wrap: false },
          h(QrCode, { url: payload.shareUrl, size: payload.largePrint ? 110 : 78 }),
          h(
            View,
            { style: styles.shareText },
            h(Text, { style: styles.shareHeading }, "Also on your phone"),
            h(Text, null, "Point your phone's camera at the square code, or type this address:"),
            h(Text, { style: styles.shareUrl }, printableUrl(payload.shareUrl)),
          ),
        )
      : null,
    payload.instructions
      ? h(View, { style: styles.instructions, wrap: !instructionsFitOnePage(payload.instructions, payload) }, h(Text, { style: styles.instructionsHeading }, "Before you start"), h(Text, null, payload.instructions))
      : null,
  );
}

/** Fixed: repeated at the foot of every page, so a loose sheet still says what it belongs to. */
function Footer(/** @type {{ payload: HandoutPayload; styles: Styles }} */ { payload, styles }) {
  return h(
    View,
    { style: styles.footer, fixed: true },
    h(Text, { style: styles.footerTitle }, payload.patientName ? `${payload.title} · ${payload.patientName}` : payload.title),
    h(Text, { render: ({ pageNumber, totalPages }) => `Page ${pageNumber} of ${totalPages}` }),
  );
}

/** The whole handout: the programme, and the tracking sheet when asked for. */
export function HandoutDocument(/** @type {{ payload: HandoutPayload }} */ { payload }) {
  const styles = createStyles(payload.largePrint);
  const size = payload.paper === "LETTER" ? "LETTER" : "A4";
  /** @param {string} key @param {import("react").ReactNode[]} children @param {"portrait" | "landscape"} orientation */
  const page = (key, children, orientation = "portrait") =>
    h(Page, { key, size, orientation, style: styles.page }, h(View, { style: styles.content }, ...children), h(Footer, { payload, styles }));
  const layouts = payload.sections.flatMap((section) =>
    section.exercises.map((exercise, i) => ({
      exercise,
      heading: i === 0 ? section.title : undefined,
      ...blockLayout(exercise, { paper: payload.paper, largePrint: payload.largePrint, withHeading: i === 0 }),
    })),
  );
  const blocks = layouts.map(({ exercise, heading, keepTogether, pictureMaxHeight }) =>
    h(ExerciseBlock, { key: exercise.number, exercise, styles, largePrint: payload.largePrint, heading, keepTogether, pictureMaxHeight }),
  );
  const header = h(Header, { key: "header", payload, styles });
  const parts = planParts(layouts, headerHeight(payload), contentBox(payload.paper, payload.largePrint).height);
  return h(
    Document,
    { title: payload.title, author: payload.clinic.name || undefined, subject: "Home exercise programme", creator: "Routine", producer: "Routine", language: "en" },
    // Large print gives every exercise a page of its own: a <Page> each, rather than forced breaks, so an
    // exercise too long for one page simply continues on the next.
    ...(payload.largePrint
      ? [page("cover", [header]), ...blocks.map((block, i) => page(`exercise-${i}`, [block]))]
      : parts.map((part, k) => page(`part-${k}`, [...(k === 0 ? [header] : []), ...part.map((i) => blocks[i])]))),
    payload.trackingSheet ? page("tracking", [h(TrackingSheet, { key: "sheet", payload })], "landscape") : null,
  );
}
