import type { Metadata } from "next";
import Link from "next/link";
import { ClinicSettingsForm } from "@/components/clinic/clinic-settings-form";
import { SettingsNav } from "@/components/clinic/settings-nav";
import { ActionForm } from "@/components/ui/action-form";
import { requireRole } from "@/lib/auth/session";
import { clinicLogoUrl } from "@/lib/clinic/logo";
import { getClinicSettings } from "@/lib/clinic/settings";
import { getDb } from "@/lib/db";
import { getPatientPolicy } from "@/lib/patients/access";
import { setPatientPolicyAction } from "../actions";
import { removeClinicLogoAction, saveClinicSettingsAction } from "./actions";

export const metadata: Metadata = { title: "Clinic settings" };

type Props = { searchParams: Promise<{ logo?: string; logoError?: string }> };

/** The clinic's own settings, for admins: what patients and handouts show, defaults, alerts and who sees whom. */
export default async function ClinicSettingsPage({ searchParams }: Props) {
  const user = await requireRole("admin");
  const { logo: logoSaved, logoError } = await searchParams;
  const db = await getDb();
  const [settings, policy] = await Promise.all([getClinicSettings(db), getPatientPolicy(db)]);
  const values = {
    name: settings.name,
    contact: settings.contact,
    paper: settings.paper,
    linkDays: settings.linkDays,
    painThreshold: String(settings.painThreshold),
  };
  return (
    <div className="stack">
      <h1>Settings</h1>
      <SettingsNav current="clinic" isAdmin={user.role === "admin"} />
      <section className="card stack" aria-labelledby="clinic-heading">
        <div>
          <h2 id="clinic-heading">Clinic</h2>
          <p className="muted">
            Shown on every handout, on patients&apos; pages (and the page of a link that no longer works) and in emails. Changes apply at
            once.
          </p>
        </div>
        <ClinicSettingsForm action={saveClinicSettingsAction} values={values} version={settings.version} />
      </section>
      <section className="card stack" aria-labelledby="logo-heading" id="logo">
        <h2 id="logo-heading">Logo</h2>
        {logoSaved === "saved" && (
          <p className="notice ok" role="status">
            Logo saved. Handouts and patients&apos; pages show it from now on.
          </p>
        )}
        {logoError && (
          <p className="notice error" role="alert" data-testid="logo-error">
            {logoError.slice(0, 300)}
          </p>
        )}
        {settings.logo ? (
          <div className="logo-preview">
            {/* eslint-disable-next-line @next/next/no-img-element -- a small, content-addressed image of our own */}
            <img src={clinicLogoUrl(settings.logo)} alt="The clinic's current logo" height={64} />
            {settings.logo.source === "environment" && (
              <span className="muted">From CLINIC_LOGO_PATH, until you upload or remove one here.</span>
            )}
          </div>
        ) : (
          <p className="muted">No logo: handouts and patients&apos; pages show the clinic&apos;s name alone.</p>
        )}
        <form method="post" action="/api/admin/clinic/logo" encType="multipart/form-data" className="form" style={{ maxWidth: "36rem" }}>
          <input type="hidden" name="baseVersion" value={settings.version} />
          <div className="field">
            <label htmlFor="field-logo">{settings.logo ? "Replace the logo" : "Upload a logo"}</label>
            <span className="hint" id="field-logo-hint">
              PNG or JPEG, at most 1 MB. It prints beside the clinic&apos;s name, about 2 cm high.
            </span>
            <input id="field-logo" type="file" name="logo" accept="image/png,image/jpeg" aria-describedby="field-logo-hint" required />
          </div>
          <div>
            <button className="button secondary" type="submit">
              Upload logo
            </button>
          </div>
        </form>
        {settings.logo && (
          <ActionForm action={removeClinicLogoAction}>
            <input type="hidden" name="baseVersion" value={settings.version} />
            <button className="button danger" type="submit">
              Remove the logo
            </button>
          </ActionForm>
        )}
      </section>
      <section className="card stack" aria-labelledby="access-heading">
        <h2 id="access-heading">Patient access</h2>
        <p>
          Add clinicians and disable accounts of people who have left on the <Link href="/admin/users">Users</Link> page.
        </p>
        <ActionForm className="stack" action={setPatientPolicyAction}>
          <fieldset className="stack">
            <legend>Who sees which patients</legend>
            <label>
              <input type="radio" name="policy" value="all" defaultChecked={policy === "all"} /> Clinicians see all patients (team care)
            </label>
            <label>
              <input type="radio" name="policy" value="own" defaultChecked={policy === "own"} /> Clinicians see their own patients and those
              shared with them
            </label>
          </fieldset>
          <div>
            <button className="button secondary" type="submit">
              Save patient access
            </button>
          </div>
        </ActionForm>
      </section>
    </div>
  );
}
