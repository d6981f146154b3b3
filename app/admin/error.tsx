"use client";
import Link from "next/link";
import { RetryButton } from "@/components/ui/retry-button";

/**
 * A page of the admin area failed to load. Next shows this inside the admin shell, so the menu still works.
 * It never shows the error's message or stack (in production a server error has neither); the digest is
 * the reference that finds the full error in the server's log.
 */
export default function AdminError({ error, retry }: { error: Error & { digest?: string }; retry: () => void }) {
  return (
    <div className="card stack" role="alert" style={{ maxWidth: "36rem" }}>
      <h1>This page could not be loaded</h1>
      <p>
        Something went wrong on our side, not in anything you did. Nothing you saved before is lost. Try again in a moment; if it keeps
        happening, go back to the dashboard and tell whoever runs Routine for your clinic.
      </p>
      {error.digest && (
        <p className="muted">
          Reference for the server log: <code>{error.digest}</code>
        </p>
      )}
      <div className="toolbar">
        <RetryButton retry={retry} />
        <Link className="button secondary" href="/admin">
          Go to the dashboard
        </Link>
      </div>
    </div>
  );
}
