"use client";
import { Field } from "@/components/ui/field";
import { ConflictDetails } from "@/components/ui/conflict-details";
import { FormNotice } from "@/components/ui/form-notice";
import { useFormAction } from "@/components/ui/use-form-action";
import type { ActionResult } from "@/lib/errors";
import type { PatientConflict } from "@/lib/patients/mutations";
import type { PatientField } from "@/lib/patients/schemas";

export type EditablePatient = Record<PatientField, string> & { id: number; version: number };

/** What a save answers: on success the version the form now sits on (an edit) and a confirmation. */
export type PatientFormResult = ActionResult<{ version?: number; message?: string }, PatientConflict>;

/** Create (no patient) or edit a patient. Inputs are uncontrolled and the form is never reset, so nothing typed is lost. */
type Props = {
  /** createPatientAction, or updatePatientAction with `patient`: passed in by the page. */
  action: (previous: PatientFormResult | null, formData: FormData) => Promise<PatientFormResult>;
  patient?: EditablePatient;
};

const contactFields = [
  { name: "email", label: "Email", type: "email" },
  { name: "phone", label: "Phone", type: "tel" },
] as const;

export function PatientForm({ action, patient }: Props) {
  const { state, pending, formProps } = useFormAction<PatientFormResult | null>(action, null);
  const refused = state && !state.ok ? state : undefined;
  const errors = refused?.fieldErrors ?? {};
  // After a refused submit, what was sent; otherwise what is stored. Without JavaScript this refills the form.
  const initial = (field: PatientField) => refused?.values?.[field] ?? patient?.[field] ?? "";
  // The version the form's values sit on: the one just saved, or after a conflict the one saved meanwhile.
  const version = (state?.ok ? state.version : refused?.conflict?.currentVersion) ?? patient?.version;
  const notesHintId = "field-notes-hint";
  const notesErrorId = errors.notes?.length ? "field-notes-error" : undefined;

  return (
    <form className="form" noValidate {...formProps} style={{ maxWidth: "36rem" }}>
      <FormNotice error={refused?.error} success={state?.ok ? state.message : undefined} />
      {refused?.conflict && <ConflictDetails conflict={refused.conflict} />}
      {patient && (
        <>
          <input type="hidden" name="patientId" value={patient.id} />
          {/* The version the values in the form sit on: after a conflict, the one saved meanwhile. */}
          <input type="hidden" name="baseVersion" value={version} />
        </>
      )}
      {/* No maxLength: a pasted text cut short without a word would be lost silently; the server says what is too long. */}
      <Field
        label="Display name"
        name="displayName"
        hint="How the patient is addressed on handouts and shared links, e.g. “Sam” or “Mrs Okafor”."
        required
        autoComplete="off"
        defaultValue={initial("displayName")}
        errors={errors.displayName}
      />
      <Field
        label="External reference"
        name="externalRef"
        hint="Optional, e.g. the clinic's record number. Never shown to the patient."
        autoComplete="off"
        defaultValue={initial("externalRef")}
        errors={errors.externalRef}
      />
      {contactFields.map(({ name, label, type }) => (
        <Field
          key={name}
          label={label}
          name={name}
          type={type}
          hint="Optional."
          autoComplete="off"
          defaultValue={initial(name)}
          errors={errors[name]}
        />
      ))}
      <div className="field">
        <label htmlFor="field-notes">Private clinical notes</label>
        <span className="hint" id={notesHintId}>
          For the care team only. Never shown to the patient.
        </span>
        <textarea
          id="field-notes"
          name="notes"
          rows={6}
          defaultValue={initial("notes")}
          aria-invalid={notesErrorId ? true : undefined}
          aria-describedby={[notesHintId, notesErrorId].filter(Boolean).join(" ")}
        />
        {notesErrorId && (
          <p className="error" id={notesErrorId}>
            {errors.notes!.join(" ")}
          </p>
        )}
      </div>
      <div>
        <button className="button" type="submit" disabled={pending}>
          {pending ? "Saving…" : patient ? "Save patient" : "Create patient"}
        </button>
      </div>
    </form>
  );
}
