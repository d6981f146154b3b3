import type { Dose } from "@/lib/exercises/dose";

/**
 * A dose as one plain sentence ("2 sets of 10, each side, twice a day"), built in one place so the printed
 * handout, the patient's phone and the clinician's builder always say exactly the same thing.
 *
 * Wording rules:
 * - Order: volume (sets, reps, hold, duration), side, load, rest, frequency (times a day, days a week); parts are
 *   joined with ", ", the first letter is capitalised, there is no full stop, and numbers are digits.
 * - Reps with sets: "3 sets of 10", "1 set of 8–12". Reps without sets read as times: "10 times", "5–10 times",
 *   and a single rep is "Once". Sets without reps: "3 sets".
 * - Hold: "Hold for 30 seconds" on its own; after sets or reps "hold each for 30 seconds" when there is more
 *   than one of them ("3 times, hold each for 30 seconds"), otherwise "hold for" ("Once, hold for 30 seconds").
 * - Duration is the time for the whole exercise: "For 10 minutes" on its own, "…, 10 minutes in total" after
 *   sets, reps or a hold.
 * - Times: under 2 minutes in seconds ("59 seconds", "90 seconds") except exactly "1 minute"; from 2 minutes in
 *   hours, minutes and seconds, leaving out zero parts ("2 minutes", "2 minutes 30 seconds", "1 hour").
 *   Ranges share one unit: minutes when both ends are whole minutes ("1–2 minutes"), otherwise seconds
 *   ("30–60 seconds", "60–90 seconds").
 * - Ranges use an en dash. An upper end without a lower end reads "up to" ("Up to 12 times"); an upper end not
 *   above the lower end is ignored. (The dose schema rejects both; old or imported data may not.)
 * - Side: "each side", "left side only", "right side only"; "both" adds nothing (both together is the default).
 * - Load: ", with light band"; a load already starting with "with" or "using" is kept as written
 *   (", using a step"). Surrounding spaces and trailing full stops are tidied away.
 * - Rest: "rest 1 minute between sets" when there is more than one set, "rest 30 seconds between repetitions"
 *   when there is one set (or none) but more than one rep, otherwise just "rest 30 seconds".
 * - Frequency: "once a day", "twice a day", "3 times a day"; "1 day a week", "5 days a week", and 7 days is
 *   "every day" (so "once a day, every day" keeps both facts).
 * - Nothing to say ({} or only side "both") is the empty string: callers show nothing.
 */
export function describeDose(dose: Dose): string {
  return sentence([...volumeParts(dose), ...sideParts(dose), ...loadParts(dose), ...restParts(dose), ...frequencyParts(dose)]);
}

/** Only how much to do: sets, reps, hold and duration ("3 sets of 10, hold each for 5 seconds"). */
export function describeVolume(dose: Dose): string {
  return sentence(volumeParts(dose));
}

/** Only how often: times a day and days a week ("Twice a day, 5 days a week"). */
export function describeFrequency(dose: Dose): string {
  return sentence(frequencyParts(dose));
}

/** A number of seconds in words: "45 seconds", "1 minute", "90 seconds", "2 minutes 30 seconds", "1 hour". */
export function formatSeconds(total: number): string {
  if (total < 120) return total === 60 ? "1 minute" : plural(total, "second");
  const hours = Math.floor(total / 3600);
  const minutes = Math.floor((total % 3600) / 60);
  const seconds = total % 60;
  const parts: string[] = [];
  if (hours > 0) parts.push(plural(hours, "hour"));
  if (minutes > 0) parts.push(plural(minutes, "minute"));
  if (seconds > 0) parts.push(plural(seconds, "second"));
  return parts.join(" ");
}

const EN_DASH = "\u2013";

/** A count or range as given: a single value, "lo–hi", or "up to hi" when only the upper end is there. */
type Amount = { kind: "single"; value: number } | { kind: "range"; lo: number; hi: number } | { kind: "upTo"; hi: number };

function isCount(n: number | undefined): n is number {
  return typeof n === "number" && Number.isFinite(n) && n > 0;
}

function amount(lo: number | undefined, hi: number | undefined): Amount | undefined {
  if (isCount(lo)) return isCount(hi) && hi > lo ? { kind: "range", lo, hi } : { kind: "single", value: lo };
  return isCount(hi) ? { kind: "upTo", hi } : undefined;
}

/** The largest number an amount allows, to tell "one" from "more than one". */
function most(a: Amount): number {
  return a.kind === "single" ? a.value : a.hi;
}

function plural(n: number, unit: string): string {
  return `${n} ${unit}${n === 1 ? "" : "s"}`;
}

function formatSecondsRange(lo: number, hi: number): string {
  if (lo % 3600 === 0 && hi % 3600 === 0) return `${lo / 3600}${EN_DASH}${hi / 3600} hours`;
  if (lo % 60 === 0 && hi % 60 === 0) return `${lo / 60}${EN_DASH}${hi / 60} minutes`;
  return `${lo}${EN_DASH}${hi} seconds`;
}

function holdText(a: Amount): string {
  if (a.kind === "range") return formatSecondsRange(a.lo, a.hi);
  return a.kind === "upTo" ? `up to ${formatSeconds(a.hi)}` : formatSeconds(a.value);
}

/** Reps after "N sets of": "10", "8–12", "up to 12". */
function repsAfterSets(a: Amount): string {
  if (a.kind === "range") return `${a.lo}${EN_DASH}${a.hi}`;
  return a.kind === "upTo" ? `up to ${a.hi}` : String(a.value);
}

/** Reps on their own: "once", "10 times", "5–10 times", "up to 12 times". */
function repsAsTimes(a: Amount): string {
  if (a.kind === "range") return `${a.lo}${EN_DASH}${a.hi} times`;
  if (a.kind === "upTo") return `up to ${plural(a.hi, "time")}`;
  return a.value === 1 ? "once" : plural(a.value, "time");
}

function volumeParts(dose: Dose): string[] {
  const sets = isCount(dose.sets) ? dose.sets : undefined;
  const reps = amount(dose.reps, dose.repsMax);
  const hold = amount(dose.holdSeconds, dose.holdSecondsMax);
  const parts: string[] = [];
  if (sets !== undefined) parts.push(reps ? `${plural(sets, "set")} of ${repsAfterSets(reps)}` : plural(sets, "set"));
  else if (reps) parts.push(repsAsTimes(reps));
  if (hold) {
    const several = (sets ?? 1) > 1 || (reps !== undefined && most(reps) > 1);
    parts.push(`hold ${several ? "each " : ""}for ${holdText(hold)}`);
  }
  if (isCount(dose.durationSeconds)) {
    const time = formatSeconds(dose.durationSeconds);
    parts.push(parts.length > 0 ? `${time} in total` : `for ${time}`);
  }
  return parts;
}

function sideParts(dose: Dose): string[] {
  switch (dose.side) {
    case "each":
      return ["each side"];
    case "left":
      return ["left side only"];
    case "right":
      return ["right side only"];
    default:
      return []; // "both", or none given: both sides together is the ordinary reading
  }
}

function loadParts(dose: Dose): string[] {
  const load = (dose.load ?? "")
    .replace(/\s+/g, " ")
    .replace(/[\s.,;:]+$/, "")
    .trim();
  if (load === "") return [];
  const lead = /^(with|using)\b/i;
  return [lead.test(load) ? load.replace(lead, (word) => word.toLowerCase()) : `with ${load}`];
}

function restParts(dose: Dose): string[] {
  if (!isCount(dose.restSeconds)) return [];
  const reps = amount(dose.reps, dose.repsMax);
  const between =
    isCount(dose.sets) && dose.sets > 1 ? " between sets" : reps !== undefined && most(reps) > 1 ? " between repetitions" : "";
  return [`rest ${formatSeconds(dose.restSeconds)}${between}`];
}

function frequencyParts(dose: Dose): string[] {
  const parts: string[] = [];
  const perDay = dose.timesPerDay;
  if (isCount(perDay)) parts.push(perDay === 1 ? "once a day" : perDay === 2 ? "twice a day" : `${perDay} times a day`);
  const perWeek = dose.daysPerWeek;
  if (isCount(perWeek)) parts.push(perWeek >= 7 ? "every day" : `${plural(perWeek, "day")} a week`);
  return parts;
}

function sentence(parts: string[]): string {
  const text = parts.join(", ");
  return text.charAt(0).toUpperCase() + text.slice(1);
}
