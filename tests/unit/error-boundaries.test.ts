import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import AdminError from "@/app/admin/error";
import { PatientPageError } from "@/components/share/patient-page-error";

const failure = Object.assign(new Error("SQLITE_BUSY: database is locked at /srv/data/app.db"), { digest: "3141592653" });
failure.stack = "Error: SQLITE_BUSY\n    at readHandoutSource (lib/handout/read-handout-source.ts:42:7)";

describe("error boundaries", () => {
  it("admin: a plain message, a retry, the digest to find the log line, and nothing of the error itself", () => {
    const html = renderToStaticMarkup(createElement(AdminError, { error: failure, retry: () => {} }));
    expect(html).toContain("This page could not be loaded");
    expect(html).toContain(">Try again</button>");
    expect(html).toContain("3141592653");
    expect(html).not.toContain("SQLITE_BUSY");
    expect(html).not.toContain("read-handout-source");
  });

  it("patient: patient words, a retry that works without JavaScript, no technical detail", () => {
    const html = renderToStaticMarkup(createElement(PatientPageError, { retry: () => {} }));
    expect(html).toContain("Sorry, your exercises did not load");
    expect(html).toContain("call your clinic");
    expect(html).toMatch(/<form method="get"><button class="button" type="submit">Try again<\/button><\/form>/);
    expect(html).not.toContain("SQLITE_BUSY");
    expect(html).not.toContain("3141592653");
  });
});
