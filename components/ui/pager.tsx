import { ArrowLeft, ArrowRight } from "lucide-react";
import Link from "next/link";

/** Previous / next links for a paged list; the caller builds each page's URL so filters stay in it. */
export function Pager({ page, pageCount, hrefFor }: { page: number; pageCount: number; hrefFor: (page: number) => string }) {
  if (pageCount <= 1) return null;
  return (
    <nav className="pager" aria-label="Pages">
      {page > 1 ? (
        <Link className="back-link" href={hrefFor(page - 1)}>
          <ArrowLeft className="icon" aria-hidden="true" />
          Previous
        </Link>
      ) : (
        <span />
      )}
      <span>
        Page {page} of {pageCount}
      </span>
      {page < pageCount ? (
        <Link className="back-link" href={hrefFor(page + 1)}>
          Next
          <ArrowRight className="icon" aria-hidden="true" />
        </Link>
      ) : (
        <span />
      )}
    </nav>
  );
}
