import Link from "next/link";
import { ActionForm } from "@/components/ui/action-form";
import type { AttentionItem, AttentionKind } from "@/lib/dashboard/get-needs-attention";
import type { ActionResult } from "@/lib/errors";

const kindLabel: Record<AttentionKind, { label: string; tone: string }> = {
  pain: { label: "Pain", tone: "alert" },
  comments: { label: "Comment", tone: "" },
  quiet: { label: "Not ticking", tone: "warn" },
  review_due: { label: "Review", tone: "grey" },
  link_expiring: { label: "Link", tone: "grey" },
};

type Props = {
  items: AttentionItem[];
  /** markFeedbackReadAction, passed in by the page. */
  markRead: (previous: ActionResult | null, formData: FormData) => Promise<ActionResult>;
};

/** The dashboard's worklist: each row names the patient and routine, says what happened and why, and opens the routine. */
export function NeedsAttention({ items, markRead }: Props) {
  return (
    <section className="card stack" aria-labelledby="attention-heading" data-testid="needs-attention">
      <div>
        <h2 id="attention-heading">Needs attention</h2>
        <p className="muted">
          High pain scores, new comments, patients who stopped ticking, links about to stop working and reviews due, for the patients you
          see.
        </p>
      </div>
      {items.length === 0 ? (
        <p data-testid="attention-empty">Nothing needs your attention right now.</p>
      ) : (
        <ul className="attention">
          {items.map((item) => (
            <li key={`${item.kind}-${item.routineId}`} className="attention-item" data-kind={item.kind} data-testid="attention-item">
              <div className="attention-main">
                <p className="attention-what">
                  <span className={`badge ${kindLabel[item.kind].tone}`}>{kindLabel[item.kind].label}</span>
                  <strong>{item.what}</strong>
                  {" · "}
                  <Link className="row-link" href={`/admin/routines/${item.routineId}`}>
                    {item.patientName}: {item.title}
                  </Link>
                </p>
                <p className="attention-why">{item.why}</p>
                {item.quote && <blockquote>{item.quote}</blockquote>}
              </div>
              {item.feedbackUntil !== undefined && (
                <ActionForm action={markRead}>
                  <input type="hidden" name="routineId" value={item.routineId} />
                  <input type="hidden" name="until" value={item.feedbackUntil} />
                  <button className="button secondary small" type="submit">
                    Mark as read
                  </button>
                </ActionForm>
              )}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
