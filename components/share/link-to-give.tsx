"use client";
import { useState, type ReactNode } from "react";
import { useHydrated } from "@/components/ui/use-hydrated";

/**
 * A link ready to hand to the patient: its QR code to scan, the address to select, and Copy link. Shown when a
 * link is made and after "Save, print and share"; `children` go beside Copy link (e.g. Close).
 */
export function LinkToGive({
  link,
  inputId,
  children,
}: {
  link: { label: string; url: string; qrCode: string };
  inputId: string;
  children?: ReactNode;
}) {
  const hydrated = useHydrated();
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
    <div className="new-link-body">
      {/* eslint-disable-next-line @next/next/no-img-element -- an SVG data URL drawn on the server */}
      <img className="qr" src={link.qrCode} alt={`QR code for the link “${link.label}”`} width={168} height={168} />
      <div className="field new-link-url">
        <label htmlFor={inputId}>Link for the patient</label>
        <input id={inputId} readOnly value={link.url} onFocus={(e) => e.currentTarget.select()} />
        <div className="toolbar">
          <button className="button secondary" type="button" onClick={copy} disabled={!hydrated}>
            Copy link
          </button>
          {children}
          <span aria-live="polite" className="muted">
            {copied === "yes" ? "Copied." : copied === "failed" ? "Could not copy: select the link and copy it by hand." : ""}
          </span>
        </div>
      </div>
    </div>
  );
}
