import { ExerciseIllustration } from "@/components/illustrations/exercise-illustration";
import { formatInstant } from "@/lib/dates/format";
import { illustrationSize } from "@/lib/illustrations/geometry";
import type { Illustration } from "@/lib/illustrations/schema";
import { sessionNames, type PatientItem, type PatientRoutine as PatientRoutineModel } from "@/lib/routines/patient-routine";
import type { TickState } from "@/lib/share/shared-routine";
import type { TickFeedback } from "@/lib/share/tick-feedback";
import { CalendarReminders, type CalendarLinks } from "./calendar-reminders";
import { SessionTick } from "./session-tick";
import "./patient-routine.css";

/**
 * What only a live link has: the PDF, the day's ticks and where to post them, and the nonce for the page's
 * own small script. The builder's preview has none.
 */
export type PatientLink = {
  basePath: string;
  day: string;
  ticks: TickState[];
  feedback: TickFeedback | null;
  calendar: CalendarLinks;
  scriptNonce: string | undefined;
};

type Props = {
  routine: PatientRoutineModel;
  displayName: string;
  clinicName: string;
  /** The clinic's logo (Settings → Clinic), shown beside its name; none in the builder's preview. */
  clinicLogo?: string;
  /** Null while the routine is an unsaved draft. */
  updatedAt: Date | null;
  link: PatientLink | null;
};

/**
 * On a live link the drawing is an image of its own (lazy below the first two), which keeps the page small;
 * the builder's preview has no link and draws it inline.
 */
function Drawing({ item, illustration, basePath }: { item: PatientItem; illustration: Illustration; basePath: string | null }) {
  if (!basePath) return <ExerciseIllustration illustration={illustration} className="exercise-picture exercise-drawing" />;
  const { width, height } = illustrationSize(illustration);
  return (
    // eslint-disable-next-line @next/next/no-img-element -- an SVG drawn per link; no optimiser round trip
    <img
      className="exercise-picture exercise-drawing"
      src={`${basePath}/drawings/${item.position}`}
      alt={illustration.alt || `How to do ${item.name}`}
      width={Math.round(width * 3)}
      height={Math.round(height * 3)}
      loading={item.number > 2 ? "lazy" : "eager"}
    />
  );
}

const tickKey = (position: number, exerciseId: number, session: number) => `${position}:${exerciseId}:${session}`;

/** The day's sessions done out of those asked for: an exercise done twice a day counts twice. */
function countSessions(routine: PatientRoutineModel, ticks: Map<string, TickState>) {
  let done = 0;
  let total = 0;
  for (const item of routine.sections.flatMap((s) => s.items)) {
    for (let session = 0; session < item.ticksPerDay; session++) {
      total++;
      if (ticks.get(tickKey(item.position, item.exerciseId, session))?.done) done++;
    }
  }
  return { done, total };
}

function TodayCount({ done, total }: { done: number; total: number }) {
  return (
    <div id="today" className="today">
      <p className="today-count">
        <strong>Today:</strong>{" "}
        {done === 0 ? `none of ${total} done yet` : done >= total ? `all ${total} done. Well done!` : `${done} of ${total} done`}
      </p>
      <div className="today-bar" aria-hidden="true">
        <span style={{ width: `${total ? Math.round((done / total) * 100) : 0}%` }} />
      </div>
    </div>
  );
}

function Exercise({ item, link, ticks }: { item: PatientItem; link: PatientLink | null; ticks: Map<string, TickState> }) {
  const headingId = `item-${item.position}-name`;
  return (
    <article className="exercise" id={`item-${item.position}`} aria-labelledby={headingId}>
      <h3 id={headingId}>
        <span className="exercise-number">{item.number}</span> {item.name}
      </h3>
      {/* How much first, right under the name: on a phone the drawing would push it off the first screen. */}
      {item.dose && <p className="exercise-dose">{item.dose}</p>}
      {item.illustration && <Drawing item={item} illustration={item.illustration} basePath={link?.basePath ?? null} />}
      {item.image && (
        // eslint-disable-next-line @next/next/no-img-element -- content-addressed, cached for a year; no optimiser round trip
        <img
          className="exercise-picture"
          src={item.image.url}
          alt={item.image.alt || `How to do ${item.name}`}
          loading={item.number > 2 ? "lazy" : "eager"}
        />
      )}
      {item.steps.length > 0 && (
        <ol className="exercise-steps">
          {item.steps.map((step, i) => (
            <li key={i}>{step}</li>
          ))}
        </ol>
      )}
      {item.cues && (
        <p className="exercise-cues">
          <strong>Tips:</strong> {item.cues}
        </p>
      )}
      {item.precautions && (
        <p className="exercise-care">
          <strong>Take care:</strong> {item.precautions}
        </p>
      )}
      {item.note && (
        <p className="exercise-note">
          <strong>From your clinician:</strong> {item.note}
        </p>
      )}
      {link && item.holdSeconds && (
        // Shown by the page's script only: without it the dose already says how long to hold.
        <div className="hold" data-hold-seconds={item.holdSeconds} hidden>
          <button className="button secondary hold-start" type="button">
            Start {item.holdSeconds} s hold
          </button>
          <p className="hold-digits" role="timer" aria-live="off" aria-label="Seconds left to hold"></p>
        </div>
      )}
      {link &&
        sessionNames(item.ticksPerDay).map((sessionName, session) => (
          <SessionTick
            key={session}
            action={`${link.basePath}/ticks`}
            day={link.day}
            position={item.position}
            exerciseId={item.exerciseId}
            session={session}
            sessionName={sessionName}
            exerciseName={item.name}
            tick={ticks.get(tickKey(item.position, item.exerciseId, session))}
            feedback={link.feedback?.position === item.position && link.feedback.session === session ? link.feedback : null}
          />
        ))}
    </article>
  );
}

// The whole text-size control, inline so it runs as the control is parsed, before the first paint: the
// control and a remembered size appear without moving anything, and it works even if patient.js does not load.
const textSizeScript = `(function(){var c=document.currentScript.previousElementSibling,k="routine-text-size",h=document.documentElement;
function set(s){h.setAttribute("data-text-size",s);c.querySelectorAll("button").forEach(function(b){b.setAttribute("aria-pressed",String(b.getAttribute("data-size")===s))})}
var s=null;try{s=localStorage.getItem(k)}catch(e){}set(s==="1"||s==="2"?s:"0");c.hidden=false;
c.addEventListener("click",function(e){var b=e.target.closest("[data-size]");if(!b)return;set(b.getAttribute("data-size"));try{localStorage.setItem(k,b.getAttribute("data-size"))}catch(e){}})})()`;

/** Shown by its own script, which remembers the choice on this phone; hidden without JavaScript. */
function TextSize({ nonce }: { nonce: string | undefined }) {
  return (
    <>
      <div className="text-size" role="group" aria-labelledby="text-size-label" hidden>
        <span id="text-size-label">Text size</span>
        {["A", "A+", "A++"].map((label, size) => (
          <button key={label} type="button" className="text-size-button" data-size={size} aria-pressed={size === 0}>
            {label}
          </button>
        ))}
      </div>
      <script nonce={nonce} dangerouslySetInnerHTML={{ __html: textSizeScript }} />
    </>
  );
}

function PatientRoutineBody({ routine, displayName, clinicName, clinicLogo, updatedAt, link }: Props) {
  const ticks = new Map((link?.ticks ?? []).map((t) => [tickKey(t.position, t.exerciseId, t.session), t]));
  return (
    <>
      <header className="patient-head">
        <div className="patient-top">
          <p className="clinic">
            {/* The name beside it says who it is: the logo is decoration to a screen reader. */}
            {/* eslint-disable-next-line @next/next/no-img-element -- content-addressed, cached for a year; no optimiser round trip */}
            {clinicLogo && <img className="clinic-logo" src={clinicLogo} alt="" height={40} />}
            {clinicName}
          </p>
          {link && <TextSize nonce={link.scriptNonce} />}
        </div>
        <p className="hello">Hello {displayName}</p>
        <h1>{routine.title}</h1>
        {routine.instructions && (
          // Two lines, then "Read more": the first exercise stays on the first screen. <details> needs no script.
          <details className="instructions">
            <summary>
              <span className="instructions-short">{routine.instructions}</span>
              <span className="read-more">Read more</span>
              <span className="read-less">Show less</span>
            </summary>
            <p className="instructions-full">{routine.instructions}</p>
          </details>
        )}
        {link && routine.itemCount > 0 && <TodayCount {...countSessions(routine, ticks)} />}
      </header>
      {routine.sections.map((section, s) =>
        section.items.length === 0 ? null : (
          <section key={s} className="patient-section" aria-label={section.title}>
            <h2>{section.title}</h2>
            {section.items.map((item) => (
              <Exercise key={item.position} item={item} link={link} ticks={ticks} />
            ))}
          </section>
        ),
      )}
      {routine.itemCount === 0 && <p className="instructions">There are no exercises in this routine yet.</p>}
      {link && routine.itemCount > 0 && <CalendarReminders basePath={link.basePath} calendar={link.calendar} />}
      <footer className="patient-foot">
        {link && (
          <p>
            <a className="button secondary small no-print" href={`${link.basePath}/handout.pdf`}>
              Printable PDF
            </a>
          </p>
        )}
        {updatedAt && <p className="updated">Updated on {formatInstant(updatedAt, "long-date")}</p>}
        <p>Shared with you by {clinicName}. This link is just for you: please keep it to yourself.</p>
      </footer>
    </>
  );
}

/**
 * The patient's page: who it is for, what to do, and a tick for each of the day's sessions. Complete as HTML
 * and forms; a small script of our own (public/patient.js) makes ticks update in place, adds the hold timer
 * and remembers the text size. The builder's preview renders this same component without a link.
 */
export function PatientRoutine(props: Props) {
  const { link } = props;
  if (!link) {
    return (
      <div className="patient-page is-preview">
        <article className="patient" aria-label="Patient preview">
          <PatientRoutineBody {...props} />
        </article>
      </div>
    );
  }
  return (
    <main className="patient" data-day={link.day}>
      <PatientRoutineBody {...props} />
      <script src="/patient.js" nonce={link.scriptNonce} defer />
    </main>
  );
}
