import Link from "next/link";

export default function Forbidden() {
  return (
    <main className="auth-page">
      <div className="card auth-card">
        <h1>Not for your account</h1>
        <p>This page is for the clinic&apos;s administrators. Ask one of them if you need something changed.</p>
        <Link href="/admin">Back to the dashboard</Link>
      </div>
    </main>
  );
}
