import Link from "next/link";

export default function NotFound() {
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
