"use client";
import { useState } from "react";
import { useHydrated } from "@/components/ui/use-hydrated";
import { formatInstant } from "@/lib/dates/format";

/** The new link, shown as soon as it is made (the links table below can show it again while it is active). */
export function NewLinkReveal({ link }: { link: { label: string; url: string; qrCode: string; expiresAt: string } }) {
  const hydrated = useHydrated();
  const [copied, setCopied] = useState<"yes" | "failed" | null>(null);

  async function copy() {
    try {
      await navigator.clipboard.writeText(link.url);
      setCopied("yes");
    } catch {
      setCopied("failed");
    }
  }

  return (
    <div className="new-link" role="status" data-testid="new-share-link">
      <p>
        <strong>Link “{link.label}” created.</strong> Copy it or let the patient scan the code. It works until{" "}
        {formatInstant(link.expiresAt, "date")}; you can copy it or show its code again from the list below.
      </p>
      <div className="new-link-body">
        {/* eslint-disable-next-line @next/next/no-img-element -- an SVG data URL drawn on the server */}
        <img className="qr" src={link.qrCode} alt={`QR code for the link “${link.label}”`} width={168} height={168} />
        <div className="field new-link-url">
          <label htmlFor="new-link-url">Link for the patient</label>
          <input id="new-link-url" readOnly value={link.url} onFocus={(e) => e.currentTarget.select()} />
          <div className="toolbar">
            <button className="button secondary" type="button" onClick={copy} disabled={!hydrated}>
              Copy link
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
