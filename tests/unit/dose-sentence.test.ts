import { describe, expect, it } from "vitest";
import type { Dose } from "@/lib/exercises/dose";
import { describeDose, describeFrequency, describeVolume, formatSeconds } from "@/lib/routines/dose-sentence";

type Case = [dose: Dose, expected: string];

const cases = (table: Case[]) => table.map(([dose, expected]) => ({ dose, expected, label: JSON.stringify(dose) }));

describe("describeDose: nothing to say", () => {
  it.each(
    cases([
      [{}, ""],
      [{ side: "both" }, ""],
      [{ load: "" }, ""],
      [{ load: "   " }, ""],
      [{ load: " . " }, ""],
    ]),
  )("$label → empty", ({ dose, expected }) => {
    expect(describeDose(dose)).toBe(expected);
  });
});

describe("describeDose: each field alone", () => {
  it.each(
    cases([
      [{ sets: 3 }, "3 sets"],
      [{ sets: 1 }, "1 set"],
      [{ reps: 10 }, "10 times"],
      [{ reps: 2 }, "2 times"],
      [{ reps: 1 }, "Once"],
      [{ holdSeconds: 30 }, "Hold for 30 seconds"],
      [{ holdSeconds: 1 }, "Hold for 1 second"],
      [{ restSeconds: 45 }, "Rest 45 seconds"],
      [{ side: "each" }, "Each side"],
      [{ side: "left" }, "Left side only"],
      [{ side: "right" }, "Right side only"],
      [{ timesPerDay: 1 }, "Once a day"],
      [{ timesPerDay: 2 }, "Twice a day"],
      [{ timesPerDay: 3 }, "3 times a day"],
      [{ timesPerDay: 12 }, "12 times a day"],
      [{ daysPerWeek: 1 }, "1 day a week"],
      [{ daysPerWeek: 2 }, "2 days a week"],
      [{ daysPerWeek: 5 }, "5 days a week"],
      [{ daysPerWeek: 7 }, "Every day"],
      [{ durationSeconds: 600 }, "For 10 minutes"],
      [{ load: "light band" }, "With light band"],
      [{ load: "with a light band" }, "With a light band"],
      [{ load: "using a step" }, "Using a step"],
    ]),
  )("$label → $expected", ({ dose, expected }) => {
    expect(describeDose(dose)).toBe(expected);
  });
});

describe("describeDose: upper ends without a usable lower end (rejected by the schema, tolerated here)", () => {
  it.each(
    cases([
      [{ repsMax: 12 }, "Up to 12 times"],
      [{ repsMax: 1 }, "Up to 1 time"],
      [{ sets: 3, repsMax: 12 }, "3 sets of up to 12"],
      [{ holdSecondsMax: 60 }, "Hold for up to 1 minute"],
      [{ reps: 10, repsMax: 10 }, "10 times"],
      [{ reps: 10, repsMax: 5 }, "10 times"],
      [{ holdSeconds: 30, holdSecondsMax: 30 }, "Hold for 30 seconds"],
      [{ sets: 0, reps: 0, timesPerDay: 0 }, ""],
    ]),
  )("$label → $expected", ({ dose, expected }) => {
    expect(describeDose(dose)).toBe(expected);
  });
});

describe("describeDose: the issue's examples and common clinical pairs", () => {
  it.each(
    cases([
      [{ sets: 2, reps: 10, side: "each", timesPerDay: 2 }, "2 sets of 10, each side, twice a day"],
      [{ reps: 5, repsMax: 10 }, "5–10 times"],
      [{ sets: 3, reps: 8, repsMax: 12 }, "3 sets of 8–12"],
      [{ holdSeconds: 30, reps: 3 }, "3 times, hold each for 30 seconds"],
      [{ sets: 2, reps: 3, holdSeconds: 30 }, "2 sets of 3, hold each for 30 seconds"],
      [{ holdSeconds: 10, side: "each" }, "Hold for 10 seconds, each side"],
      [{ holdSeconds: 30, holdSecondsMax: 60 }, "Hold for 30–60 seconds"],
      [{ sets: 3, reps: 10 }, "3 sets of 10"],
      [{ sets: 3, holdSeconds: 30 }, "3 sets, hold each for 30 seconds"],
      [{ sets: 3, durationSeconds: 120 }, "3 sets, 2 minutes in total"],
      [{ reps: 10, side: "each" }, "10 times, each side"],
      [{ reps: 10, timesPerDay: 2 }, "10 times, twice a day"],
      [{ reps: 10, restSeconds: 30 }, "10 times, rest 30 seconds between repetitions"],
      [{ reps: 10, durationSeconds: 300 }, "10 times, 5 minutes in total"],
      [{ holdSeconds: 30, durationSeconds: 600 }, "Hold for 30 seconds, 10 minutes in total"],
      [{ holdSeconds: 30, restSeconds: 30 }, "Hold for 30 seconds, rest 30 seconds"],
      [{ holdSeconds: 20, timesPerDay: 3 }, "Hold for 20 seconds, 3 times a day"],
      [{ durationSeconds: 1800, daysPerWeek: 5 }, "For 30 minutes, 5 days a week"],
      [{ durationSeconds: 600, side: "left" }, "For 10 minutes, left side only"],
      [{ sets: 2, reps: 10, load: "light band" }, "2 sets of 10, with light band"],
      [{ sets: 2, reps: 10, durationSeconds: 600 }, "2 sets of 10, 10 minutes in total"],
      [{ sets: 3, holdSeconds: 30, durationSeconds: 600 }, "3 sets, hold each for 30 seconds, 10 minutes in total"],
      [{ side: "each", timesPerDay: 2 }, "Each side, twice a day"],
      [{ restSeconds: 45, timesPerDay: 2 }, "Rest 45 seconds, twice a day"],
      [{ load: "2 kg", daysPerWeek: 3 }, "With 2 kg, 3 days a week"],
      [{ timesPerDay: 1, daysPerWeek: 7 }, "Once a day, every day"],
      [{ timesPerDay: 2, daysPerWeek: 7 }, "Twice a day, every day"],
      [{ timesPerDay: 2, daysPerWeek: 5 }, "Twice a day, 5 days a week"],
      [{ timesPerDay: 3, daysPerWeek: 1 }, "3 times a day, 1 day a week"],
      [
        { sets: 2, reps: 10, side: "left", load: "1 kg weight", restSeconds: 60, timesPerDay: 1, daysPerWeek: 7 },
        "2 sets of 10, left side only, with 1 kg weight, rest 1 minute between sets, once a day, every day",
      ],
      [
        {
          sets: 3,
          reps: 8,
          repsMax: 12,
          holdSeconds: 5,
          holdSecondsMax: 10,
          restSeconds: 90,
          side: "right",
          timesPerDay: 2,
          daysPerWeek: 5,
          durationSeconds: 900,
          load: "with a red band",
        },
        "3 sets of 8–12, hold each for 5–10 seconds, 15 minutes in total, right side only, with a red band, rest 90 seconds between sets, twice a day, 5 days a week",
      ],
    ]),
  )("$label → $expected", ({ dose, expected }) => {
    expect(describeDose(dose)).toBe(expected);
  });
});

describe("describeDose: real doses from the starter library", () => {
  it.each(
    cases([
      [{ reps: 5, side: "both", timesPerDay: 1, daysPerWeek: 5 }, "5 times, once a day, 5 days a week"],
      [{ reps: 10, side: "each", timesPerDay: 1, daysPerWeek: 5 }, "10 times, each side, once a day, 5 days a week"],
      [{ reps: 5, repsMax: 10, side: "each", timesPerDay: 1, daysPerWeek: 5 }, "5–10 times, each side, once a day, 5 days a week"],
      [{ holdSeconds: 10, side: "each", timesPerDay: 2, daysPerWeek: 5 }, "Hold for 10 seconds, each side, twice a day, 5 days a week"],
      [{ holdSeconds: 30, holdSecondsMax: 60, timesPerDay: 1, daysPerWeek: 3 }, "Hold for 30–60 seconds, once a day, 3 days a week"],
      [
        { reps: 2, repsMax: 3, holdSeconds: 20, holdSecondsMax: 30, side: "each", timesPerDay: 1, daysPerWeek: 5 },
        "2–3 times, hold each for 20–30 seconds, each side, once a day, 5 days a week",
      ],
      [
        { reps: 2, holdSeconds: 15, holdSecondsMax: 30, side: "each", timesPerDay: 1, daysPerWeek: 3 },
        "2 times, hold each for 15–30 seconds, each side, once a day, 3 days a week",
      ],
      [
        { reps: 5, holdSeconds: 5, side: "each", timesPerDay: 2, daysPerWeek: 5 },
        "5 times, hold each for 5 seconds, each side, twice a day, 5 days a week",
      ],
      [
        { reps: 3, repsMax: 5, holdSeconds: 5, holdSecondsMax: 10, restSeconds: 20, timesPerDay: 1, daysPerWeek: 3 },
        "3–5 times, hold each for 5–10 seconds, rest 20 seconds between repetitions, once a day, 3 days a week",
      ],
      [
        { sets: 2, reps: 10, holdSeconds: 5, restSeconds: 30, timesPerDay: 2, daysPerWeek: 5 },
        "2 sets of 10, hold each for 5 seconds, rest 30 seconds between sets, twice a day, 5 days a week",
      ],
      [
        { sets: 2, reps: 10, repsMax: 12, holdSeconds: 2, restSeconds: 60, timesPerDay: 1, daysPerWeek: 3 },
        "2 sets of 10–12, hold each for 2 seconds, rest 1 minute between sets, once a day, 3 days a week",
      ],
      [
        { sets: 2, reps: 10, repsMax: 12, restSeconds: 60, timesPerDay: 1, daysPerWeek: 3, load: "light band" },
        "2 sets of 10–12, with light band, rest 1 minute between sets, once a day, 3 days a week",
      ],
      [
        { sets: 2, reps: 5, side: "each", restSeconds: 30, timesPerDay: 1, daysPerWeek: 3 },
        "2 sets of 5, each side, rest 30 seconds between sets, once a day, 3 days a week",
      ],
    ]),
  )("$label → $expected", ({ dose, expected }) => {
    expect(describeDose(dose)).toBe(expected);
  });
});

describe("describeDose: singulars and plurals", () => {
  it.each(
    cases([
      [{ sets: 1, reps: 10 }, "1 set of 10"],
      [{ sets: 1, reps: 1 }, "1 set of 1"],
      [{ sets: 2, reps: 1 }, "2 sets of 1"],
      [{ reps: 1, side: "each" }, "Once, each side"],
      [{ reps: 1, repsMax: 2 }, "1–2 times"],
      [{ reps: 1, holdSeconds: 30 }, "Once, hold for 30 seconds"],
      [{ reps: 1, repsMax: 2, holdSeconds: 30 }, "1–2 times, hold each for 30 seconds"],
      [{ sets: 1, holdSeconds: 30 }, "1 set, hold for 30 seconds"],
      [{ sets: 1, reps: 1, holdSeconds: 30 }, "1 set of 1, hold for 30 seconds"],
      [{ sets: 2, reps: 1, holdSeconds: 10 }, "2 sets of 1, hold each for 10 seconds"],
      [{ sets: 1, reps: 5, holdSeconds: 10 }, "1 set of 5, hold each for 10 seconds"],
      [{ holdSeconds: 1, holdSecondsMax: 2 }, "Hold for 1–2 seconds"],
      [{ restSeconds: 1 }, "Rest 1 second"],
      [{ durationSeconds: 1 }, "For 1 second"],
      [{ durationSeconds: 7200 }, "For 2 hours"],
    ]),
  )("$label → $expected", ({ dose, expected }) => {
    expect(describeDose(dose)).toBe(expected);
  });
});

describe("describeDose: rest depends on what is repeated", () => {
  it.each(
    cases([
      [{ sets: 3, reps: 10, restSeconds: 60 }, "3 sets of 10, rest 1 minute between sets"],
      [{ sets: 3, reps: 10, restSeconds: 90 }, "3 sets of 10, rest 90 seconds between sets"],
      [{ sets: 3, reps: 10, restSeconds: 120 }, "3 sets of 10, rest 2 minutes between sets"],
      [{ sets: 3, restSeconds: 30 }, "3 sets, rest 30 seconds between sets"],
      [{ sets: 1, reps: 10, restSeconds: 30 }, "1 set of 10, rest 30 seconds between repetitions"],
      [{ reps: 5, repsMax: 10, restSeconds: 30 }, "5–10 times, rest 30 seconds between repetitions"],
      [{ reps: 1, restSeconds: 30 }, "Once, rest 30 seconds"],
      [{ sets: 1, restSeconds: 30 }, "1 set, rest 30 seconds"],
      [{ durationSeconds: 600, restSeconds: 60 }, "For 10 minutes, rest 1 minute"],
    ]),
  )("$label → $expected", ({ dose, expected }) => {
    expect(describeDose(dose)).toBe(expected);
  });
});

describe("describeDose: all four sides", () => {
  it.each(
    cases([
      [{ sets: 2, reps: 10, side: "both" }, "2 sets of 10"],
      [{ sets: 2, reps: 10, side: "each" }, "2 sets of 10, each side"],
      [{ sets: 2, reps: 10, side: "left" }, "2 sets of 10, left side only"],
      [{ sets: 2, reps: 10, side: "right" }, "2 sets of 10, right side only"],
      [{ side: "both", timesPerDay: 2 }, "Twice a day"],
    ]),
  )("$label → $expected", ({ dose, expected }) => {
    expect(describeDose(dose)).toBe(expected);
  });
});

describe("describeDose: load", () => {
  it.each(
    cases([
      [{ reps: 10, load: "light band" }, "10 times, with light band"],
      [{ reps: 10, load: "with a light band" }, "10 times, with a light band"],
      [{ reps: 10, load: "With a light band" }, "10 times, with a light band"],
      [{ reps: 10, load: "using a chair for balance" }, "10 times, using a chair for balance"],
      [{ reps: 10, load: "Using a step" }, "10 times, using a step"],
      [{ reps: 10, load: "TheraBand (red)" }, "10 times, with TheraBand (red)"],
      [{ reps: 10, load: "without shoes" }, "10 times, with without shoes"],
      [{ reps: 10, load: "  2   kg. " }, "10 times, with 2 kg"],
      [{ reps: 10, load: "with 2 kg," }, "10 times, with 2 kg"],
      [{ reps: 10, load: "   " }, "10 times"],
      [{ load: "light band", side: "each" }, "Each side, with light band"],
    ]),
  )("$label → $expected", ({ dose, expected }) => {
    expect(describeDose(dose)).toBe(expected);
  });
});

describe("minute and second boundaries", () => {
  it.each([
    [1, "1 second"],
    [30, "30 seconds"],
    [59, "59 seconds"],
    [60, "1 minute"],
    [61, "61 seconds"],
    [90, "90 seconds"],
    [119, "119 seconds"],
    [120, "2 minutes"],
    [121, "2 minutes 1 second"],
    [150, "2 minutes 30 seconds"],
    [600, "10 minutes"],
    [3540, "59 minutes"],
    [3600, "1 hour"],
    [3660, "1 hour 1 minute"],
    [3601, "1 hour 1 second"],
    [5400, "1 hour 30 minutes"],
    [7200, "2 hours"],
  ])("formatSeconds(%i) → %s", (seconds, expected) => {
    expect(formatSeconds(seconds)).toBe(expected);
  });

  it.each([59, 60, 61, 90, 120, 3600])("%i s reads the same as a hold, a rest and a duration", (seconds) => {
    const time = formatSeconds(seconds);
    expect(describeDose({ holdSeconds: seconds })).toBe(`Hold for ${time}`);
    expect(describeDose({ sets: 2, reps: 5, restSeconds: seconds })).toBe(`2 sets of 5, rest ${time} between sets`);
    expect(describeDose({ durationSeconds: seconds })).toBe(`For ${time}`);
  });

  it.each(
    cases([
      [{ holdSeconds: 30, holdSecondsMax: 60 }, "Hold for 30–60 seconds"],
      [{ holdSeconds: 59, holdSecondsMax: 61 }, "Hold for 59–61 seconds"],
      [{ holdSeconds: 60, holdSecondsMax: 90 }, "Hold for 60–90 seconds"],
      [{ holdSeconds: 60, holdSecondsMax: 120 }, "Hold for 1–2 minutes"],
      [{ holdSeconds: 90, holdSecondsMax: 150 }, "Hold for 90–150 seconds"],
      [{ holdSeconds: 120, holdSecondsMax: 300 }, "Hold for 2–5 minutes"],
      [{ holdSeconds: 120, holdSecondsMax: 600 }, "Hold for 2–10 minutes"],
    ]),
  )("hold range $label → $expected", ({ dose, expected }) => {
    expect(describeDose(dose)).toBe(expected);
  });
});

describe("describeVolume and describeFrequency", () => {
  const dose: Dose = {
    sets: 2,
    reps: 10,
    holdSeconds: 5,
    side: "each",
    load: "light band",
    restSeconds: 30,
    timesPerDay: 2,
    daysPerWeek: 5,
  };

  it("describeVolume keeps only sets, reps, hold and duration", () => {
    expect(describeVolume(dose)).toBe("2 sets of 10, hold each for 5 seconds");
    expect(describeVolume({ durationSeconds: 600, timesPerDay: 1 })).toBe("For 10 minutes");
    expect(describeVolume({ side: "each", timesPerDay: 1 })).toBe("");
  });

  it("describeFrequency keeps only times a day and days a week", () => {
    expect(describeFrequency(dose)).toBe("Twice a day, 5 days a week");
    expect(describeFrequency({ reps: 10, daysPerWeek: 7 })).toBe("Every day");
    expect(describeFrequency({ reps: 10 })).toBe("");
  });

  it("is pure: the dose is not changed and the same dose always reads the same", () => {
    const before = structuredClone(dose);
    expect(describeDose(dose)).toBe(describeDose(dose));
    expect(dose).toEqual(before);
  });
});

// Every presence/absence combination of the eleven fields, with fixed representative values. repsMax only
// with reps and holdSecondsMax only with holdSeconds (the schema rejects the rest); a present side is tried
// with each of its four values and a present load with and without a leading "with".
const fields = [
  "sets",
  "reps",
  "repsMax",
  "holdSeconds",
  "holdSecondsMax",
  "restSeconds",
  "side",
  "timesPerDay",
  "daysPerWeek",
  "durationSeconds",
  "load",
] as const satisfies readonly (keyof Dose)[];

const sides = ["both", "left", "right", "each"] as const;
const loads = ["light band", "with a foam roller"] as const;

function allCombinations(): Dose[] {
  const out: Dose[] = [];
  for (let mask = 0; mask < 2 ** fields.length; mask++) {
    const has = (field: (typeof fields)[number]) => (mask & (1 << fields.indexOf(field))) !== 0;
    if (has("repsMax") && !has("reps")) continue;
    if (has("holdSecondsMax") && !has("holdSeconds")) continue;
    const base: Dose = {};
    if (has("sets")) base.sets = 4;
    if (has("reps")) base.reps = 8;
    if (has("repsMax")) base.repsMax = 12;
    if (has("holdSeconds")) base.holdSeconds = 20;
    if (has("holdSecondsMax")) base.holdSecondsMax = 45;
    if (has("restSeconds")) base.restSeconds = 90;
    if (has("timesPerDay")) base.timesPerDay = 3;
    if (has("daysPerWeek")) base.daysPerWeek = 5;
    if (has("durationSeconds")) base.durationSeconds = 600;
    for (const side of has("side") ? sides : [undefined]) {
      for (const load of has("load") ? loads : [undefined]) {
        const dose: Dose = { ...base };
        if (side !== undefined) dose.side = side;
        if (load !== undefined) dose.load = load;
        out.push(dose);
      }
    }
  }
  return out;
}

const combinations = allCombinations();

describe("describeDose: every combination of fields", () => {
  it("walks all valid combinations", () => {
    // 2^11 masks less those with an orphan upper end = 2^7 × 3 × 3 = 1152; × 5 side variants ÷ 2 × 3 load variants ÷ 2.
    expect(combinations).toHaveLength(4320);
  });

  it.each(combinations.map((dose) => ({ dose, label: JSON.stringify(dose) })))("$label", ({ dose }) => {
    const text = describeDose(dose);
    const lower = text.toLowerCase();
    const meaningful = Object.entries(dose).some(([key, value]) => !(key === "side" && value === "both"));

    // Empty exactly when there is nothing to say.
    expect(text === "").toBe(!meaningful);
    if (!meaningful) return;

    // Shape of the sentence.
    expect(text).toMatch(/^[A-Z0-9]/); // capitalised, or a number ("4 sets of 8–12")
    expect(text).not.toMatch(/\s{2}/);
    expect(text).not.toMatch(/,\s*,/);
    expect(text).not.toMatch(/[\s,.]$/);
    expect(text).not.toMatch(/^\s/);
    expect(text).not.toMatch(/undefined|NaN|null|\bwith with\b/i);
    expect(text).not.toContain("-"); // ranges use the en dash
    for (const part of text.split(", ")) expect(part.trim()).not.toBe("");

    // Each present value appears, rendered; remember where, to check the order of the parts.
    const at = (rendering: string): number => {
      const i = lower.indexOf(rendering.toLowerCase());
      expect(i, `"${rendering}" in "${text}"`).toBeGreaterThanOrEqual(0);
      return i;
    };
    const volume: number[] = [];
    if (dose.sets !== undefined) volume.push(at("4 sets"));
    if (dose.reps !== undefined) volume.push(at(dose.repsMax !== undefined ? "8–12" : "8"));
    if (dose.holdSeconds !== undefined) volume.push(at(dose.holdSecondsMax !== undefined ? "20–45 seconds" : "20 seconds"));
    if (dose.durationSeconds !== undefined) volume.push(at("10 minutes"));
    const later: number[] = [];
    if (dose.side === "each") later.push(at("each side"));
    if (dose.side === "left") later.push(at("left side only"));
    if (dose.side === "right") later.push(at("right side only"));
    if (dose.side === undefined || dose.side === "both") expect(lower).not.toContain("side");
    if (dose.load !== undefined) later.push(at(dose.load.startsWith("with") ? dose.load : `with ${dose.load}`));
    if (dose.restSeconds !== undefined) {
      const between = dose.sets !== undefined ? " between sets" : dose.reps !== undefined ? " between repetitions" : "";
      later.push(at(`rest 90 seconds${between}`));
      if (between === "") expect(lower).not.toContain("between");
    }
    if (dose.timesPerDay !== undefined) later.push(at("3 times a day"));
    if (dose.daysPerWeek !== undefined) later.push(at("5 days a week"));

    // Order: volume, then side, load, rest, times a day, days a week.
    const order = [...volume.slice(0, 1), ...later];
    expect(order).toEqual([...order].sort((a, b) => a - b));
    for (const i of volume) expect(i).toBeLessThan(later[0] ?? Infinity);

    // The sentence is the volume followed, at its end, by the frequency.
    const volumeText = describeVolume(dose);
    const frequencyText = describeFrequency(dose);
    if (volumeText !== "") expect(text.startsWith(volumeText)).toBe(true);
    if (frequencyText !== "") expect(lower.endsWith(frequencyText.toLowerCase())).toBe(true);
  });
});
