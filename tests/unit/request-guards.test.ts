import { describe, expect, it } from "vitest";
import { createLogLimiter } from "@/lib/auth/log-limiter";
import { isSameOriginRequest } from "@/lib/security/same-origin";

describe("defect 9: tick posts check Origin and Sec-Fetch-Site", () => {
  const app = ["https://hep.example.org"];
  const check = (headers: Record<string, string>) => isSameOriginRequest(new Headers({ host: "10.0.0.5:3000", ...headers }), app);
  it("accepts the page's own posts and non-browser clients", () => {
    expect(check({ "sec-fetch-site": "same-origin", origin: "https://hep.example.org" })).toBe(true);
    expect(check({ origin: "http://10.0.0.5:3000" })).toBe(true);
    expect(check({})).toBe(true);
    // The no-referrer page's own form post, as Chromium sends it.
    expect(check({ "sec-fetch-site": "same-origin", origin: "null" })).toBe(true);
  });
  it("refuses posts from other sites", () => {
    expect(check({ "sec-fetch-site": "cross-site", origin: "https://evil.test" })).toBe(false);
    expect(check({ "sec-fetch-site": "same-site" })).toBe(false);
    expect(check({ origin: "https://evil.test" })).toBe(false);
    expect(check({ origin: "null" })).toBe(false);
    expect(check({ "sec-fetch-site": "cross-site", origin: "null" })).toBe(false);
  });
});

describe("defect 8: one log line per invalid cookie, rate-limited", () => {
  it("writes one line per interval and says how many it held back", () => {
    const lines: string[] = [];
    const log = createLogLimiter(60_000, (line) => lines.push(line));
    for (let i = 0; i < 500; i++) log("Ignored an invalid session cookie.", 1_000 + i);
    log("Ignored an invalid session cookie.", 61_000);
    expect(lines).toEqual([
      "Ignored an invalid session cookie.",
      "Ignored an invalid session cookie. (499 more like it since the last report)",
    ]);
    expect(lines.every((l) => !l.includes("\n"))).toBe(true);
  });
});
