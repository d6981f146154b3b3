import Link from "next/link";

/** Settings has two pages: everyone's own account, and (for admins) the clinic's. */
export function SettingsNav({ current, isAdmin }: { current: "account" | "clinic"; isAdmin: boolean }) {
  if (!isAdmin) return null;
  const pages = [
    { key: "account", href: "/admin/settings", label: "Your account" },
    { key: "clinic", href: "/admin/settings/clinic", label: "Clinic" },
  ] as const;
  return (
    <nav aria-label="Settings" className="subnav">
      {pages.map((p) => (
        <Link key={p.key} href={p.href} aria-current={p.key === current ? "page" : undefined}>
          {p.label}
        </Link>
      ))}
    </nav>
  );
}
