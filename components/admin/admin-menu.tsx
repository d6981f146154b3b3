"use client";
import { Menu, X } from "lucide-react";
import { usePathname } from "next/navigation";
import { useEffect, useRef, useState, type ReactNode } from "react";
import { useHydrated } from "@/components/ui/use-hydrated";

/**
 * The admin navigation's container. On a phone it is a disclosure behind a "Menu" button (a native
 * <details>, so it opens without JavaScript); on wide screens the CSS keeps it open and hides the button.
 * The script closes it after a navigation or on Escape, and mirrors its state in aria-expanded.
 */
export function AdminMenu({ children }: { children: ReactNode }) {
  const ref = useRef<HTMLDetailsElement>(null);
  const summaryRef = useRef<HTMLElement>(null);
  const [open, setOpen] = useState(false);
  const pathname = usePathname();
  // Before hydration the browser states the <details>'s own expanded state; a fixed "false" would lie.
  const hydrated = useHydrated();

  useEffect(() => {
    // A link in the menu was followed: close it (closing fires onToggle, which updates `open`).
    if (ref.current) ref.current.open = false;
  }, [pathname]);

  return (
    <details
      ref={ref}
      className="menu"
      onToggle={(e) => setOpen(e.currentTarget.open)}
      onKeyDown={(e) => {
        if (e.key === "Escape" && ref.current?.open) {
          ref.current.open = false;
          summaryRef.current?.focus();
        }
      }}
    >
      <summary ref={summaryRef} className="menu-button" aria-expanded={hydrated ? open : undefined} data-testid="menu-button">
        <span className="when-closed">
          <Menu className="icon" aria-hidden="true" />
        </span>
        <span className="when-open">
          <X className="icon" aria-hidden="true" />
        </span>
        Menu
      </summary>
      <div className="menu-panel">{children}</div>
    </details>
  );
}
