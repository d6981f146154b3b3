import "server-only";
import { and, count, eq, gte } from "drizzle-orm";
import type { Db } from "@/db/client";
import { auditEvents, patients, routines } from "@/db/schema";
import { formatInstant } from "@/lib/dates/format";
import { AppError } from "@/lib/errors";
import { clinicSettingsQuery, toClinicSettings } from "@/lib/clinic/settings";
import { routineAccessQuery, throwUnlessRoutineSeen } from "@/lib/patients/access";
import type { Mailer } from "@/lib/mail/mailer";
import type { SessionUser } from "@/lib/users/accounts";
import { defaultShareLinkEmail, shareEmailPolicy, type ShareLinkEmailInput, type ShareLinkEmailSetup } from "./email-schemas";
import { readActiveShareLinkUrl } from "./show-share-link";
import { configuredShareTokenKey } from "./token-key";
import { recordLinkEvent } from "./record-link-event";

export const emailNotConfigured =
  "Email is not set up on this server, so links cannot be emailed yet. An administrator sets SMTP_URL and MAIL_FROM (see the README's Configuration); until then, copy the link or show its QR code.";

const patientEmailQuery = (db: Db, routineId: number) =>
  db
    .select({ email: patients.email, displayName: patients.displayName })
    .from(routines)
    .innerJoin(patients, eq(patients.id, routines.patientId))
    .where(eq(routines.id, routineId));

/**
 * The routine's patient's email address and display name, or null when there is no address on file; not_found
 * when the actor may not see the patient; and the clinic's name as Settings says now. One round trip: the access
 * check and the clinic's settings ride in the same batch.
 */
export async function patientEmailFor(
  db: Db,
  actor: SessionUser,
  routineId: number,
): Promise<{ email: string; displayName: string; clinicName: string } | null> {
  const [access, [row], clinic] = await db.batch([
    routineAccessQuery(db, actor, routineId),
    patientEmailQuery(db, routineId),
    clinicSettingsQuery(db),
  ]);
  throwUnlessRoutineSeen(access);
  return row?.email ? { email: row.email, displayName: row.displayName, clinicName: toClinicSettings(clinic).displayName } : null;
}

/** "Email the link" for the routine's page: null when the patient has no address (then it is not offered). */
export async function getShareLinkEmailSetup(
  db: Db,
  actor: SessionUser,
  routineId: number,
  { mailConfigured }: { mailConfigured: boolean },
): Promise<ShareLinkEmailSetup | null> {
  const patient = await patientEmailFor(db, actor, routineId);
  if (!patient) return null;
  return {
    to: patient.email,
    defaults: defaultShareLinkEmail(patient.clinicName, patient.displayName),
    notConfigured: mailConfigured ? null : emailNotConfigured,
  };
}

async function refuseWhenTooMany(db: Pick<Db, "select">, actor: SessionUser, routineId: number, now: number): Promise<void> {
  const since = new Date(now - shareEmailPolicy.windowMs);
  const emailed = and(eq(auditEvents.action, "share_link.emailed"), gte(auditEvents.createdAt, since));
  const [[forRoutine], [byClinician]] = await Promise.all([
    db
      .select({ n: count() })
      .from(auditEvents)
      .where(and(emailed, eq(auditEvents.entityType, "routine"), eq(auditEvents.entityId, routineId))),
    db
      .select({ n: count() })
      .from(auditEvents)
      .where(and(emailed, eq(auditEvents.actorId, actor.id))),
  ]);
  if ((forRoutine?.n ?? 0) >= shareEmailPolicy.perRoutine) {
    throw new AppError(
      "rate_limited",
      `This patient has been emailed ${shareEmailPolicy.perRoutine} times in the last hour: please wait before sending again.`,
    );
  }
  if ((byClinician?.n ?? 0) >= shareEmailPolicy.perClinician) {
    throw new AppError(
      "rate_limited",
      `You have sent ${shareEmailPolicy.perClinician} emails in the last hour: please wait before sending more.`,
    );
  }
}

/**
 * Emails an active link to the routine's patient, at the address on file: the clinician's subject and note, the
 * link and its last day, signed with the clinic's name — nothing clinical. Audited without the address or token.
 */
export async function emailShareLink(
  db: Db,
  actor: SessionUser,
  input: ShareLinkEmailInput,
  options: { mailer: Mailer | null; appUrl: string; now?: number; tokenKey?: Buffer },
): Promise<{ to: string }> {
  const { mailer, appUrl, now = Date.now(), tokenKey = configuredShareTokenKey() } = options;
  if (!mailer) throw new AppError("validation", emailNotConfigured);
  const patient = await patientEmailFor(db, actor, input.routineId);
  if (!patient) throw new AppError("validation", "This patient has no email address: add one on their page first.");
  const link = await readActiveShareLinkUrl(db, input.routineId, input.linkId, appUrl, now, tokenKey);
  await refuseWhenTooMany(db, actor, input.routineId, now);
  const { clinicName } = patient;

  const text = `${input.message}\n\n${link.url}\n\nThe link works until ${formatInstant(link.expiresAt, "long-date")}.\n\n${clinicName}\n`;
  try {
    await mailer.send({ to: patient.email, subject: input.subject, text, fromName: clinicName });
  } catch (error) {
    console.error("Emailing a share link failed", error);
    throw new AppError(
      "validation",
      "The email could not be sent: the mail server did not accept it. Try again, or copy the link instead.",
    );
  }
  await recordLinkEvent(db, actor, "emailed", input.routineId, link);
  return { to: patient.email };
}
