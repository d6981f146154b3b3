import type { Metadata } from "next";
import Link from "next/link";
import { connection } from "next/server";
import { Brand } from "@/components/ui/brand";
import { getDb } from "@/lib/db";
import { countUsers } from "@/lib/users/accounts";
import { SetupForm } from "./setup-form";

export const metadata: Metadata = { title: "First-run setup" };

export default async function SetupPage() {
  await connection();
  const done = (await countUsers(await getDb())) > 0;
  return (
    <main className="auth-page">
      <div className="card auth-card stack">
        <Brand href="/login" />
        {done ? (
          <div>
            <h1>Setup is complete</h1>
            <p>This clinic already has an administrator. Ask them for an account, or sign in.</p>
            <Link className="button" href="/login">
              Go to sign in
            </Link>
          </div>
        ) : (
          <>
            <div>
              <h1>Welcome to Routine</h1>
              <p className="muted">Create the administrator account. You can add clinicians afterwards under Settings → Users.</p>
            </div>
            <SetupForm />
          </>
        )}
      </div>
    </main>
  );
}
