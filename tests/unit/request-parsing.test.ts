import { describe, expect, it } from "vitest";
import { dayStartUtc, isoDay, parseIsoDay, parseWholeNumber } from "@/lib/dates/parse";
import { routineContent } from "@/lib/routines/schemas";
import { expiryFor, newShareLinkInput, tickInput } from "@/lib/share/schemas";
import { readTickFeedback } from "@/lib/share/tick-feedback";

const now = Date.UTC(2026, 11, 1, 12);

describe("defect 6: dates and numbers from requests are parsed by one helper that never throws", () => {
  it("reads real calendar days and nothing else", () => {
    expect(parseIsoDay("2026-12-01")).toBe("2026-12-01");
    expect(parseIsoDay("2028-02-29")).toBe("2028-02-29");
    for (const bad of [
      "0",
      "-1",
      "1.5",
      "\u0000",
      "%00",
      "+02026-12-01",
      "2026-02-30",
      "2026-13-01",
      "0999-01-01",
      "2026-1-1",
      " 2026-12-01",
      20261201,
      null,
      {},
    ]) {
      expect(parseIsoDay(bad)).toBeNull();
      expect(dayStartUtc(bad)).toBeNull();
      expect(isoDay.safeParse(bad).success).toBe(false);
    }
    expect(isoDay.safeParse("2026-02-30").error?.issues[0]?.message).toBe("That date does not exist.");
    expect(isoDay.safeParse("0").error?.issues[0]?.message).toBe("Use a date like 2026-12-01.");
  });

  it("a tick with day 0, -1, 1.5, %00 or +02026-12-01 is a validation error naming `day`", () => {
    for (const day of ["0", "-1", "1.5", "%00", "\u0000", "+02026-12-01"]) {
      const parsed = tickInput.safeParse({ position: "0", exerciseId: "1", day });
      expect(parsed.success).toBe(false);
      expect(parsed.error?.issues.map((i) => i.path.join("."))).toEqual(["day"]);
    }
  });

  it('saveRoutine with startDate "0" is a validation error naming startDate', () => {
    const parsed = routineContent.safeParse({ title: "T", startDate: "0", sections: [{ title: "S", items: [] }] });
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues.map((i) => i.path.join("."))).toContain("startDate");
  });

  it("createShareLink with expiry=custom&customDate=1 is a validation error naming customDate", () => {
    const parsed = newShareLinkInput.safeParse({ routineId: "1", label: "phone", expiry: "custom", customDate: "1" });
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues.map((i) => i.path.join("."))).toContain("customDate");
    expect(expiryFor({ expiry: "custom", customDate: "1" }, now)).toBeNull();
    expect(expiryFor({ expiry: "custom", customDate: "2026-12-31" }, now)?.toISOString()).toBe("2026-12-31T23:59:59.999Z");
  });

  it("reads whole numbers within bounds", () => {
    expect(parseWholeNumber("42", { min: 1, max: 100 })).toBe(42);
    for (const bad of ["1.5", "1e3", "", "0x10", "999999999999999999", "-1", "NaN", null]) {
      expect(parseWholeNumber(bad, { min: 0, max: 1000 })).toBeNull();
    }
  });
});

describe("own-property lookups where a request picks a key", () => {
  it("GET /r/{token}?error=constructor (toString, __proto__) is an ordinary visit, not a 500", () => {
    for (const code of ["constructor", "toString", "__proto__", "hasOwnProperty", "valueOf"]) {
      expect(readTickFeedback({ error: code, item: "1" })).toBeNull();
    }
    expect(readTickFeedback({ error: "busy", item: "1" })?.kind).toBe("error");
    const polluted = JSON.parse('{"__proto__": {"done": "1"}}') as Record<string, string>;
    expect(readTickFeedback(polluted)).toBeNull();
  });
});
