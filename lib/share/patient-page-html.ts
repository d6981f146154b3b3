import "server-only";
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import type { ReactElement } from "react";

// Route handlers are bundled for React Server Components, where react-dom/server refuses to load. The
// patient's page has no client components, so Node's own build of react-dom/server, loaded at run time
// from node_modules, renders it to plain HTML: no React, no router, nothing to hydrate in the browser.
const loadAtRunTime = createRequire(path.join(/* turbopackIgnore: true */ process.cwd(), "package.json"));
const { renderToStaticMarkup } = loadAtRunTime("react-dom/server") as typeof import("react-dom/server");

let styles: string | undefined;

/** The app's base styles and the patient page's own, inlined: one request for the whole first screen. */
function pageStyles(): string {
  styles ??= ["app/globals.css", "components/share/patient-routine.css"]
    .map((file) => readFileSync(path.join(/* turbopackIgnore: true */ process.cwd(), file), "utf8"))
    .join("\n")
    .replace(/\/\*[\s\S]*?\*\//g, "")
    .replace(/\n\s*/g, "\n");
  return styles;
}

/**
 * A complete HTML document around a server-rendered body. The title is generic on purpose: a browser's
 * history and tab titles can be seen by others.
 */
export function renderPatientDocument(body: ReactElement, title = "Your exercises"): string {
  return (
    "<!doctype html>" +
    '<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">' +
    `<meta name="robots" content="noindex, nofollow"><meta name="referrer" content="no-referrer"><title>${title}</title>` +
    // The app's icon (app/icon.svg, app/apple-icon.png), for the tab and a phone's home screen.
    '<link rel="icon" href="/icon.svg" type="image/svg+xml"><link rel="apple-touch-icon" href="/apple-icon.png">' +
    `<style>${pageStyles()}</style></head><body>${renderToStaticMarkup(body)}</body></html>`
  );
}
