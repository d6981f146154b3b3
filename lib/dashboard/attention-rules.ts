import { addDays, daysBetween } from "@/lib/share/days";

/**
 * The dashboard's "Needs attention" rules, as pure functions of what the database returned (unit-tested apart).
 * Days are calendar days ("2026-12-01"); "today" is the server's UTC day, as the routine's progress counts it.
 */

/** How far back a pain score, a comment or a quiet week counts: the last 7 days, today included. */
export const attentionWindowDays = 7;
/** A score this many points above the patient's own usual score on the routine is flagged, whatever the threshold. */
export const aboveBaselinePoints = 3;
/** Fewer earlier scores than this is no baseline yet: one bad day is not "usual". */
export const baselineMinScores = 3;
/** Links that stop working within this many days are flagged (unless another active link lasts longer). */
export const expiringWithinDays = 7;
/** Reviews due within this many days, or overdue, are flagged. */
export const reviewWithinDays = 7;

export function median(values: number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

export type PainScore = { day: string; pain: number; exercise: string | null; updatedAt: Date };

export type PainAlert = {
  day: string;
  pain: number;
  exercise: string | null;
  /** Which rule flagged it: the clinic's threshold, or 3 above the patient's own baseline. */
  reason: "threshold" | "above_baseline";
  /** The median of the patient's scores on this routine on days before the flagged one; null without 3 of them. */
  baseline: number | null;
  earlierScores: number;
  updatedAt: Date;
};

/**
 * The patient's most worrying pain score on one routine in the last 7 days that nobody has read yet: a score at or
 * above the clinic's threshold, or 3 points or more above their baseline — the median of their scores on this
 * routine on earlier days (at least 3 of them). The highest score wins; on a tie, the latest.
 */
export function findPainAlert(
  scores: PainScore[],
  { today, threshold, readUntil }: { today: string; threshold: number; readUntil: Date | null },
): PainAlert | null {
  const from = addDays(today, -(attentionWindowDays - 1));
  let worst: PainAlert | null = null;
  for (const score of scores) {
    if (score.day < from || (readUntil && score.updatedAt <= readUntil)) continue;
    const earlier = scores.filter((s) => s.day < score.day).map((s) => s.pain);
    const baseline = earlier.length >= baselineMinScores ? median(earlier) : null;
    const reason =
      score.pain >= threshold ? "threshold" : baseline !== null && score.pain >= baseline + aboveBaselinePoints ? "above_baseline" : null;
    if (!reason) continue;
    const alert: PainAlert = { ...score, reason, baseline, earlierScores: earlier.length };
    if (!worst || alert.pain > worst.pain || (alert.pain === worst.pain && alert.day > worst.day)) worst = alert;
  }
  return worst;
}

/** Whole days since a day (0 for today). */
export const daysSince = (day: string, today: string) => daysBetween(day, today);

/**
 * A routine with an active link whose patient has ticked nothing for 7 days: the link has been out for at least
 * 7 days and the last tick (through any of the routine's links) is 7 or more days old, or there is none.
 */
export function isQuiet({ lastTickDay, linkSince, today }: { lastTickDay: string | null; linkSince: string; today: string }): boolean {
  if (daysBetween(linkSince, today) < attentionWindowDays) return false;
  return lastTickDay === null || daysBetween(lastTickDay, today) >= attentionWindowDays;
}

export function inDays(n: number): string {
  if (n === 0) return "today";
  if (n === 1) return "tomorrow";
  if (n === -1) return "yesterday";
  return n > 0 ? `in ${n} days` : `${-n} days ago`;
}
