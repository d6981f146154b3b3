"use client";

/**
 * "Try again" for an error page. With JavaScript it re-fetches and re-renders just the failed part (Next's retry);
 * without it, the form reloads the page, so the button works either way.
 */
export function RetryButton({ retry, className = "button" }: { retry: () => void; className?: string }) {
  return (
    <form
      method="get"
      onSubmit={(event) => {
        event.preventDefault();
        retry();
      }}
    >
      <button className={className} type="submit">
        Try again
      </button>
    </form>
  );
}
