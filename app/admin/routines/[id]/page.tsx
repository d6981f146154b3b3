import type { Metadata } from "next";
import { BackLink } from "@/components/ui/back-link";
import Link from "next/link";
import { notFound } from "next/navigation";
import { HandoutForm } from "@/components/routines/handout-form";
import { RoutineBuilder } from "@/components/routines/routine-builder";
import { RoutineProgress } from "@/components/share/routine-progress";
import { ShareLinksPanel } from "@/components/share/share-links-panel";
import { ActionForm } from "@/components/ui/action-form";
import { requireUser } from "@/lib/auth/session";
import { getDb } from "@/lib/db";
import { env } from "@/lib/env";
import { getClinicSettings } from "@/lib/clinic/settings";
import { AppError } from "@/lib/errors";
import { parseId } from "@/lib/ids";
import { getRoutine } from "@/lib/routines/queries";
import { getShareLinkEmailSetup } from "@/lib/share/email-share-link";
import { listShareLinks } from "@/lib/share/links";
import { getRoutineProgress } from "@/lib/share/progress";
import {
  archiveRoutineAction,
  copyRoutineAction,
  restoreRevisionAction,
  saveAsTemplateAction,
  saveRoutineAction,
  searchPickerAction,
} from "../actions";
import {
  createShareLinkAction,
  emailShareLinkAction,
  revokeShareLinkAction,
  savePrintShareAction,
  showShareLinkAction,
} from "./share-actions";
import { formatInstant } from "@/lib/dates/format";

export const metadata: Metadata = { title: "Routine" };

type Props = { params: Promise<{ id: string }>; searchParams: Promise<{ restored?: string; template?: string; copied?: string }> };

export default async function RoutinePage({ params, searchParams }: Props) {
  const user = await requireUser();
  const id = parseId((await params).id) ?? notFound();
  const db = await getDb();
  // Side by side, one round trip each (a template's links and progress come back empty and are not shown).
  const [routine, links, progress, email, clinic] = await Promise.all([
    getRoutine(db, user, id).catch((error) => {
      if (error instanceof AppError && error.code === "not_found") notFound();
      throw error;
    }),
    listShareLinks(db, user, id),
    getRoutineProgress(db, user, id),
    getShareLinkEmailSetup(db, user, id, { mailConfigured: env().mail !== undefined }),
    getClinicSettings(db),
  ]);
  const { restored, template, copied } = await searchParams;

  return (
    <div className="stack">
      {routine.patient ? (
        <BackLink href={`/admin/patients/${routine.patient.id}`}>{routine.patient.displayName}</BackLink>
      ) : (
        <BackLink href="/admin/templates">Templates</BackLink>
      )}
      <div className="page-head">
        <div>
          <h1>{routine.content.title}</h1>
          <span className="muted">
            {routine.isTemplate ? "Template" : `For ${routine.patient?.displayName}`} · revision {routine.revisions[0]?.number ?? 1}
            {routine.archived && " · archived"}
          </span>
        </div>
      </div>
      {restored && (
        <p className="notice ok" role="status">
          Revision {restored} restored as the newest revision.
        </p>
      )}
      {copied && (
        <p className="notice ok" role="status">
          {copied === "patient" ? "Copied for this patient" : "Duplicated"}: a new routine at revision 1, with its own history and no links
          yet.
        </p>
      )}
      {template && (
        <p className="notice ok" role="status">
          Saved as a template. Patients&apos; routines started from it get a copy.
        </p>
      )}
      {/* key: after a restore the builder starts again from the restored content */}
      <RoutineBuilder
        key={`${routine.id}-${restored ?? ""}`}
        routineId={routine.id}
        version={routine.version}
        content={routine.content}
        exercises={routine.exercises}
        patientName={routine.patient?.displayName ?? null}
        clinicName={clinic.displayName}
        actions={{
          save: saveRoutineAction,
          search: searchPickerAction,
          savePrintShare: routine.isTemplate || routine.archived ? undefined : savePrintShareAction,
        }}
        handoutPaper={clinic.paper}
      />
      {!routine.isTemplate && <RoutineProgress progress={progress} />}
      {!routine.isTemplate && (
        <ShareLinksPanel
          routineId={routine.id}
          links={links}
          archived={routine.archived}
          email={email}
          defaultExpiry={clinic.linkDays}
          actions={{ create: createShareLinkAction, revoke: revokeShareLinkAction, show: showShareLinkAction, email: emailShareLinkAction }}
        />
      )}
      <div className="grid-stats" style={{ gridTemplateColumns: "repeat(auto-fit, minmax(20rem, 1fr))" }}>
        <HandoutForm routineId={routine.id} defaultPaper={clinic.paper} />
        <section className="card stack" aria-labelledby="revisions-heading">
          <h2 id="revisions-heading">Revisions</h2>
          <ol className="history" data-testid="revisions">
            {routine.revisions.map((revision, i) => (
              <li key={revision.number}>
                <strong>Revision {revision.number}</strong> · {revision.by} ·{" "}
                <span className="muted">{formatInstant(revision.at, "date-time")}</span>
                {i === 0 ? (
                  <span className="badge">Current</span>
                ) : (
                  <ActionForm action={restoreRevisionAction} style={{ display: "inline", marginLeft: "0.5rem" }}>
                    <input type="hidden" name="routineId" value={routine.id} />
                    <input type="hidden" name="baseVersion" value={routine.version} />
                    <input type="hidden" name="number" value={revision.number} />
                    <button className="button link" type="submit">
                      Restore revision {revision.number}
                    </button>
                  </ActionForm>
                )}
              </li>
            ))}
          </ol>
        </section>
        <section className="card stack" aria-labelledby="more-heading">
          <h2 id="more-heading">More</h2>
          {!routine.isTemplate && (
            <div className="toolbar">
              <ActionForm action={copyRoutineAction}>
                <input type="hidden" name="routineId" value={routine.id} />
                <button className="button secondary" type="submit">
                  Duplicate routine
                </button>
              </ActionForm>
              <Link className="button secondary" href={`/admin/routines/${routine.id}/copy`}>
                Copy to another patient
              </Link>
            </div>
          )}
          {!routine.isTemplate && (
            <ActionForm action={saveAsTemplateAction} className="form">
              <input type="hidden" name="routineId" value={routine.id} />
              <div className="field">
                <label htmlFor="template-title">Template title</label>
                <input id="template-title" name="title" required maxLength={120} defaultValue={routine.content.title} />
              </div>
              <div>
                <button className="button secondary" type="submit">
                  Save as template
                </button>
              </div>
            </ActionForm>
          )}
          <ActionForm action={archiveRoutineAction}>
            <input type="hidden" name="routineId" value={routine.id} />
            <input type="hidden" name="archived" value={String(!routine.archived)} />
            <button className="button secondary" type="submit">
              {routine.archived ? "Restore from archive" : routine.isTemplate ? "Archive template" : "Archive routine"}
            </button>
          </ActionForm>
        </section>
      </div>
    </div>
  );
}
