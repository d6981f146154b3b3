import type { Metadata } from "next";
import Link from "next/link";
import { ActionForm } from "@/components/ui/action-form";
import { DataTable } from "@/components/ui/data-table";
import { getCurrentSessionKey, requireUser } from "@/lib/auth/session";
import { listActiveSessions } from "@/lib/auth/server-sessions";
import { formatInstant } from "@/lib/dates/format";
import { getDb } from "@/lib/db";
import { SettingsNav } from "@/components/clinic/settings-nav";
import { endSessionAction, signOutEverywhereAction } from "./actions";
import { ChangePasswordForm } from "./change-password-form";

export const metadata: Metadata = { title: "Settings" };

type Props = { searchParams: Promise<{ changed?: string }> };

export default async function SettingsPage({ searchParams }: Props) {
  const user = await requireUser();
  const { changed } = await searchParams;
  const db = await getDb();
  const sessions = await listActiveSessions(db, user, await getCurrentSessionKey());
  return (
    <div className="stack">
      <h1>Settings</h1>
      <SettingsNav current="account" isAdmin={user.role === "admin"} />
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
          <h2 id="clinic-heading">Clinic</h2>
          <p>
            The clinic&apos;s name, contact and logo, default paper and link lifetime, the pain alert threshold and who sees which patients
            are on the <Link href="/admin/settings/clinic">Clinic settings</Link> page. Accounts are on{" "}
            <Link href="/admin/users">Users</Link>.
          </p>
        </section>
      )}
    </div>
  );
}
