import { formatInstant } from "@/lib/dates/format";
import { LinkToGive } from "./link-to-give";

/** The new link, shown as soon as it is made (the links table below can show it again while it is active). */
export function NewLinkReveal({ link }: { link: { label: string; url: string; qrCode: string; expiresAt: string } }) {
  return (
    <div className="new-link" role="status" data-testid="new-share-link">
      <p>
        <strong>Link “{link.label}” created.</strong> Copy it or let the patient scan the code. It works until{" "}
        {formatInstant(link.expiresAt, "date")}; you can copy it or show its code again from the list below.
      </p>
      <LinkToGive link={link} inputId="new-link-url" />
    </div>
  );
}
