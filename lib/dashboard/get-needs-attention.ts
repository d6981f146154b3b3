import "server-only";
import { and, desc, eq, gt, gte, inArray, isNotNull, isNull, ne, or, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { exercises, patients, routineFeedbackReads, routines, shareLinks, shareTicks } from "@/db/schema";
import { clinicSettingsQuery, toClinicSettings } from "@/lib/clinic/settings";
import { formatDay } from "@/lib/dates/format";
import { visiblePatients } from "@/lib/patients/access";
import { addDays, daysBetween, utcDay } from "@/lib/share/days";
import type { SessionUser } from "@/lib/users/accounts";
import {
  aboveBaselinePoints,
  attentionWindowDays,
  expiringWithinDays,
  findPainAlert,
  inDays,
  isQuiet,
  reviewWithinDays,
  type PainScore,
} from "./attention-rules";

export type AttentionKind = "pain" | "comments" | "quiet" | "link_expiring" | "review_due";

/** One row of "Needs attention": whose routine, what happened and why it is on the list, in plain words. */
export type AttentionItem = {
  kind: AttentionKind;
  routineId: number;
  title: string;
  patientName: string;
  what: string;
  why: string;
  /** The latest comment, for the comments row. */
  quote?: string;
  /** For "Mark as read" (pain and comments): the newest feedback shown, in ms; later feedback stays new. */
  feedbackUntil?: number;
};

export type NeedsAttention = { items: AttentionItem[]; painThreshold: number };

// How far back a patient's pain scores count towards their baseline.
const baselineDays = 120;
const order: AttentionKind[] = ["pain", "comments", "quiet", "review_due", "link_expiring"];

/**
 * What needs the clinician's attention first, over the routines they may see (the patient-visibility policy is
 * part of every query): pain at or above the clinic's threshold or well above the patient's usual, new comments,
 * patients who stopped ticking, links about to stop working and reviews due. One round trip (one batch).
 */
export async function getNeedsAttention(db: Db, actor: SessionUser, now = Date.now()): Promise<NeedsAttention> {
  const today = utcDay(now);
  const windowStart = addDays(today, -(attentionWindowDays - 1));
  const visible = await visiblePatients(db, actor);
  const live = and(eq(routines.isTemplate, false), isNull(routines.archivedAt), isNull(patients.archivedAt), visible);
  const liveRoutineIds = db.select({ id: routines.id }).from(routines).innerJoin(patients, eq(patients.id, routines.patientId)).where(live);
  const activeLink = and(isNull(shareLinks.revokedAt), gt(shareLinks.expiresAt, new Date(now)));
  const tickRoutine = shareLinks.routineId;

  const [clinicRows, heads, painRows, commentRows, linkRows, lastTickRows] = await db.batch([
    clinicSettingsQuery(db),
    // The routines a row can be about: live, and with a link or a review date.
    db
      .select({
        routineId: routines.id,
        title: routines.title,
        patientName: patients.displayName,
        reviewDate: routines.reviewDate,
        readUntil: routineFeedbackReads.readUntil,
      })
      .from(routines)
      .innerJoin(patients, eq(patients.id, routines.patientId))
      .leftJoin(routineFeedbackReads, eq(routineFeedbackReads.routineId, routines.id))
      .where(
        and(
          live,
          or(isNotNull(routines.reviewDate), sql`exists (select 1 from ${shareLinks} where ${shareLinks.routineId} = ${routines.id})`),
        ),
      ),
    // Every pain score of the last months on routines with a score this week: this week's against the baseline.
    db
      .select({
        routineId: tickRoutine,
        day: shareTicks.day,
        pain: shareTicks.pain,
        exercise: exercises.name,
        updatedAt: shareTicks.updatedAt,
      })
      .from(shareTicks)
      .innerJoin(shareLinks, eq(shareLinks.id, shareTicks.linkId))
      .leftJoin(exercises, eq(exercises.id, shareTicks.exerciseId))
      .where(
        and(
          isNotNull(shareTicks.pain),
          eq(shareTicks.done, true),
          gte(shareTicks.day, addDays(today, -baselineDays)),
          inArray(
            tickRoutine,
            db
              .selectDistinct({ id: shareLinks.routineId })
              .from(shareTicks)
              .innerJoin(shareLinks, eq(shareLinks.id, shareTicks.linkId))
              .where(and(isNotNull(shareTicks.pain), gte(shareTicks.day, windowStart), inArray(shareLinks.routineId, liveRoutineIds))),
          ),
        ),
      )
      .orderBy(shareTicks.day),
    // Comments nobody has read yet: written or changed after the routine's read marker.
    db
      .select({
        routineId: tickRoutine,
        day: shareTicks.day,
        exercise: exercises.name,
        comment: shareTicks.comment,
        updatedAt: shareTicks.updatedAt,
      })
      .from(shareTicks)
      .innerJoin(shareLinks, eq(shareLinks.id, shareTicks.linkId))
      .leftJoin(exercises, eq(exercises.id, shareTicks.exerciseId))
      .leftJoin(routineFeedbackReads, eq(routineFeedbackReads.routineId, shareLinks.routineId))
      .where(
        and(
          ne(shareTicks.comment, ""),
          inArray(tickRoutine, liveRoutineIds),
          gt(shareTicks.updatedAt, sql`coalesce(${routineFeedbackReads.readUntil}, 0)`),
        ),
      )
      .orderBy(desc(shareTicks.updatedAt))
      .limit(200),
    // Active links per routine: how long the longest one lasts, and since when one has been out.
    db
      .select({
        routineId: shareLinks.routineId,
        lastExpiry: sql<number>`max(${shareLinks.expiresAt})`,
        since: sql<number>`min(${shareLinks.createdAt})`,
      })
      .from(shareLinks)
      .where(and(activeLink, inArray(shareLinks.routineId, liveRoutineIds)))
      .groupBy(shareLinks.routineId),
    // The last day anything was ticked, through any of the routine's links.
    db
      .select({ routineId: tickRoutine, lastDay: sql<string>`max(${shareTicks.day})` })
      .from(shareTicks)
      .innerJoin(shareLinks, eq(shareLinks.id, shareTicks.linkId))
      .where(and(eq(shareTicks.done, true), inArray(tickRoutine, liveRoutineIds)))
      .groupBy(tickRoutine),
  ]);

  const { painThreshold } = toClinicSettings(clinicRows);
  const byId = new Map(heads.map((h) => [h.routineId, h]));
  const items: AttentionItem[] = [];
  const row = (routineId: number, rest: Omit<AttentionItem, "routineId" | "title" | "patientName">) => {
    const head = byId.get(routineId);
    if (head) items.push({ routineId, title: head.title, patientName: head.patientName, ...rest });
  };

  // Pain and comments: "Mark as read" covers both, up to the newest of them shown.
  const painByRoutine = new Map<number, PainScore[]>();
  for (const { routineId, pain, ...score } of painRows) {
    const list = painByRoutine.get(routineId) ?? [];
    list.push({ ...score, pain: pain! });
    painByRoutine.set(routineId, list);
  }
  const commentsByRoutine = new Map<number, typeof commentRows>();
  for (const c of commentRows) commentsByRoutine.set(c.routineId, [...(commentsByRoutine.get(c.routineId) ?? []), c]);
  const alerts = new Map(
    [...painByRoutine].flatMap(([routineId, scores]) => {
      const alert = findPainAlert(scores, { today, threshold: painThreshold, readUntil: byId.get(routineId)?.readUntil ?? null });
      return alert ? [[routineId, alert] as const] : [];
    }),
  );
  const feedbackUntil = (routineId: number) =>
    Math.max(
      alerts.get(routineId)?.updatedAt.getTime() ?? 0,
      ...(commentsByRoutine.get(routineId) ?? []).map((c) => c.updatedAt.getTime()),
    );

  for (const [routineId, alert] of alerts) {
    const after = alert.exercise ? ` after ${alert.exercise}` : "";
    const on = `${formatDay(alert.day, "weekday-date")}${after}`;
    row(routineId, {
      kind: "pain",
      what: `Pain ${alert.pain} out of 10`,
      why:
        alert.reason === "threshold"
          ? `On ${on}: at or above the clinic's alert level of ${painThreshold}.`
          : `On ${on}: ${aboveBaselinePoints} or more above their usual ${formatScore(alert.baseline!)} (the median of their ${alert.earlierScores} earlier scores on this routine).`,
      feedbackUntil: feedbackUntil(routineId),
    });
  }
  for (const [routineId, comments] of commentsByRoutine) {
    const latest = comments[0]!;
    row(routineId, {
      kind: "comments",
      what: comments.length === 1 ? "A new comment" : `${comments.length} new comments`,
      why: `Latest on ${formatDay(latest.day, "weekday-date")}${latest.exercise ? ` about ${latest.exercise}` : ""}:`,
      quote: latest.comment,
      feedbackUntil: feedbackUntil(routineId),
    });
  }

  const lastTick = new Map(lastTickRows.map((r) => [r.routineId, r.lastDay]));
  for (const link of linkRows) {
    const since = utcDay(Number(link.since));
    const lastTickDay = lastTick.get(link.routineId) ?? null;
    if (isQuiet({ lastTickDay, linkSince: since, today })) {
      row(link.routineId, {
        kind: "quiet",
        what: lastTickDay ? `Nothing ticked for ${daysBetween(lastTickDay, today)} days` : "Nothing ticked yet",
        why: lastTickDay
          ? `The last exercise was ticked on ${formatDay(lastTickDay, "weekday-date")}, though the patient's link works.`
          : `The patient's link has worked for ${daysBetween(since, today)} days and nothing has been ticked through it.`,
      });
    }
    const lastExpiry = Number(link.lastExpiry);
    if (lastExpiry <= now + expiringWithinDays * 86_400_000) {
      const lastDay = utcDay(lastExpiry - 1);
      row(link.routineId, {
        kind: "link_expiring",
        what: "Link stops working soon",
        why: `The patient's link works until ${formatDay(lastDay, "weekday-date")} (${inDays(daysBetween(today, lastDay))}): make a new one to keep them going.`,
      });
    }
  }

  const reviewBy = addDays(today, reviewWithinDays);
  for (const head of heads) {
    if (!head.reviewDate || head.reviewDate > reviewBy) continue;
    const when = daysBetween(today, head.reviewDate);
    row(head.routineId, {
      kind: "review_due",
      what: when < 0 ? "Review overdue" : "Review due",
      why: `The routine's review date is ${formatDay(head.reviewDate, "weekday-date")} (${inDays(when)}).`,
    });
  }

  items.sort((a, b) => order.indexOf(a.kind) - order.indexOf(b.kind));
  return { items, painThreshold };
}

const formatScore = (n: number) => (Number.isInteger(n) ? String(n) : n.toFixed(1));
