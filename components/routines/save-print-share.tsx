"use client";
import { useState } from "react";
import { formatInstant } from "@/lib/dates/format";

export type SharedHandoutLink = { id: number; label: string; url: string; qrCode: string; expiresAt: string; reused: boolean };

/** After "Save, print and share": the handout is downloading, and here is the link it carries, to copy or scan. */
export function SharedHandoutPanel({ link, revision, onClose }: { link: SharedHandoutLink; revision: number | null; onClose: () => void }) {
  const [copied, setCopied] = useState<"yes" | "failed" | null>(null);
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(link.url);
      setCopied("yes");
    } catch {
      setCopied("failed");
    }
  };
  return (
    <div className="new-link" role="status" data-testid="save-print-share-result">
      <p>
        <strong>
          {revision ? `Saved as revision ${revision}. ` : ""}Handout downloading, with the{" "}
          {link.reused ? "patient’s active link" : "new link"} “{link.label}”.
        </strong>{" "}
        Give the patient the sheet, or send them the link. It works until {formatInstant(link.expiresAt, "date")}.
      </p>
      <div className="new-link-body">
        {/* eslint-disable-next-line @next/next/no-img-element -- an SVG data URL drawn on the server */}
        <img className="qr" src={link.qrCode} alt={`QR code for the link “${link.label}”`} width={168} height={168} />
        <div className="field new-link-url">
          <label htmlFor="shared-link-url">Link for the patient</label>
          <input id="shared-link-url" readOnly value={link.url} onFocus={(e) => e.currentTarget.select()} />
          <div className="toolbar">
            <button className="button secondary" type="button" onClick={copy}>
              Copy link
            </button>
            <button className="button link" type="button" onClick={onClose}>
              Close
            </button>
            <span aria-live="polite" className="muted">
              {copied === "yes" ? "Copied." : copied === "failed" ? "Could not copy: select the link and copy it by hand." : ""}
            </span>
          </div>
        </div>
      </div>
    </div>
  );
}
