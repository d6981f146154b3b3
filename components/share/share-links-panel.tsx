import { ActionForm } from "@/components/ui/action-form";
import type { ActionResult } from "@/lib/errors";
import type { ShareLinkEmailSetup } from "@/lib/share/email-schemas";
import type { ShareLinkSummary } from "@/lib/share/links";
import { CreateShareLinkForm, type CreateShareLink } from "./create-share-link-form";
import { ShareLinkActions, type ShareLinkActionsProps } from "./share-link-actions";
import { formatInstant } from "@/lib/dates/format";
import { DataTable } from "@/components/ui/data-table";

const statusBadge = {
  active: <span className="badge">Active</span>,
  expired: <span className="badge grey">Expired</span>,
  revoked: <span className="badge warn">Revoked</span>,
};

type Props = {
  routineId: number;
  links: ShareLinkSummary[];
  archived: boolean;
  /** Null when the patient has no email address: then there is no "Email the link". */
  email: ShareLinkEmailSetup | null;
  /** How long a new link works unless changed: the clinic's default (Settings → Clinic). */
  defaultExpiry?: string;
  /** The link actions, passed in by the page. */
  actions: {
    create: CreateShareLink;
    revoke: (previous: ActionResult | null, formData: FormData) => Promise<ActionResult>;
  } & ShareLinkActionsProps["actions"];
};

/** A patient routine's links: create one, copy, show or email an active one again, see who uses which, revoke any at once. */
export function ShareLinksPanel({ routineId, links, archived, email, defaultExpiry, actions }: Props) {
  return (
    <section className="card stack" aria-labelledby="share-heading">
      <div>
        <h2 id="share-heading">Patient links</h2>
        <p className="muted">
          The patient opens the link on their phone, with no account, and always sees this routine&apos;s newest revision. Copy an active
          link or show its QR code again at any time; revoking it stops it at once.
        </p>
      </div>
      {archived ? (
        <p className="notice error">This routine is archived: its links do not open. Restore it to share it again.</p>
      ) : (
        <CreateShareLinkForm routineId={routineId} createShareLink={actions.create} defaultExpiry={defaultExpiry} />
      )}
      {links.length > 0 && (
        <DataTable
          testId="share-links"
          rows={links}
          rowKey={(link) => link.id}
          columns={[
            {
              header: "Label",
              cell: (link) => (
                <>
                  <strong>{link.label}</strong>
                  {link.status === "active" &&
                    (link.canShowAgain ? (
                      <ShareLinkActions
                        routineId={routineId}
                        link={link}
                        email={email}
                        actions={{ show: actions.show, email: actions.email }}
                      />
                    ) : (
                      <p className="muted">Made before links could be shown again: it works, but to send it again create a new link.</p>
                    ))}
                </>
              ),
            },
            {
              header: "Created",
              cell: (link) => (
                <>
                  {formatInstant(link.createdAt, "date")}
                  <br />
                  <span className="muted">by {link.createdBy}</span>
                </>
              ),
            },
            { header: "Expires", cell: (link) => formatInstant(link.expiresAt, "date") },
            {
              header: "Last opened",
              cell: (link) => (link.lastOpenedAt ? formatInstant(link.lastOpenedAt, "date-time") : <span className="muted">Never</span>),
            },
            { header: "Opens", cell: (link) => link.openCount },
            {
              header: "Status",
              cell: (link) => (
                <>
                  {statusBadge[link.status]}
                  {link.status === "active" && (
                    <ActionForm action={actions.revoke}>
                      <input type="hidden" name="routineId" value={routineId} />
                      <input type="hidden" name="linkId" value={link.id} />
                      <button className="button link danger-link" type="submit" aria-label={`Revoke the link “${link.label}”`}>
                        Revoke
                      </button>
                    </ActionForm>
                  )}
                  {link.revokedAt && <span className="muted"> {formatInstant(link.revokedAt, "date")}</span>}
                </>
              ),
            },
          ]}
        />
      )}
    </section>
  );
}
