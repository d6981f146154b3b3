import type { Metadata } from "next";
import Link from "next/link";
import { BackLink } from "@/components/ui/back-link";
import { routineColumns } from "@/components/routines/routine-columns";
import { RoutineTable } from "@/components/routines/routine-table";
import { notFound } from "next/navigation";
import { CareTeamForm } from "@/components/patients/care-team-form";
import { PatientForm } from "@/components/patients/patient-form";
import { ActionForm } from "@/components/ui/action-form";
import { requireUser } from "@/lib/auth/session";
import { getDb } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { formatInstant } from "@/lib/dates/format";
import { parseId } from "@/lib/ids";
import { getPatientCare, listColleagues } from "@/lib/patients/access";
import { getPatient, listPatientRoutines } from "@/lib/patients/queries";
import { changePatientCareAction, setPatientArchivedAction, updatePatientAction } from "../actions";

export const metadata: Metadata = { title: "Patient" };

type Props = { params: Promise<{ id: string }>; searchParams: Promise<{ created?: string }> };

export default async function PatientPage({ params, searchParams }: Props) {
  const user = await requireUser();
  const id = parseId((await params).id) ?? notFound();
  const db = await getDb();
  const patient = await getPatient(db, user, id).catch((error) => {
    if (error instanceof AppError && error.code === "not_found") notFound();
    throw error;
  });
  const [routines, care, colleagues] = await Promise.all([
    listPatientRoutines(db, user, id),
    getPatientCare(db, user, id),
    listColleagues(db),
  ]);
  const sharedIds = new Set(care.sharedWith.map((c) => c.id));
  const shareable = colleagues.filter((c) => c.id !== care.clinicianId && !sharedIds.has(c.id));
  const { created } = await searchParams;
  const archived = patient.archivedAt !== null;

  return (
    <div className="stack">
      <BackLink href="/admin/patients">Patients</BackLink>
      <div className="page-head">
        <div>
          <h1>{patient.displayName}</h1>
          {archived && <span className="badge grey">Archived</span>}
          <span className="muted">
            {patient.externalRef ? `Ref ${patient.externalRef} · ` : ""}last changed {formatInstant(patient.updatedAt, "date")}
          </span>
        </div>
        <ActionForm action={setPatientArchivedAction}>
          <input type="hidden" name="patientId" value={patient.id} />
          <input type="hidden" name="archived" value={String(!archived)} />
          <button className={archived ? "button secondary" : "button danger"} type="submit">
            {archived ? "Restore patient" : "Archive patient"}
          </button>
        </ActionForm>
      </div>
      {created && (
        <p className="notice ok" role="status">
          Patient created.
        </p>
      )}
      {archived && (
        <p className="muted">This patient is archived: they are left out of the patient list, and their routines and history are kept.</p>
      )}

      <section className="card stack" aria-labelledby="care-heading">
        <h2 id="care-heading">Care team</h2>
        <p data-testid="assigned-clinician">
          Clinician: <strong>{care.clinician ?? "nobody yet"}</strong>
          {care.sharedWith.length > 0 && <> · shared with {care.sharedWith.map((c) => c.name).join(", ")}</>}
        </p>
        <div className="toolbar">
          <CareTeamForm
            action={changePatientCareAction}
            patientId={patient.id}
            change="assign"
            id="assign-to"
            label="Assign to"
            submit="Assign"
            people={colleagues}
            chosen={care.clinicianId}
          />
          {shareable.length > 0 && (
            <CareTeamForm
              action={changePatientCareAction}
              patientId={patient.id}
              change="share"
              id="share-with"
              label="Share with"
              submit="Share"
              people={shareable}
            />
          )}
          {care.sharedWith.map((c) => (
            <ActionForm key={c.id} action={changePatientCareAction}>
              <input type="hidden" name="patientId" value={patient.id} />
              <input type="hidden" name="userId" value={c.id} />
              <input type="hidden" name="change" value="unshare" />
              <button className="button secondary" type="submit">{`Stop sharing with ${c.name}`}</button>
            </ActionForm>
          ))}
        </div>
      </section>

      <section className="stack" aria-labelledby="routines-heading">
        <div className="page-head" style={{ marginBottom: 0 }}>
          <h2 id="routines-heading">Routines</h2>
          {!archived && (
            <div className="toolbar">
              <Link className="button" href={`/admin/patients/${patient.id}/from-template`}>
                New routine from template
              </Link>
              <Link className="button secondary" href={`/admin/routines/new?patient=${patient.id}`}>
                New routine
              </Link>
            </div>
          )}
        </div>
        <RoutineTable
          rows={routines}
          emptyHint={
            archived ? "Restore the patient to build a routine for them." : "Build the first home-exercise routine for this patient."
          }
          columns={[
            routineColumns.title("Title"),
            {
              header: "Status",
              cell: (r) => (r.archivedAt ? <span className="badge grey">Archived</span> : <span className="badge">Current</span>),
            },
            routineColumns.lastChange("Last change"),
            routineColumns.reviewDate("Review date"),
          ]}
        />
      </section>

      <section className="card stack" aria-labelledby="details-heading">
        <h2 id="details-heading">Details</h2>
        {/* The form keeps its own state across refreshes (e.g. after archiving), so typing is never lost. */}
        <PatientForm
          action={updatePatientAction}
          patient={{
            id: patient.id,
            version: patient.version,
            displayName: patient.displayName,
            externalRef: patient.externalRef ?? "",
            email: patient.email ?? "",
            phone: patient.phone ?? "",
            notes: patient.notes,
          }}
        />
      </section>
    </div>
  );
}
