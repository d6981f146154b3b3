import Link from "next/link";
import type { ReactNode } from "react";

type Props = {
  title: string;
  /** The list's first action: a link to the form for a new item. */
  create: { href: string; label: string };
  /** Further actions after it (import, export). */
  children?: ReactNode;
};

/** A list page's heading with its actions in a toolbar beside it, "New …" first. */
export function PageHead({ title, create, children }: Props) {
  return (
    <div className="page-head">
      <h1>{title}</h1>
      <div className="toolbar">
        <Link className="button" href={create.href}>
          {create.label}
        </Link>
        {children}
      </div>
    </div>
  );
}
