import type { Metadata } from "next";
import { connection } from "next/server";
import { redirect } from "next/navigation";
import { Brand } from "@/components/ui/brand";
import { safeCallbackUrl } from "@/lib/auth/callback-url";
import { getCurrentUser } from "@/lib/auth/session";
import { getDb } from "@/lib/db";
import { countUsers } from "@/lib/users/accounts";
import { LoginForm } from "./login-form";

export const metadata: Metadata = { title: "Sign in" };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function LoginPage({ searchParams }: Props) {
  await connection();
  if ((await countUsers(await getDb())) === 0) redirect("/setup");
  const params = await searchParams;
  const callbackUrl = safeCallbackUrl(params.callbackUrl);
  if (await getCurrentUser()) redirect(callbackUrl);

  // Auth.js sends direct form posts that failed back here with ?error=…&code=…
  const initialError =
    params.code === "throttled"
      ? "Too many sign-in attempts. Wait a few minutes and try again."
      : params.error
        ? "That email and password do not match an active account."
        : undefined;

  return (
    <main className="auth-page">
      <div className="card auth-card stack">
        <Brand href="/login" />
        <div>
          <h1>Sign in</h1>
          <p className="muted">For clinic staff. Patients open the link their clinician gave them.</p>
        </div>
        <LoginForm callbackUrl={callbackUrl} initialError={initialError} />
      </div>
    </main>
  );
}
