"use client";
import { createContext, useCallback, useContext, useMemo, useState, useSyncExternalStore, type ReactNode } from "react";
import { localDay } from "@/lib/dates/format";
import type { TickFeedback } from "@/lib/share/tick-feedback";
import type { TickState } from "@/lib/share/shared-routine";

type Ticks = Record<string, Record<string, TickState>>;
export const tickKey = (position: number, exerciseId: number) => `${position}:${exerciseId}`;

type TicksContext = {
  day: string;
  ticksToday: Record<string, TickState>;
  feedback: Record<number, Omit<TickFeedback, "position">>;
  /** Records the server's answer to one tick sent with fetch. */
  settle: (position: number, outcome: { day: string; done: boolean; tick: TickState } | { error: string }) => void;
};

const Context = createContext<TicksContext | null>(null);

export function useTicks(): TicksContext {
  const context = useContext(Context);
  if (!context) throw new Error("useTicks outside TicksProvider");
  return context;
}

/** The patient's own calendar day, in the phone's time zone. */
const todayHere = () => localDay(new Date());
const subscribe = () => () => {};

/**
 * Today's ticks for the whole page. The server renders the server's date (all a browser without JavaScript
 * gets); once running, the page switches to the patient's own calendar day, which the server sent too.
 */
export function TicksProvider({ serverDay, ticksByDay, feedback, children }: { serverDay: string; ticksByDay: Record<string, TickState[]>; feedback: TickFeedback | null; children: ReactNode }) {
  const day = useSyncExternalStore(subscribe, todayHere, () => serverDay);
  const [ticks, setTicks] = useState<Ticks>(() =>
    Object.fromEntries(Object.entries(ticksByDay).map(([d, list]) => [d, Object.fromEntries(list.map((t) => [tickKey(t.position, t.exerciseId), t]))])),
  );
  const [messages, setMessages] = useState<TicksContext["feedback"]>(() => (feedback ? { [feedback.position]: { kind: feedback.kind, message: feedback.message } } : {}));

  const settle = useCallback<TicksContext["settle"]>((position, outcome) => {
    if ("error" in outcome) {
      setMessages((m) => ({ ...m, [position]: { kind: "error", message: outcome.error } }));
      return;
    }
    setTicks((all) => {
      const forDay = { ...all[outcome.day] };
      const key = tickKey(outcome.tick.position, outcome.tick.exerciseId);
      if (outcome.done) forDay[key] = outcome.tick;
      else delete forDay[key];
      return { ...all, [outcome.day]: forDay };
    });
    setMessages((m) => ({ ...m, [position]: outcome.done ? { kind: "done", message: "Marked as done for today." } : { kind: "undone", message: "Marked as not done." } }));
  }, []);

  const value = useMemo(() => ({ day, ticksToday: ticks[day] ?? {}, feedback: messages, settle }), [day, ticks, messages, settle]);
  return <Context.Provider value={value}>{children}</Context.Provider>;
}

/** "Today: 3 of 10 done", kept up to date as the patient ticks. */
export function TodayCount({ total }: { total: number }) {
  const { ticksToday } = useTicks();
  const done = Object.keys(ticksToday).length;
  return (
    <p className="today-count" aria-live="polite">
      <strong>Today:</strong> {done === 0 ? `none of ${total} done yet` : done >= total ? `all ${total} done. Well done!` : `${done} of ${total} done`}
    </p>
  );
}
