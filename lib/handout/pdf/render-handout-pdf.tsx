import { renderToBuffer } from "@react-pdf/renderer";
import type { HandoutPayload } from "../types";
import { loadHandoutFonts } from "./fonts";
import { HandoutDocument } from "./handout-document";

/**
 * Draws a handout from plain data. CPU-bound for tens of milliseconds, so the server calls it in a worker
 * thread (render-worker.ts); tests and the benchmark may call it directly.
 */
export async function renderHandoutPdf(payload: HandoutPayload): Promise<Uint8Array> {
  await loadHandoutFonts();
  const buffer = await renderToBuffer(<HandoutDocument payload={payload} />);
  // A copy with an ArrayBuffer of its own, so it can be transferred to the main thread without copying again.
  return new Uint8Array(buffer);
}
