import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { formatDay, formatInstant, localDay } from "@/lib/dates/format";

// Run as a clinic in California (UTC-8 in December) would: a calendar day read as a local midnight would show the day
// before, and an evening instant falls on the next day in UTC.
const originalTz = process.env.TZ;
beforeAll(() => {
  process.env.TZ = "America/Los_Angeles";
});
afterAll(() => {
  if (originalTz === undefined) delete process.env.TZ;
  else process.env.TZ = originalTz;
});

describe("formatDay: calendar days never move", () => {
  it.each([
    ["date", "1 Dec 2026"],
    ["long-date", "1 December 2026"],
    ["short-date", "1 Dec"],
    ["weekday-date", "Tue 1 Dec"],
    ["weekday", "Tue"],
    ["month", "Dec"],
    ["day-of-month", "1"],
  ] as const)("%s → %s", (format, expected) => {
    expect(formatDay("2026-12-01", format)).toBe(expected);
  });

  it("shows the last and first day of a year as themselves", () => {
    expect(formatDay("2026-12-31", "date")).toBe("31 Dec 2026");
    expect(formatDay("2027-01-01", "weekday-date")).toBe("Fri 1 Jan");
  });
});

describe("formatInstant: in the runtime's (the clinic's) time zone", () => {
  // 03:30 UTC on 2 December is 19:30 on 1 December in California.
  const lateEvening = new Date("2026-12-02T03:30:00Z");

  it.each([
    ["date", "1 Dec 2026"],
    ["long-date", "1 December 2026"],
    ["date-time", "1 Dec 2026, 19:30"],
  ] as const)("%s → %s", (format, expected) => {
    expect(formatInstant(lateEvening, format)).toBe(expected);
  });

  it("takes an ISO string or epoch milliseconds as the same instant", () => {
    expect(formatInstant(lateEvening.toISOString(), "date-time")).toBe("1 Dec 2026, 19:30");
    expect(formatInstant(lateEvening.getTime(), "date-time")).toBe("1 Dec 2026, 19:30");
  });
});

describe("localDay", () => {
  it("is the runtime's calendar day of an instant, not UTC's", () => {
    expect(localDay(new Date("2026-12-02T03:30:00Z"))).toBe("2026-12-01");
    expect(localDay(new Date("2026-12-02T09:00:00Z"))).toBe("2026-12-02");
  });
});
