import { ArrowLeft } from "lucide-react";
import Link from "next/link";
import type { ReactNode } from "react";

/** The link above a page's heading back to where it belongs (its list, its patient); the arrow is an SVG. */
export function BackLink({ href, children }: { href: string; children: ReactNode }) {
  return (
    <p>
      <Link className="back-link" href={href}>
        <ArrowLeft className="icon" aria-hidden="true" />
        {children}
      </Link>
    </p>
  );
}
