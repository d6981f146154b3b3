import { RetryButton } from "@/components/ui/retry-button";

/**
 * The patient's page failed to load: say so in plain words, offer to try again, and never show technical detail.
 * The page is HTML from a route handler, so "Try again" is a plain form that reloads it.
 */
export function PatientPageError({ retry = () => {} }: { retry?: () => void }) {
  return (
    <main className="patient patient-inactive" role="alert">
      <h1>Sorry, your exercises did not load</h1>
      <p>This is a problem on our side, not with your phone or your link. Your ticks so far are saved.</p>
      <p>Please try again in a minute. If it still does not work, call your clinic.</p>
      <RetryButton retry={retry} />
    </main>
  );
}
