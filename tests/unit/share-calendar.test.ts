import ICAL from "ical.js";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { saveRoutine } from "@/lib/routines/mutations";
import { readRoutineContent } from "@/lib/routines/queries";
import { buildReminderCalendar } from "@/lib/share/calendar";
import { readReminderTimes, sessionsInRoutine } from "@/lib/share/reminders";
import { getSharedRoutine } from "@/lib/share/shared-routine";
import { appUrl, shareFixture } from "../helpers/share-fixture";
import { createTempDb, type TempDb } from "../helpers/temp-db";

let t: TempDb;
let f: Awaited<ReturnType<typeof shareFixture>>;
const now = Date.UTC(2026, 2, 11, 12, 0);
beforeEach(async () => {
  t = await createTempDb();
  f = await shareFixture(t, now);
});
afterEach(() => t.close());

const pageUrl = () => `${appUrl}/r/${f.token}`;

/** Parsed with ical.js (Thunderbird's parser): a feed it cannot read throws here. */
function parse(text: string) {
  const calendar = new ICAL.Component(ICAL.parse(text));
  return { calendar, events: calendar.getAllSubcomponents("vevent").map((v) => new ICAL.Event(v)) };
}

async function feed(times: string[]) {
  const routine = (await getSharedRoutine(t.db, { linkId: f.link.id, routineId: f.routineId }, now))!;
  const picked = readReminderTimes(times, sessionsInRoutine(routine))!;
  return buildReminderCalendar({
    routine,
    feedId: `link-${f.link.id}`,
    pageUrl: pageUrl(),
    times: picked,
    startDay: "2026-03-11",
    clinicName: "Harbour Physiotherapy",
  });
}

describe("calendar reminders", () => {
  it("gives one repeating event per session, at the picked times, on the routine's days, leading back to the page", async () => {
    const text = await feed(["midday", "evening"]);
    expect(text).toMatch(/^BEGIN:VCALENDAR\r\n/);
    expect(text.split("\r\n").every((line) => new TextEncoder().encode(line).length <= 75)).toBe(true); // folded per RFC 5545
    const { calendar, events } = parse(text);
    expect(calendar.getFirstPropertyValue("version")).toBe("2.0");
    expect(calendar.getFirstPropertyValue("prodid")).toContain("Routine");
    expect(events).toHaveLength(2); // two of the template's exercises are done twice a day
    const [first, second] = events;
    expect([first!.startDate.hour, first!.startDate.minute, second!.startDate.hour]).toEqual([12, 30, 18]);
    expect(first!.startDate.isDate).toBe(false);
    expect(first!.startDate.zone?.tzid).toBe("floating"); // 12:30 wherever the patient's phone is
    const rule = first!.component.getFirstPropertyValue("rrule") as ICAL.Recur;
    expect(rule.freq).toBe("WEEKLY");
    expect(rule.parts.BYDAY).toEqual(["MO", "TU", "WE", "TH", "FR"]); // 5 days a week
    expect(first!.component.getFirstPropertyValue("url")).toBe(pageUrl());
    expect(first!.description).toContain("10 exercises from Harbour Physiotherapy");
    expect(second!.description).toContain("2 exercises");
    expect(second!.description).toContain(pageUrl());
    expect(first!.uid).not.toBe(second!.uid);
    expect(first!.component.getFirstSubcomponent("valarm")?.getFirstPropertyValue("action")).toBe("DISPLAY");
    // The next occurrences fall on weekdays at 12:30.
    const next = first!.iterator();
    const days = Array.from({ length: 6 }, () => next.next()!.toJSDate().getDay());
    expect(days.every((d) => d >= 1 && d <= 5)).toBe(true);
  });

  it("follows the routine's edits under the same UIDs, and is empty for a link that is not active", async () => {
    const before = parse(await feed([])).events;
    expect(before.map((e) => [e.startDate.hour, e.startDate.minute])).toEqual([
      [8, 0],
      [18, 0],
    ]);
    const content = (await readRoutineContent(t.db, f.routineId))!;
    await saveRoutine(t.db, f.ada, f.routineId, 1, {
      ...content,
      title: "Week 2",
      sections: content.sections.map((s) => ({
        ...s,
        items: s.items.map((i) => ({ ...i, dose: { ...i.dose, timesPerDay: 1, daysPerWeek: 3 } })),
      })),
    });
    const after = parse(await feed([])).events;
    expect(after).toHaveLength(1);
    expect(after[0]!.uid).toBe(before[0]!.uid);
    expect(after[0]!.summary).toBe("Exercises: Week 2");
    expect((after[0]!.component.getFirstPropertyValue("rrule") as ICAL.Recur).parts.BYDAY).toEqual(["MO", "WE", "FR"]);

    const empty = parse(
      buildReminderCalendar({
        routine: null,
        feedId: "inactive",
        pageUrl: pageUrl(),
        times: ["morning"],
        startDay: "2026-03-11",
        clinicName: "C",
      }),
    );
    expect(empty.events).toHaveLength(0);
  });

  it("reads the picked times, refusing anything else", () => {
    expect(readReminderTimes([], 2)).toEqual(["morning", "evening"]);
    expect(readReminderTimes(["evening"], 1)).toEqual(["evening"]);
    expect(readReminderTimes(["midday"], 3)).toEqual(["midday", "midday", "evening"]);
    expect(readReminderTimes(["noon"], 1)).toBeNull();
    expect(readReminderTimes(["morning", "morning", "morning", "morning"], 3)).toBeNull();
  });
});
