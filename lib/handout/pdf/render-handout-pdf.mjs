// @ts-check
import { renderToBuffer } from "@react-pdf/renderer";
import { createElement as h } from "react";
import { registerHandoutFonts } from "./fonts.mjs";
import { HandoutDocument } from "./handout-document.mjs";

/**
 * Draws a handout from plain data. CPU-bound for tens to hundreds of milliseconds, so the server calls it
 * in a worker thread (render-worker.mjs); tests and the benchmark may call it directly.
 * @param {import("../types").HandoutPayload} payload
 * @returns {Promise<Uint8Array>}
 */
export async function renderHandoutPdf(payload) {
  registerHandoutFonts();
  // HandoutDocument returns a <Document>, which is what renderToBuffer's type asks for.
  const document = /** @type {import("react").ReactElement<import("@react-pdf/renderer").DocumentProps>} */ (h(HandoutDocument, { payload }));
  const buffer = await renderToBuffer(document);
  // A copy with an ArrayBuffer of its own, so it can be transferred to the main thread without copying again.
  return new Uint8Array(buffer);
}
