import { LinkToGive } from "@/components/share/link-to-give";
import { formatInstant } from "@/lib/dates/format";

export type SharedHandoutLink = { id: number; label: string; url: string; qrCode: string; expiresAt: string; reused: boolean };

/** After "Save, print and share": the handout is downloading, and here is the link it carries, to copy or scan. */
export function SharedHandoutPanel({ link, revision, onClose }: { link: SharedHandoutLink; revision: number | null; onClose: () => void }) {
  return (
    <div className="new-link" role="status" data-testid="save-print-share-result">
      <p>
        <strong>
          {revision ? `Saved as revision ${revision}. ` : ""}Handout downloading, with the{" "}
          {link.reused ? "patient’s active link" : "new link"} “{link.label}”.
        </strong>{" "}
        Give the patient the sheet, or send them the link. It works until {formatInstant(link.expiresAt, "date")}.
      </p>
      <LinkToGive link={link} inputId="shared-link-url">
        <button className="button link" type="button" onClick={onClose}>
          Close
        </button>
      </LinkToGive>
    </div>
  );
}
