import { ExerciseIllustration } from "@/components/illustrations/exercise-illustration";
import { illustrationToGeometry } from "@/lib/illustrations/geometry";
import type { Illustration } from "@/lib/illustrations/schema";
import type { PatientItem, PatientRoutine as PatientRoutineModel } from "@/lib/routines/patient-routine";
import type { TickState } from "@/lib/share/shared-routine";
import type { TickFeedback } from "@/lib/share/tick-feedback";
import { TicksProvider, TodayCount } from "./patient-ticks";
import { TickForm } from "./tick-form";
import "./patient-routine.css";
import { formatInstant } from "@/lib/dates/format";

/** What only a live link has: the PDF, today's ticks and where to post them. The builder's preview has none. */
export type PatientLink = { basePath: string; serverDay: string; ticksByDay: Record<string, TickState[]>; feedback: TickFeedback | null };

type Props = {
  routine: PatientRoutineModel;
  displayName: string;
  clinicName: string;
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
  const { width, height, alt } = illustrationToGeometry(illustration);
  return (
    // eslint-disable-next-line @next/next/no-img-element -- an SVG drawn per link; no optimiser round trip
    <img
      className="exercise-picture exercise-drawing"
      src={`${basePath}/drawings/${item.position}`}
      alt={alt || `How to do ${item.name}`}
      width={Math.round(width * 3)}
      height={Math.round(height * 3)}
      loading={item.number > 2 ? "lazy" : "eager"}
    />
  );
}

function Exercise({ item, ticksUrl, basePath }: { item: PatientItem; ticksUrl: string | null; basePath: string | null }) {
  const headingId = `item-${item.position}-name`;
  return (
    <article className="exercise" id={`item-${item.position}`} aria-labelledby={headingId}>
      <h3 id={headingId}>
        <span className="exercise-number">{item.number}</span> {item.name}
      </h3>
      {item.illustration && <Drawing item={item} illustration={item.illustration} basePath={basePath} />}
      {item.image && (
        // eslint-disable-next-line @next/next/no-img-element -- content-addressed, cached for a year; no optimiser round trip
        <img className="exercise-picture" src={item.image.url} alt={item.image.alt || `How to do ${item.name}`} loading={item.number > 2 ? "lazy" : "eager"} />
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
      {ticksUrl && <TickForm action={ticksUrl} position={item.position} exerciseId={item.exerciseId} name={item.name} />}
    </article>
  );
}

function PatientRoutineBody({ routine, displayName, clinicName, updatedAt, link }: Props) {
  return (
    <>
      <header className="patient-head">
        <p className="clinic">{clinicName}</p>
        <p className="hello">Hello {displayName}</p>
        <h1>{routine.title}</h1>
        {updatedAt && <p className="updated">Updated on {formatInstant(updatedAt, "long-date")}</p>}
        {routine.instructions && <p className="instructions">{routine.instructions}</p>}
        {link && (
          <div className="patient-actions">
            {routine.itemCount > 0 && <TodayCount total={routine.itemCount} />}
            <a className="button secondary small no-print" href={`${link.basePath}/handout.pdf`}>
              Printable PDF
            </a>
          </div>
        )}
      </header>
      {routine.sections.map((section, s) =>
        section.items.length === 0 ? null : (
          <section key={s} className="patient-section" aria-label={section.title}>
            <h2>{section.title}</h2>
            {section.items.map((item) => (
              <Exercise key={item.position} item={item} ticksUrl={link && `${link.basePath}/ticks`} basePath={link?.basePath ?? null} />
            ))}
          </section>
        ),
      )}
      {routine.itemCount === 0 && <p className="instructions">There are no exercises in this routine yet.</p>}
      <footer className="patient-foot">
        <p>Shared with you by {clinicName}. This link is just for you: please keep it to yourself.</p>
      </footer>
    </>
  );
}

/**
 * The patient's page: who it is for, what to do, and a "done today" for each exercise. The builder's preview
 * renders this same component without a link, so what the clinician previews is what the patient gets.
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
    <TicksProvider serverDay={link.serverDay} ticksByDay={link.ticksByDay} feedback={link.feedback}>
      <main className="patient">
        <PatientRoutineBody {...props} />
      </main>
    </TicksProvider>
  );
}
