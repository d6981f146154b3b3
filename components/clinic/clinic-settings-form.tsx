"use client";
import { Field } from "@/components/ui/field";
import { ConflictDetails } from "@/components/ui/conflict-details";
import { FormNotice } from "@/components/ui/form-notice";
import { useFormAction } from "@/components/ui/use-form-action";
import { linkLifetimeChoices, paperChoices, type ClinicSettingsField } from "@/lib/clinic/schemas";
import type { ActionResult } from "@/lib/errors";
import type { VersionConflict } from "@/lib/versioned-save/conflict";

export type ClinicSettingsValues = Record<ClinicSettingsField, string>;
type Conflict = VersionConflict<ClinicSettingsValues, ClinicSettingsField>;
export type ClinicSettingsResult = ActionResult<{ version: number; message: string }, Conflict>;

type Props = {
  action: (previous: ClinicSettingsResult | null, formData: FormData) => Promise<ClinicSettingsResult>;
  values: ClinicSettingsValues;
  version: number;
};

/** The clinic's details. Uncontrolled and never reset: a refused save keeps everything typed. */
export function ClinicSettingsForm({ action, values, version: stored }: Props) {
  const { state, pending, formProps } = useFormAction<ClinicSettingsResult | null>(action, null);
  const refused = state && !state.ok ? state : undefined;
  const errors = refused?.fieldErrors ?? {};
  const initial = (field: ClinicSettingsField) => refused?.values?.[field] ?? values[field];
  // After a save, the version just saved; after a conflict, the one saved meanwhile (saving again is on purpose).
  const version = (state?.ok ? state.version : refused?.conflict?.currentVersion) ?? stored;
  const contactError = errors.contact?.length ? "field-contact-error" : undefined;

  return (
    <form className="form" noValidate {...formProps} style={{ maxWidth: "36rem" }} aria-label="Clinic details">
      <FormNotice error={refused?.error} success={state?.ok ? state.message : undefined} />
      {refused?.conflict && <ConflictDetails conflict={refused.conflict} />}
      <input type="hidden" name="baseVersion" value={version} />
      <Field
        label="Clinic name"
        name="name"
        hint="At the top of every handout and patient's page, and in emails. Left empty, patients read “Your clinic”."
        autoComplete="organization"
        defaultValue={initial("name")}
        errors={errors.name}
      />
      <div className="field">
        <label htmlFor="field-contact">Contact</label>
        <span className="hint" id="field-contact-hint">
          How patients reach you, one item a line: phone numbers and email addresses become tappable on the patient&apos;s phone.
        </span>
        <textarea
          id="field-contact"
          name="contact"
          rows={4}
          defaultValue={initial("contact")}
          aria-invalid={contactError ? true : undefined}
          aria-describedby={["field-contact-hint", contactError].filter(Boolean).join(" ")}
        />
        {contactError && (
          <p className="error" id={contactError}>
            {errors.contact!.join(" ")}
          </p>
        )}
      </div>
      <fieldset className="checks">
        <legend>Default paper (each download can still choose)</legend>
        {paperChoices.map((c) => (
          <label key={c.value}>
            <input type="radio" name="paper" value={c.value} defaultChecked={initial("paper") === c.value} /> {c.label}
          </label>
        ))}
        {errors.paper && <p className="error">{errors.paper.join(" ")}</p>}
      </fieldset>
      <div className="field">
        <label htmlFor="field-linkDays">Default link lifetime</label>
        <span className="hint" id="field-linkDays-hint">
          How long a new patient link works unless you choose otherwise when you make it.
        </span>
        <select id="field-linkDays" name="linkDays" defaultValue={initial("linkDays")} aria-describedby="field-linkDays-hint">
          {linkLifetimeChoices.map((c) => (
            <option key={c.value} value={c.value}>
              {c.label}
            </option>
          ))}
        </select>
        {errors.linkDays && <p className="error">{errors.linkDays.join(" ")}</p>}
      </div>
      <Field
        label="Pain alert threshold"
        name="painThreshold"
        type="number"
        inputMode="numeric"
        min={1}
        max={10}
        hint="A pain score at or above this (out of 10) puts the patient under “Needs attention” on the dashboard."
        defaultValue={initial("painThreshold")}
        errors={errors.painThreshold}
        style={{ maxWidth: "6rem" }}
      />
      <div>
        <button className="button" type="submit" disabled={pending}>
          {pending ? "Saving…" : "Save clinic settings"}
        </button>
      </div>
    </form>
  );
}
