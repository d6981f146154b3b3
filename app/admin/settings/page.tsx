import type { Metadata } from "next";
import Link from "next/link";
import { requireUser } from "@/lib/auth/session";
import { ChangePasswordForm } from "./change-password-form";

export const metadata: Metadata = { title: "Settings" };

type Props = { searchParams: Promise<{ changed?: string }> };

export default async function SettingsPage({ searchParams }: Props) {
  const user = await requireUser();
  const { changed } = await searchParams;
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
      {user.role === "admin" && (
        <section className="card" aria-labelledby="clinic-heading">
          <h2 id="clinic-heading">Clinic accounts</h2>
          <p>
            Add clinicians and disable accounts of people who have left on the <Link href="/admin/users">Users</Link> page.
          </p>
        </section>
      )}
    </div>
  );
}
