import { describe, expect, it } from "vitest";
import { ByteLru } from "@/lib/handout/byte-lru";
import { asciiSlug, handoutFileName } from "@/lib/handout/file-name";
import { handoutOptions, parseHandoutQuery } from "@/lib/handout/options";

const query = (q: string) => parseHandoutQuery(new URLSearchParams(q));

describe("handout options", () => {
  it("reads the download link's query string, defaulting to the configured paper", () => {
    expect(query("")).toEqual({ ok: true, options: { paper: undefined, largePrint: false, trackingSheet: false } });
    expect(query("paper=letter&large=1&tracking=on")).toEqual({
      ok: true,
      options: { paper: "LETTER", largePrint: true, trackingSheet: true },
    });
    expect(query("paper=A4&large=0&tracking=false")).toEqual({
      ok: true,
      options: { paper: "A4", largePrint: false, trackingSheet: false },
    });
  });

  it("refuses what it cannot print with a reason", () => {
    expect(query("paper=A5")).toEqual({ ok: false, error: "paper: Use A4 or LETTER." });
    expect(query("large=yes")).toEqual({ ok: false, error: "large: Use 1 or 0." });
    expect(query("papr=A4")).toEqual({ ok: false, error: "Unknown option papr: use paper, large and tracking." });
    expect(query("paper=A4&paper=LETTER")).toEqual({ ok: false, error: "Give paper only once." });
  });

  it("takes a share link only as an http(s) address", () => {
    expect(handoutOptions.safeParse({ shareUrl: "https://clinic.example/r/abc" }).success).toBe(true);
    expect(handoutOptions.safeParse({ shareUrl: "javascript:alert(1)" }).success).toBe(false);
    expect(handoutOptions.safeParse({ shareUrl: "/r/abc" }).success).toBe(false);
  });
});

describe("handout file names", () => {
  it("spells names in plain ASCII: accents dropped, Polish, Greek and Cyrillic letters transliterated", () => {
    expect(asciiSlug("Łucja Dvořák-Ωmega Жанна")).toBe("Lucja-Dvorak-Omega-Zhanna");
    expect(asciiSlug("Søren Ærø Straße")).toBe("Soren-AEro-Strasse");
    expect(asciiSlug("Nguyễn Thị Minh Khai")).toBe("Nguyen-Thi-Minh-Khai");
    expect(asciiSlug(`O'Brien "Jo" / Smith`)).toBe("O-Brien-Jo-Smith");
    expect(asciiSlug("李小龍")).toBe("");
  });

  it("says whose, what and when", () => {
    expect(handoutFileName({ patientName: "Jo Desk-Worker", title: "Upper back pain — mobility", date: "2026-05-11" })).toBe(
      "Jo-Desk-Worker-Upper-back-pain-mobility-2026-05-11.pdf",
    );
    expect(handoutFileName({ patientName: null, title: "Neck", date: "2026-05-11" })).toBe("template-Neck-2026-05-11.pdf");
    expect(handoutFileName({ patientName: "李小龍", title: "—", date: "2026-05-11" })).toBe("patient-routine-2026-05-11.pdf");
    const long = handoutFileName({ patientName: "A".repeat(100), title: "B ".repeat(100), date: "2026-05-11" });
    expect(long.length).toBeLessThan(120);
    expect(long).toMatch(/^[A-Za-z0-9-]+\.pdf$/);
  });
});

describe("byte-bounded LRU", () => {
  const bytes = (n: number) => new Uint8Array(n);

  it("evicts the least recently used entries once the bytes exceed the bound", () => {
    const lru = new ByteLru(100);
    lru.set("a", bytes(40));
    lru.set("b", bytes(40));
    lru.get("a"); // a is now the most recently used
    lru.set("c", bytes(40));
    expect(lru.get("b")).toBeUndefined();
    expect(lru.get("a")).toBeDefined();
    expect(lru.size).toEqual({ entries: 2, bytes: 80 });
  });

  it("replaces an entry without counting it twice, and never keeps a value larger than the bound", () => {
    const lru = new ByteLru(100);
    lru.set("a", bytes(60));
    lru.set("a", bytes(30));
    expect(lru.size).toEqual({ entries: 1, bytes: 30 });
    lru.set("huge", bytes(101));
    expect(lru.get("huge")).toBeUndefined();
    expect(lru.size).toEqual({ entries: 1, bytes: 30 });
  });
});
