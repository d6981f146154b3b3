/**
 * The same handout as an HTML print view, for the benchmark's headless-Chromium baseline (`page.pdf()`):
 * the same text, pictures (as data URLs), blocks kept whole and a page-numbered footer, with print CSS.
 */
import type { HandoutPayload } from "../../lib/handout/types";

const escape = (text: string) => text.replace(/[&<>"]/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;" })[c]!);

const css = `
  @page { size: A4; margin: 14mm 14mm 20mm; }
  body { font-family: "DejaVu Sans", sans-serif; font-size: 10.5pt; line-height: 1.35; color: #1d2430; margin: 0; }
  h1 { font-size: 21pt; margin: 4pt 0; } .eyebrow { color: #0f6e6e; font-weight: bold; font-size: 8.5pt; text-transform: uppercase; }
  .clinic { border-bottom: 1px solid #d5dbe2; padding-bottom: 7pt; margin-bottom: 10pt; } .clinic strong { color: #0b5454; }
  .instructions { background: #e6f3f2; border-radius: 6pt; padding: 10pt; }
  h2 { color: #0b5454; text-transform: uppercase; font-size: 12pt; border-bottom: 1.5pt solid #0f6e6e; break-after: avoid; }
  .exercise { border: 1px solid #d5dbe2; border-radius: 8pt; padding: 9pt 10pt; margin-top: 10pt; break-inside: avoid; }
  .exercise h3 { font-size: 13pt; margin: 0; } .badge { display: inline-block; width: 20pt; height: 20pt; border-radius: 10pt; background: #0f6e6e; color: #fff; text-align: center; line-height: 20pt; margin-right: 8pt; }
  .dose { background: #e6f3f2; color: #0b5454; font-weight: bold; padding: 3pt 7pt; border-radius: 4pt; margin: 6pt 0; }
  .body { display: flex; gap: 14pt; } .body ol { flex: 1; margin: 0; padding-left: 18pt; } .body img { width: 150pt; object-fit: contain; }
  .care { background: #fdf5e6; border-left: 3pt solid #e9c98f; color: #7a4b00; padding: 4pt 6pt; margin-top: 4pt; }
  .note { background: #e6f3f2; border-left: 3pt solid #0f6e6e; padding: 4pt 6pt; margin-top: 4pt; }
`;

/** The footer Chromium repeats on every page (its own template language: pageNumber, totalPages). */
export function footerTemplate(payload: HandoutPayload): string {
  return `<div style="font-size:8pt;color:#6b7686;width:100%;margin:0 14mm;display:flex;justify-content:space-between">
    <span>${escape(payload.title)}</span><span>Page <span class="pageNumber"></span> of <span class="totalPages"></span></span></div>`;
}

export function handoutHtml(payload: HandoutPayload): string {
  const picture = (p: HandoutPayload["sections"][number]["exercises"][number]["picture"]) =>
    p ? `<img src="data:image/${p.format === "png" ? "png" : "jpeg"};base64,${Buffer.from(p.data).toString("base64")}" alt="">` : "";
  const sections = payload.sections
    .map(
      (section) =>
        `<h2>${escape(section.title)}</h2>` +
        section.exercises
          .map(
            (e) => `<div class="exercise"><h3><span class="badge">${e.number}</span>${escape(e.name)}</h3>
              ${e.dose ? `<div class="dose">${escape(e.dose)}</div>` : ""}
              <div class="body"><ol>${e.steps.map((s) => `<li>${escape(s)}</li>`).join("")}</ol>${picture(e.picture)}</div>
              ${e.cues ? `<p><strong>Tips:</strong> ${escape(e.cues)}</p>` : ""}
              ${e.precautions ? `<div class="care"><strong>Take care:</strong> ${escape(e.precautions)}</div>` : ""}
              ${e.note ? `<div class="note"><strong>Note from your clinician:</strong> ${escape(e.note)}</div>` : ""}</div>`,
          )
          .join(""),
    )
    .join("");
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><style>${css}</style></head><body>
    <div class="clinic"><strong>${escape(payload.clinic.name)}</strong><br>${escape(payload.clinic.contact)}</div>
    <div class="eyebrow">Your home exercise programme</div><h1>${escape(payload.title)}</h1>
    <p>${payload.patientName ? `For ${escape(payload.patientName)}` : "Template"} · ${escape(payload.revisedOn)}</p>
    ${payload.instructions ? `<div class="instructions"><strong>Before you start</strong><br>${escape(payload.instructions)}</div>` : ""}
    ${sections}</body></html>`;
}
