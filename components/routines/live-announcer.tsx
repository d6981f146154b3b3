"use client";
import { useCallback, useState } from "react";

/**
 * One polite live region for the builder: what moved where, in words. A repeated message is still spoken (the
 * text changes by an invisible space), and a screen reader hears it without focus leaving the button pressed.
 */
export function useLiveAnnouncer() {
  const [message, setMessage] = useState({ text: "", count: 0 });
  const announce = useCallback((text: string) => setMessage((m) => ({ text, count: m.count + 1 })), []);
  const region = (
    <p className="visually-hidden" role="status" aria-live="polite" data-testid="builder-announcement">
      {message.text}
      {message.count % 2 ? "\u00a0" : ""}
    </p>
  );
  return { announce, region, message: message.text };
}
