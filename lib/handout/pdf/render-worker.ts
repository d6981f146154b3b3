// A worker thread of the handout pool (lib/handout/render-pool.ts), started through worker-entry.mjs.
// Protocol: receives { id, payload: HandoutPayload }, answers { id, ok: true, pdf } (transferred) or
// { id, ok: false, error }.
import { parentPort } from "node:worker_threads";
import type { HandoutExercise, HandoutPayload } from "../types";
import { renderHandoutPdf } from "./render-handout-pdf";

if (!parentPort) throw new Error("render-worker.ts runs as a worker thread of the handout pool.");
const port = parentPort;

const sampleExercise: HandoutExercise = {
  number: 1,
  name: "Warm-up Ωł",
  steps: ["Step"],
  dose: "Once",
  ticksPerDay: 2,
  cues: "Cue",
  precautions: "Care",
  note: "Note",
  picture: null,
};

// The first render in a thread pays for parsing the fonts and compiling the layout code (about half a
// second); paying it here, while the server starts, keeps it out of the first patient's download.
await renderHandoutPdf({
  clinic: { name: "Clinic", contact: "Contact", logo: null },
  patientName: "Patient",
  title: "Warm-up",
  instructions: "Instructions",
  clinician: "Clinician",
  revisionNumber: 1,
  revisedOn: "1 January 2026",
  reviewOn: null,
  sections: [{ title: "Section", exercises: [sampleExercise] }],
  trackingDays: [{ weekday: "Mon", day: "1", month: "Jan" }],
  paper: "A4",
  largePrint: false,
  trackingSheet: true,
  shareUrl: "https://example.org/r/warm-up",
});

port.on("message", async ({ id, payload }: { id: number; payload: HandoutPayload }) => {
  try {
    const pdf = await renderHandoutPdf(payload);
    port.postMessage({ id, ok: true, pdf }, [pdf.buffer as ArrayBuffer]);
  } catch (error) {
    port.postMessage({ id, ok: false, error: error instanceof Error ? (error.stack ?? error.message) : String(error) });
  }
});
