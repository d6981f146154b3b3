import { reminderTimes, type ReminderTime } from "@/lib/share/reminders";

export type CalendarLinks = {
  /** One time per session of the day, as picked (or the usual ones). */
  times: ReminderTime[];
  /** The feed's absolute https address (from APP_URL), with the times in its query. */
  feedUrl: string;
  /** True once the patient has picked times: the panel opens on the links. */
  picked: boolean;
};

const ordinals = ["First", "Second", "Third"];

/**
 * "Add to my calendar": reminders in the patient's own calendar app, no app or account of ours. A GET form
 * picks the times (it works without JavaScript), and the links carry them: a webcal: subscription, which
 * follows the clinician's edits, and a one-off .ics download.
 */
export function CalendarReminders({ basePath, calendar }: { basePath: string; calendar: CalendarLinks }) {
  const { times, feedUrl, picked } = calendar;
  return (
    <section className="calendar" id="calendar" aria-labelledby="calendar-heading">
      <h2 id="calendar-heading">Reminders</h2>
      <details className="calendar-panel" open={picked}>
        <summary className="button secondary">Add to my calendar</summary>
        <form className="calendar-form" method="get" action={`${basePath}#calendar`}>
          {times.map((time, i) => (
            <p key={i}>
              <label htmlFor={`remind-${i}`}>{times.length === 1 ? "Remind me in the" : `${ordinals[i]} reminder of the day`}</label>
              <select id={`remind-${i}`} name="at" defaultValue={time}>
                {Object.entries(reminderTimes).map(([value, { label }]) => (
                  <option key={value} value={value}>
                    {label}
                  </option>
                ))}
              </select>
            </p>
          ))}
          <button className="button secondary" type="submit">
            Use these times
          </button>
        </form>
        <p>
          <a className="button" href={feedUrl.replace(/^https?:/, "webcal:")}>
            Add to my calendar app
          </a>
        </p>
        <p>
          <a href={`${feedUrl}&download=1`}>Download a calendar file (.ics)</a>
        </p>
        <p className="calendar-note">
          Your calendar reminds you on your exercise days, and each reminder opens this page. The reminders follow any changes your
          clinician makes, and stop when this link stops working.
        </p>
      </details>
    </section>
  );
}
