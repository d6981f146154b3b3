import type { ReactNode } from "react";
import { AdminMenu } from "@/components/admin/admin-menu";
import { AdminNav, type NavItem } from "@/components/admin/admin-nav";
import { ActionButton } from "@/components/ui/action-button";
import { Brand } from "@/components/ui/brand";
import { requireUser } from "@/lib/auth/session";
import { signOutAction } from "./actions";

const clinicianNav: NavItem[] = [
  { href: "/admin", label: "Dashboard" },
  { href: "/admin/exercises", label: "Exercises" },
  { href: "/admin/patients", label: "Patients" },
  { href: "/admin/routines", label: "Routines" },
  { href: "/admin/templates", label: "Templates" },
  { href: "/admin/settings", label: "Settings" },
];

export default async function AdminLayout({ children }: { children: ReactNode }) {
  // Layouts do not protect their pages (each page checks for itself); this one needs the user for the shell.
  const user = await requireUser();
  const items = user.role === "admin" ? [...clinicianNav, { href: "/admin/users", label: "Users" }] : clinicianNav;
  return (
    <div className="shell">
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      <aside className="sidebar">
        <Brand />
        <AdminMenu>
          <AdminNav items={items} />
          <div className="who" data-testid="signed-in-user">
            <span>
              Signed in as <strong>{user.name}</strong>
              <br />
              <span className="muted">
                {user.email} · {user.role}
              </span>
            </span>
            <ActionButton action={signOutAction}>Sign out</ActionButton>
          </div>
        </AdminMenu>
      </aside>
      <main className="main" id="main">
        {children}
      </main>
    </div>
  );
}
