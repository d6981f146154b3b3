"use client";
import { useRouter } from "next/navigation";
import { useCallback, useEffect, useRef, useState } from "react";

/** Where the user was going when the guard stopped them: a link's address, or back in the history. */
export type PendingLeave = { kind: "link"; href: string } | { kind: "back" };

const sentinel = "__routineUnsavedGuard";
const armed = () => (window.history.state as Record<string, unknown> | null)?.[sentinel] === true;
/** Puts our entry on the history, on this very address; returns the address. */
function pushOurEntry(): string {
  window.history.pushState({ ...(window.history.state ?? {}), [sentinel]: true }, "", window.location.href);
  return window.location.href;
}

/** A same-origin link this page's router (or the browser) would follow in this tab. */
function guardedHref(event: MouseEvent): string | null {
  if (event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return null;
  const anchor = (event.target as Element | null)?.closest?.("a[href]");
  if (!(anchor instanceof HTMLAnchorElement)) return null;
  if ((anchor.target && anchor.target !== "_self") || anchor.hasAttribute("download")) return null;
  const url = new URL(anchor.href, window.location.href);
  if (url.origin !== window.location.origin) return null;
  // A jump within this very page (#section) leaves nothing behind.
  if (url.pathname === window.location.pathname && url.search === window.location.search && url.hash) return null;
  return url.pathname + url.search + url.hash;
}

/**
 * Warns before unsaved work is left behind. The App Router has no route-change event, so: link clicks are
 * caught in the capture phase (before Next's <Link> sees them), Back is caught by a history entry of our
 * own pushed while there are changes, and closing or reloading the tab gets the browser's own question.
 * Returns the leave in question for a dialog to confirm (leave()) or cancel (stay()).
 */
export function useUnsavedGuard(dirty: boolean) {
  const router = useRouter();
  const [pending, setPending] = useState<PendingLeave | null>(null);
  const dirtyRef = useRef(dirty);
  const leavingRef = useRef(false);
  useEffect(() => {
    dirtyRef.current = dirty;
  }, [dirty]);

  useEffect(() => {
    const onClick = (event: MouseEvent) => {
      if (!dirtyRef.current || leavingRef.current) return;
      const href = guardedHref(event);
      if (!href) return;
      event.preventDefault();
      event.stopPropagation();
      setPending({ kind: "link", href });
    };
    const onBeforeUnload = (event: BeforeUnloadEvent) => {
      if (!dirtyRef.current || leavingRef.current) return;
      event.preventDefault();
      event.returnValue = ""; // older browsers need it set to ask
    };
    document.addEventListener("click", onClick, true);
    window.addEventListener("beforeunload", onBeforeUnload);
    return () => {
      document.removeEventListener("click", onClick, true);
      window.removeEventListener("beforeunload", onBeforeUnload);
    };
  }, []);

  // Back: while there are changes, the page has an extra history entry on the same address. Back pops it
  // (Next stays on this page), and the popstate below asks; staying pushes it again.
  // Where our entry sits (its address), while it is in the history: a popstate that lands on that same address
  // without our mark is Back out of it. Anything else (a jump to #picker-search, which also fires popstate,
  // or Back out of such a jump) is not ours to handle.
  const ours = useRef<string | null>(null);
  useEffect(() => {
    if (armed()) ours.current ??= window.location.href;
    else if (dirty) ours.current = pushOurEntry();
  }, [dirty]);
  useEffect(() => {
    const onPopState = () => {
      if (ours.current === null || armed() || window.location.href !== ours.current) return;
      ours.current = null;
      // Back out of our entry, to this same page. With changes, ask; without (or on the way out), go on back.
      if (dirtyRef.current && !leavingRef.current) setPending({ kind: "back" });
      else window.history.back();
    };
    window.addEventListener("popstate", onPopState);
    return () => window.removeEventListener("popstate", onPopState);
  }, []);

  const stay = useCallback(() => {
    if (pending?.kind === "back") ours.current = pushOurEntry();
    setPending(null);
  }, [pending]);

  const leave = useCallback(() => {
    if (!pending) return;
    leavingRef.current = true;
    setPending(null);
    if (pending.kind === "link") router.push(pending.href);
    else window.history.back();
  }, [pending, router]);

  /** Lets a deliberate navigation (after "Save and leave") through without asking. */
  const release = useCallback(() => {
    leavingRef.current = true;
  }, []);

  return { pending, stay, leave, release };
}
