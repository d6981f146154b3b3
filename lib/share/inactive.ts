/** The one answer for unknown, revoked and expired links, on the page and from its routes alike. */
export const inactiveLinkTitle = "This link is no longer active";
export const inactiveLinkMessage = "Ask your clinician for a new link.";

const page = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><meta name="robots" content="noindex"><meta name="referrer" content="no-referrer"><title>${inactiveLinkTitle}</title></head>
<body style="margin:0;background:#f7f5f0;color:#1b2330;font-family:system-ui,-apple-system,'Segoe UI',Roboto,sans-serif;font-size:1.2rem;line-height:1.55">
<main style="max-width:32rem;margin:0 auto;padding:4rem 1.25rem"><h1 style="font-size:1.8rem;line-height:1.2">${inactiveLinkTitle}</h1><p>${inactiveLinkMessage}</p></main>
</body></html>`;

/**
 * A complete page, status 404, with no script at all: it reads the same with or without JavaScript, and is
 * byte for byte the same whichever reason the link has for being inactive.
 */
export function inactiveLinkResponse(): Response {
  return new Response(page, {
    status: 404,
    headers: {
      "Content-Type": "text/html; charset=utf-8",
      "Content-Security-Policy": "default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'",
    },
  });
}
