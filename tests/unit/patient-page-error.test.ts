import { afterAll, describe, expect, it, vi } from "vitest";

// The database is down: the patient's page must still answer in plain words, as HTML, with no detail.
vi.mock("@/lib/db", () => ({
  getDb: async () => {
    throw new Error("SQLITE_IOERR: disk I/O error at /srv/routine/data/app.db");
  },
}));
// Auth.js does not load under vitest; this public page never asks it anything.
vi.mock("@/lib/auth/index", () => ({ auth: async () => null }));
const logged = vi.spyOn(console, "error").mockImplementation(() => {});
afterAll(() => logged.mockRestore());

const { GET } = await import("@/app/r/[token]/route");

describe("the patient's page when something breaks on our side", () => {
  it("answers 500 with a page in patient words and a retry, and keeps the detail for the log", async () => {
    const response = await GET(new Request("http://localhost/r/abc"), { params: Promise.resolve({ token: "abc" }) });
    expect(response.status).toBe(500);
    expect(response.headers.get("content-type")).toBe("text/html; charset=utf-8");
    expect(response.headers.get("cache-control")).toBe("private, no-store");
    const html = await response.text();
    expect(html).toContain("Sorry, your exercises did not load");
    expect(html).toContain("Your ticks so far are saved.");
    expect(html).toMatch(/<form method="get"><button class="button" type="submit">Try again<\/button><\/form>/);
    expect(html).not.toContain("SQLITE_IOERR");
    expect(html).not.toContain("/srv/routine");
    expect(logged).toHaveBeenCalledTimes(1);
  });
});
