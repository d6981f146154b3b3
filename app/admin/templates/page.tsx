import type { Metadata } from "next";
import Link from "next/link";
import { ActionButton } from "@/components/ui/action-button";
import { EmptyState } from "@/components/ui/empty-state";
import { requireUser } from "@/lib/auth/session";
import { getDb } from "@/lib/db";
import { listTemplates } from "@/lib/routines/list-templates";
import { createRoutineAction } from "../routines/actions";

export const metadata: Metadata = { title: "Templates" };

export default async function TemplatesPage() {
  await requireUser();
  const templates = await listTemplates(await getDb());
  return (
    <div className="stack">
      <div className="page-head">
        <h1>Templates</h1>
        <ActionButton action={createRoutineAction}>New template</ActionButton>
      </div>
      <p className="muted">
        Starting points for a patient&apos;s routine. Starting from a template copies it: later changes to the template do not touch
        routines already made.
      </p>
      {templates.length === 0 && <EmptyState title="No templates yet" />}
      {templates.map((t) => (
        <article key={t.id} className="card" aria-labelledby={`template-${t.id}`}>
          <div className="page-head">
            <h2 id={`template-${t.id}`}>{t.title}</h2>
            <div className="toolbar">
              <Link className="button" href={`/admin/routines/new?template=${t.id}`}>
                Use for a patient
              </Link>
              <Link className="button secondary" href={`/admin/routines/${t.id}`}>
                Edit template
              </Link>
            </div>
          </div>
          <p className="muted">{t.instructions}</p>
          <ol>
            {t.sections.map((s) => (
              <li key={s.title}>
                {s.title}{" "}
                <span className="muted">
                  — {s.exercises} exercise{s.exercises === 1 ? "" : "s"}
                </span>
              </li>
            ))}
          </ol>
        </article>
      ))}
    </div>
  );
}
