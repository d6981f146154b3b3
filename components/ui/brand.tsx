import Link from "next/link";

export function Brand({ href = "/admin" }: { href?: string }) {
  return (
    <Link href={href} className="brand">
      <span className="brand-mark" aria-hidden="true">
        R
      </span>
      Routine
    </Link>
  );
}
