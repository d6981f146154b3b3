import Link from "next/link";
import { connection } from "next/server";

/**
 * Rendered per request, never prerendered: a prerendered page has no nonce on its scripts, and the CSP
 * (a fresh nonce per response, set by proxy.ts) would refuse every one of them.
 */
export default async function NotFound() {
  await connection();
  return (
    <main className="auth-page">
      <div className="card auth-card">
        <h1>Page not found</h1>
        <p>There is nothing at this address.</p>
        <Link href="/admin">Go to the dashboard</Link>
      </div>
    </main>
  );
}
