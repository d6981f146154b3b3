"use client";
import { useState, useTransition } from "react";
import { useHydrated } from "@/components/ui/use-hydrated";
import type { ActionResult } from "@/lib/errors";
import type { ShareLinkEmailSetup } from "@/lib/share/email-schemas";
import { EmailShareLinkForm, type EmailShareLink } from "./email-share-link-form";

type ShownShareLink = { url: string; qrCode: string };
/** showShareLinkAction: an active link's address again, with its QR code. */
export type ShowShareLink = (input: { routineId: number; linkId: number }) => Promise<ActionResult<ShownShareLink>>;

export type ShareLinkActionsProps = {
  routineId: number;
  link: { id: number; label: string };
  /** Null when the patient has no email address: then there is no "Email the link". */
  email: ShareLinkEmailSetup | null;
  /** The server actions, passed in by the page. */
  actions: { show: ShowShareLink; email: EmailShareLink };
};

/**
 * "Copy the link", "Show the QR code" and "Email the link" for an active link: its address is derived again on the server
 * each time it is asked for.
 */
export function ShareLinkActions({ routineId, link, email, actions }: ShareLinkActionsProps) {
  const hydrated = useHydrated();
  const [shown, setShown] = useState<ShownShareLink | null>(null);
  const [qrOpen, setQrOpen] = useState(false);
  const [emailOpen, setEmailOpen] = useState(false);
  const [message, setMessage] = useState("");
  const [error, setError] = useState("");
  const [pending, startTransition] = useTransition();

  async function reveal(): Promise<ShownShareLink | null> {
    if (shown) return shown;
    const result = await actions.show({ routineId, linkId: link.id });
    if (!result.ok) {
      setError(result.error);
      return null;
    }
    const revealed = { url: result.url, qrCode: result.qrCode };
    setError("");
    setShown(revealed);
    return revealed;
  }

  const copy = () =>
    startTransition(async () => {
      const result = await reveal();
      if (!result) return;
      try {
        await navigator.clipboard.writeText(result.url);
        setMessage("Copied.");
      } catch {
        setQrOpen(true);
        setMessage("Could not copy: select the link below and copy it by hand.");
      }
    });

  const toggleQr = () =>
    startTransition(async () => {
      if (qrOpen) return setQrOpen(false);
      if (await reveal()) setQrOpen(true);
    });

  return (
    <div className="stack share-link-actions">
      <div className="toolbar">
        <button
          className="button secondary"
          type="button"
          onClick={copy}
          disabled={!hydrated || pending}
          aria-label={`Copy the link “${link.label}”`}
        >
          Copy the link
        </button>
        <button
          className="button secondary"
          type="button"
          onClick={toggleQr}
          disabled={!hydrated || pending}
          aria-expanded={qrOpen}
          aria-label={`${qrOpen ? "Hide" : "Show"} the QR code of “${link.label}”`}
        >
          {qrOpen ? "Hide the QR code" : "Show the QR code"}
        </button>
        {email && (
          <button
            className="button secondary"
            type="button"
            onClick={() => setEmailOpen((open) => !open)}
            disabled={!hydrated}
            aria-expanded={emailOpen}
            aria-label={`Email the link “${link.label}”`}
          >
            Email the link
          </button>
        )}
        <span aria-live="polite" className="muted">
          {message}
        </span>
      </div>
      {error && (
        <p className="notice error" role="alert">
          {error}
        </p>
      )}
      {qrOpen && shown && (
        <div className="new-link-body" data-testid="shown-share-link">
          {/* eslint-disable-next-line @next/next/no-img-element -- an SVG data URL drawn on the server */}
          <img className="qr" src={shown.qrCode} alt={`QR code for the link “${link.label}”`} width={148} height={148} />
          <div className="field new-link-url">
            <label htmlFor={`link-url-${link.id}`}>Link for the patient</label>
            <input id={`link-url-${link.id}`} readOnly value={shown.url} onFocus={(e) => e.currentTarget.select()} />
          </div>
        </div>
      )}
      {emailOpen && email && <EmailShareLinkForm routineId={routineId} link={link} {...email} sendEmail={actions.email} />}
    </div>
  );
}
