import "server-only";
import type { Db } from "@/db/client";
import { getClinicSettings, type ClinicSettings } from "@/lib/clinic/settings";

/** The one answer for unknown, revoked and expired links, on the page and from its routes alike. */
export const inactiveLinkTitle = "This link is no longer active";
export const inactiveLinkMessage = "Your clinic can send you a new one.";

export type ContactLine = { text: string; href: string | null };

/** The clinic's contact details (Settings → Clinic), one line each, with a phone number or email ready to tap. */
export function clinicContactLines(contact: string): ContactLine[] {
  return contact
    .split(/\n|\s+·\s+/)
    .map((line) => line.trim())
    .filter(Boolean)
    .map((text) => {
      if (/^\+?[\d\s()-]{7,}$/.test(text)) return { text, href: `tel:${text.replace(/[^\d+]/g, "")}` };
      if (/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(text)) return { text, href: `mailto:${text}` };
      return { text, href: null };
    });
}

const escape = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

type Clinic = Pick<ClinicSettings, "displayName" | "contact">;

function renderPage({ displayName: clinicName, contact }: Clinic): string {
  const lines = clinicContactLines(contact)
    .map((l) => (l.href ? `<li><a href="${escape(l.href)}">${escape(l.text)}</a></li>` : `<li>${escape(l.text)}</li>`))
    .join("");
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><meta name="robots" content="noindex"><meta name="referrer" content="no-referrer"><title>${inactiveLinkTitle}</title></head>
<body style="margin:0;background:#f7f5f0;color:#1b2330;font-family:system-ui,-apple-system,'Segoe UI',Roboto,sans-serif;font-size:1.2rem;line-height:1.55">
<main style="max-width:32rem;margin:0 auto;padding:3rem 1.25rem"><p style="font-weight:700;color:#0b5454;margin:0 0 1rem">${escape(clinicName)}</p><h1 style="font-size:1.8rem;line-height:1.2">${inactiveLinkTitle}</h1><p>${inactiveLinkMessage}</p>${
    lines
      ? `<h2 style="font-size:1.2rem;margin:1.5rem 0 0.25rem">Contact ${escape(clinicName)}</h2><ul style="list-style:none;padding:0;margin:0">${lines}</ul>`
      : `<p>Please contact ${escape(clinicName)}.</p>`
  }</main>
</body></html>`;
}

// The last page drawn, by the clinic's details it names: a dead link is answered without rendering again.
let last: { key: string; page: string } | undefined;

/** The inactive-link page as plain parts (status, headers, body), for both mounts of the patient's page. */
export function inactiveLinkAnswer(clinic: Clinic): { status: 404; headers: Record<string, string>; body: string } {
  const key = JSON.stringify([clinic.displayName, clinic.contact]);
  if (last?.key !== key) last = { key, page: renderPage(clinic) };
  return {
    status: 404,
    headers: {
      "Content-Type": "text/html; charset=utf-8",
      "Content-Security-Policy":
        "default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'",
    },
    body: last.page,
  };
}

/**
 * A complete page, status 404, with no script at all: it reads the same with or without JavaScript, names the
 * clinic and how to reach it as Settings says now, and is byte for byte the same whichever reason the link has
 * for being inactive.
 */
export function inactiveLinkResponse(clinic: Clinic): Response {
  const { status, headers, body } = inactiveLinkAnswer(clinic);
  return new Response(body, { status, headers });
}

/** The same page where the caller has not read the clinic's settings already (an error path: one more trip). */
export async function inactiveLinkResponseFrom(db: Db): Promise<Response> {
  return inactiveLinkResponse(await getClinicSettings(db));
}
