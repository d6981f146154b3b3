import type { Metadata } from "next";
import Link from "next/link";
import { ActionForm } from "@/components/ui/action-form";
import { DataTable } from "@/components/ui/data-table";
import { getCurrentSessionKey, requireUser } from "@/lib/auth/session";
import { listActiveSessions } from "@/lib/auth/server-sessions";
import { formatInstant } from "@/lib/dates/format";
import { getDb } from "@/lib/db";
import { getPatientPolicy } from "@/lib/patients/access";
import { endSessionAction, setPatientPolicyAction, signOutEverywhereAction } from "./actions";
import { ChangePasswordForm } from "./change-password-form";

export const metadata: Metadata = { title: "Settings" };

type Props = { searchParams: Promise<{ changed?: string }> };

export default async function SettingsPage({ searchParams }: Props) {
  const user = await requireUser();
  const { changed } = await searchParams;
  const db = await getDb();
  const [sessions, policy] = await Promise.all([listActiveSessions(db, user, await getCurrentSessionKey()), getPatientPolicy(db)]);
  return (
    <div className="stack">
      <h1>Settings</h1>
      <section className="card" aria-labelledby="account-heading">
        <h2 id="account-heading">Your account</h2>
        <p className="muted">
          {user.name} · {user.email} · {user.role}
        </p>
        <ChangePasswordForm changed={changed === "1"} />
      </section>
      {/* minWidth 0: the sessions table scrolls inside the card instead of widening the page on a phone. */}
      <section className="card" aria-labelledby="sessions-heading" style={{ minWidth: 0 }}>
        <h2 id="sessions-heading">Where you are signed in</h2>
        <p className="muted">A session ends after 2 hours without use and 12 hours after signing in.</p>
        <DataTable
          label="Active sessions"
          rows={sessions}
          columns={[
            {
              header: "Browser",
              cell: (s) => (
                <>
                  {s.browser}
                  {s.current && (
                    <>
                      {" "}
                      <span className="badge">This browser</span>
                    </>
                  )}
                </>
              ),
            },
            { header: "Address", cell: (s) => s.clientAddress || "—" },
            { header: "Signed in", cell: (s) => formatInstant(s.createdAt, "date-time") },
            { header: "Last seen", cell: (s) => formatInstant(s.lastSeenAt, "date-time") },
            {
              header: "Actions",
              hideHeader: true,
              cell: (s) =>
                !s.current && (
                  <ActionForm action={endSessionAction}>
                    <input type="hidden" name="sessionKey" value={s.id} />
                    <button className="button secondary" type="submit">
                      Sign out
                    </button>
                  </ActionForm>
                ),
            },
          ]}
        />
        <ActionForm action={signOutEverywhereAction} style={{ marginTop: "1rem" }}>
          <button className="button danger" type="submit">
            Sign out everywhere
          </button>
        </ActionForm>
      </section>
      {user.role === "admin" && (
        <section className="card" aria-labelledby="clinic-heading">
          <h2 id="clinic-heading">Clinic accounts</h2>
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
                <input type="radio" name="policy" value="own" defaultChecked={policy === "own"} /> Clinicians see their own patients and
                those shared with them
              </label>
            </fieldset>
            <div>
              <button className="button secondary" type="submit">
                Save patient access
              </button>
            </div>
          </ActionForm>
        </section>
      )}
    </div>
  );
}
