import type { SharedItem, SharedRoutine } from "@/lib/share/shared-routine";
import type { TickFeedback } from "@/lib/share/tick-feedback";
import { TicksProvider, TodayCount } from "./patient-ticks";
import { TickForm } from "./tick-form";
import { formatInstant } from "@/lib/dates/format";

function Exercise({ item, number, ticksUrl }: { item: SharedItem; number: number; ticksUrl: string }) {
  const headingId = `item-${item.position}-name`;
  return (
    <article className="exercise" id={`item-${item.position}`} aria-labelledby={headingId}>
      <h3 id={headingId}>
        <span className="exercise-number">{number}</span> {item.name}
      </h3>
      {item.image && (
        // eslint-disable-next-line @next/next/no-img-element -- content-addressed, cached for a year; no optimiser round trip
        <img className="exercise-picture" src={item.image.url} alt={item.image.alt || `How to do ${item.name}`} loading={number > 2 ? "lazy" : "eager"} />
      )}
      {item.dose && <p className="exercise-dose">{item.dose}</p>}
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
      <TickForm action={ticksUrl} position={item.position} exerciseId={item.exerciseId} name={item.name} />
    </article>
  );
}

/** The patient's page: who it is for, what to do, and a "done today" for each exercise. */
export function PatientRoutine({ routine, clinicName, basePath, feedback }: { routine: SharedRoutine; clinicName: string; basePath: string; feedback: TickFeedback | null }) {
  let number = 0;
  return (
    <TicksProvider serverDay={routine.serverDay} ticksByDay={routine.ticksByDay} feedback={feedback}>
      <main className="patient">
        <header className="patient-head">
          <p className="clinic">{clinicName}</p>
          <p className="hello">Hello {routine.displayName}</p>
          <h1>{routine.title}</h1>
          <p className="updated">Updated on {formatInstant(routine.updatedAt, "long-date")}</p>
          {routine.instructions && <p className="instructions">{routine.instructions}</p>}
          <div className="patient-actions">
            {routine.itemCount > 0 && <TodayCount total={routine.itemCount} />}
            <a className="button secondary small no-print" href={`${basePath}/handout.pdf`}>
              Printable PDF
            </a>
          </div>
        </header>
        {routine.sections.map((section, s) =>
          section.items.length === 0 ? null : (
            <section key={s} className="patient-section" aria-label={section.title}>
              <h2>{section.title}</h2>
              {section.items.map((item) => (
                <Exercise key={item.position} item={item} number={++number} ticksUrl={`${basePath}/ticks`} />
              ))}
            </section>
          ),
        )}
        {routine.itemCount === 0 && <p className="instructions">There are no exercises in this routine yet.</p>}
        <footer className="patient-foot">
          <p>
            Shared with you by {clinicName}. This link is just for you: please keep it to yourself.
          </p>
        </footer>
      </main>
    </TicksProvider>
  );
}
