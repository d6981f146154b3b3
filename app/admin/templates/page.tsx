import type { Metadata } from "next";
import { EmptyState } from "@/components/ui/empty-state";
import { requireUser } from "@/lib/auth/session";
import { getDb } from "@/lib/db";
import { listTemplates } from "@/lib/routines/list-templates";

export const metadata: Metadata = { title: "Templates" };

export default async function TemplatesPage() {
  const user = await requireUser();
  const templates = await listTemplates(await getDb(), user);
  return (
    <div className="stack">
      <div className="page-head">
        <h1>Templates</h1>
        <span className="muted">Starting points for a patient&apos;s routine</span>
      </div>
      {templates.length === 0 && <EmptyState title="No templates yet" />}
      {templates.map((t) => (
        <article key={t.id} className="card" aria-labelledby={`template-${t.id}`}>
          <h2 id={`template-${t.id}`}>{t.title}</h2>
          <p className="muted">{t.instructions}</p>
          <ol>
            {t.sections.map((s) => (
              <li key={s.title}>
                {s.title} <span className="muted">— {s.exercises} exercise{s.exercises === 1 ? "" : "s"}</span>
              </li>
            ))}
          </ol>
        </article>
      ))}
    </div>
  );
}
