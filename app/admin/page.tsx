import type { Metadata } from "next";
import Link from "next/link";
import { NeedsAttention } from "@/components/dashboard/needs-attention";
import { getDashboardSummary } from "@/lib/dashboard/get-dashboard-summary";
import { getNeedsAttention } from "@/lib/dashboard/get-needs-attention";
import { requireUser } from "@/lib/auth/session";
import { getDb } from "@/lib/db";
import { labelOf } from "@/lib/exercises/vocabulary";
import { listTemplates } from "@/lib/routines/list-templates";
import { markFeedbackReadAction } from "./actions";

export const metadata: Metadata = { title: "Dashboard" };

export default async function DashboardPage() {
  const user = await requireUser();
  const db = await getDb();
  // Side by side, one round trip each after the session's: the worklist is one batch.
  const [attention, summary, templates] = await Promise.all([
    getNeedsAttention(db, user),
    getDashboardSummary(db, user),
    listTemplates(db),
  ]);
  const stats = [
    { label: "Exercises", value: summary.exercises, href: "/admin/exercises" },
    { label: "Patients", value: summary.patients, href: "/admin/patients" },
    { label: "Routines", value: summary.routines, href: "/admin/routines" },
    { label: "Active links", value: summary.activeLinks, href: "/admin/routines" },
  ];
  return (
    <div className="stack">
      <div className="page-head">
        <h1>Hello, {user.name.split(" ")[0]}</h1>
        <div className="toolbar" aria-label="Quick actions">
          <Link className="button" href="/admin/patients/new">
            New patient
          </Link>
          <Link className="button secondary" href="/admin/routines/new">
            New routine
          </Link>
        </div>
      </div>
      <NeedsAttention items={attention.items} markRead={markFeedbackReadAction} />
      <section aria-label="Counts" className="grid-stats">
        {stats.map((s) => (
          <Link key={s.label} href={s.href} className="card stat" data-testid={`count-${s.label.toLowerCase().replace(" ", "-")}`}>
            <span className="value">{s.value}</span>
            <span className="label">{s.label}</span>
          </Link>
        ))}
      </section>
      <div className="grid-stats" style={{ gridTemplateColumns: "repeat(auto-fit, minmax(18rem, 1fr))" }}>
        <section className="card" aria-labelledby="library-heading">
          <h2 id="library-heading">Exercise library</h2>
          <table className="table">
            <tbody>
              {summary.exercisesByCategory.map((row) => (
                <tr key={row.category}>
                  <td>{labelOf(row.category)}</td>
                  <td style={{ textAlign: "right" }}>{row.count}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <p style={{ marginTop: "1rem" }}>
            <Link href="/admin/exercises">Browse all {summary.exercises} exercises</Link>
          </p>
        </section>
        <section className="card" aria-labelledby="templates-heading">
          <h2 id="templates-heading">Templates</h2>
          {templates.length === 0 ? (
            <p className="muted">No templates yet.</p>
          ) : (
            <ul>
              {templates.map((t) => (
                <li key={t.id}>
                  <Link href="/admin/templates">{t.title}</Link>{" "}
                  <span className="muted">({t.sections.reduce((n, s) => n + s.exercises, 0)} exercises)</span>
                </li>
              ))}
            </ul>
          )}
        </section>
      </div>
    </div>
  );
}
