import { revokeShareLinkAction } from "@/app/admin/routines/[id]/share-actions";
import type { ShareLinkEmailSetup } from "@/lib/share/email-schemas";
import type { ShareLinkSummary } from "@/lib/share/links";
import { CreateShareLinkForm } from "./create-share-link-form";
import { ShareLinkActions } from "./share-link-actions";

const dateFormat = new Intl.DateTimeFormat("en-GB", { dateStyle: "medium" });
const timeFormat = new Intl.DateTimeFormat("en-GB", { dateStyle: "medium", timeStyle: "short" });

const statusBadge = {
  active: <span className="badge">Active</span>,
  expired: <span className="badge grey">Expired</span>,
  revoked: <span className="badge warn">Revoked</span>,
};

/** A patient routine's links: create one (shown once), see who uses which, revoke any at once. */
export function ShareLinksPanel({
  routineId,
  links,
  archived,
  email,
}: {
  routineId: number;
  links: ShareLinkSummary[];
  archived: boolean;
  email: ShareLinkEmailSetup | null;
}) {
  return (
    <section className="card stack" aria-labelledby="share-heading">
      <div>
        <h2 id="share-heading">Patient links</h2>
        <p className="muted">
          The patient opens the link on their phone, with no account, and always sees this routine&apos;s newest revision. Copy an active link or
          show its QR code again at any time; revoking it stops it at once.
        </p>
      </div>
      {archived ? <p className="notice error">This routine is archived: its links do not open. Restore it to share it again.</p> : <CreateShareLinkForm routineId={routineId} />}
      {links.length > 0 && (
        <div className="table-wrap">
          <table className="table" data-testid="share-links">
            <thead>
              <tr>
                <th scope="col">Label</th>
                <th scope="col">Created</th>
                <th scope="col">Expires</th>
                <th scope="col">Last opened</th>
                <th scope="col">Opens</th>
                <th scope="col">Status</th>
              </tr>
            </thead>
            <tbody>
              {links.map((link) => (
                <tr key={link.id}>
                  <td>
                    <strong>{link.label}</strong>
                    {link.status === "active" &&
                      (link.canShowAgain ? (
                        <ShareLinkActions routineId={routineId} link={link} email={email} />
                      ) : (
                        <p className="muted">Made before links could be shown again: it works, but to send it again create a new link.</p>
                      ))}
                  </td>
                  <td>
                    {dateFormat.format(link.createdAt)}
                    <br />
                    <span className="muted">by {link.createdBy}</span>
                  </td>
                  <td>{dateFormat.format(link.expiresAt)}</td>
                  <td>{link.lastOpenedAt ? timeFormat.format(link.lastOpenedAt) : <span className="muted">Never</span>}</td>
                  <td>{link.openCount}</td>
                  <td>
                    {statusBadge[link.status]}
                    {link.status === "active" && (
                      <form action={revokeShareLinkAction}>
                        <input type="hidden" name="routineId" value={routineId} />
                        <input type="hidden" name="linkId" value={link.id} />
                        <button className="button link danger-link" type="submit" aria-label={`Revoke the link “${link.label}”`}>
                          Revoke
                        </button>
                      </form>
                    )}
                    {link.revokedAt && <span className="muted"> {dateFormat.format(link.revokedAt)}</span>}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
