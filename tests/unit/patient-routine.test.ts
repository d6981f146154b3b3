import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { PatientRoutine } from "@/components/share/patient-routine";
import { readCurrentRoutine } from "@/db/routine-store";
import { routineRevisions } from "@/db/schema";
import { starterIllustrations } from "@/db/seed/illustrations";
import { mirrorIllustration } from "@/lib/illustrations/mirror";
import { readHandoutSource } from "@/lib/handout/read-handout-source";
import { toPatientRoutine, type PatientExerciseSource } from "@/lib/routines/patient-routine";
import { saveRoutine } from "@/lib/routines/mutations";
import { loadExerciseCards, readRoutineContent } from "@/lib/routines/queries";
import { routineContent } from "@/lib/routines/schemas";
import { resolveShareLink } from "@/lib/share/access";
import { getSharedRoutine } from "@/lib/share/shared-routine";
import { shareFixture } from "../helpers/share-fixture";
import { createTempDb, type TempDb } from "../helpers/temp-db";

const card = (name: string, extra: Partial<PatientExerciseSource> = {}): PatientExerciseSource => ({
  name,
  steps: [`${name}: step one`],
  cues: "",
  precautions: "",
  image: null,
  ...extra,
});

describe("toPatientRoutine", () => {
  const routine = {
    title: "Week 1",
    instructions: "Once a day.",
    sections: [
      {
        title: "Warm-up",
        items: [
          { exerciseId: 1, dose: { sets: 2, reps: 10, timesPerDay: 2 }, note: "" },
          { exerciseId: 2, dose: { timesPerDay: 5 }, note: "Gently" },
        ],
      },
      { title: "Empty", items: [] },
      { title: "Stretches", items: [{ exerciseId: 3, dose: {}, note: "" }] },
    ],
  };

  it("numbers exercises across sections, writes each dose as its sentence and caps ticks per day at 3", () => {
    const view = toPatientRoutine(routine, {
      1: card("Shoulder rolls", { cues: "Breathe" }),
      2: card("Neck rolls"),
      3: card("Chin tucks"),
    });
    expect(view.title).toBe("Week 1");
    expect(view.itemCount).toBe(3);
    expect(view.sections.map((s) => s.title)).toEqual(["Warm-up", "Empty", "Stretches"]);
    const items = view.sections.flatMap((s) => s.items);
    expect(items.map((i) => [i.position, i.number, i.name])).toEqual([
      [0, 1, "Shoulder rolls"],
      [1, 2, "Neck rolls"],
      [2, 3, "Chin tucks"],
    ]);
    expect(items[0]).toMatchObject({
      dose: "2 sets of 10, twice a day",
      ticksPerDay: 2,
      cues: "Breathe",
      steps: ["Shoulder rolls: step one"],
    });
    expect(items[1]).toMatchObject({ ticksPerDay: 3, note: "Gently" });
    expect(items[2]).toMatchObject({ dose: "", ticksPerDay: 1 });
  });

  it("shows the drawing as the main picture, mirrored for a dose on the other side, unless the photo is chosen", () => {
    const drawing = starterIllustrations["open-book-rotation"]!;
    expect(drawing.drawnSide).toBeDefined();
    const other = drawing.drawnSide === "left" ? ("right" as const) : ("left" as const);
    const photo = { url: "/images/x.png", alt: "A photo" };
    const sided = {
      title: "",
      instructions: "",
      sections: [
        {
          title: "",
          items: [
            { exerciseId: 1, dose: { side: drawing.drawnSide }, note: "" },
            { exerciseId: 1, dose: { side: other }, note: "" },
            { exerciseId: 2, dose: {}, note: "" },
          ],
        },
      ],
    };
    const items = toPatientRoutine(sided, {
      1: card("Open book", { illustration: drawing, image: photo }),
      2: card("Photo first", { illustration: { ...drawing, photoFirst: true }, image: photo }),
    }).sections[0]!.items;
    expect(items[0]).toMatchObject({ illustration: drawing, image: null });
    expect(items[1]!.illustration).toEqual(mirrorIllustration(drawing));
    expect(items[1]!.illustration).not.toEqual(drawing);
    expect(items[2]).toMatchObject({ illustration: null, image: photo });
  });

  it("leaves out an exercise it cannot describe but keeps the positions that key the ticks", () => {
    const view = toPatientRoutine(routine, { 1: card("Shoulder rolls"), 3: card("Chin tucks") });
    expect(view.itemCount).toBe(2);
    expect(view.sections.flatMap((s) => s.items).map((i) => [i.position, i.number])).toEqual([
      [0, 1],
      [2, 2],
    ]);
  });
});

describe("one patient's view on the phone, on paper and in the preview", () => {
  let t: TempDb;
  beforeEach(async () => {
    t = await createTempDb();
  });
  afterEach(() => t.close());

  it("reads the current content and the revision it was saved as, which the snapshot matches", async () => {
    const f = await shareFixture(t);
    const content = (await readRoutineContent(t.db, f.routineId))!;
    const edited = { ...content, title: "Week 2", sections: content.sections.slice(1) };
    await saveRoutine(t.db, f.ada, f.routineId, 1, edited);
    const current = await readCurrentRoutine(t.db, f.routineId);
    expect(current).toMatchObject({ content: edited, patientName: "Sam", revision: { number: 2, savedBy: "Ada" } });
    const snapshots = await t.db.select().from(routineRevisions);
    expect(routineContent.parse(snapshots.find((r) => r.routineId === f.routineId && r.number === 2)!.snapshot)).toEqual(current!.content);
  });

  it("shows the same exercises, numbers, doses and notes on the link, in the PDF and in the builder's preview", async () => {
    const f = await shareFixture(t);
    const access = await resolveShareLink(t.db, f.token);
    const shared = (await getSharedRoutine(t.db, access as { linkId: number; routineId: number }))!;
    const handout = await readHandoutSource(t.db, f.routineId);
    const onPhone = shared.sections.map((s) => ({
      title: s.title,
      items: s.items.map(({ number, name, dose, note, steps }) => ({ number, name, dose, note, steps })),
    }));
    const onPaper = handout.content.sections.map((s) => ({
      title: s.title,
      items: s.exercises.map(({ number, name, dose, note, steps }) => ({ number, name, dose, note, steps })),
    }));
    expect(onPaper).toEqual(onPhone);
    expect(handout.content).toMatchObject({
      title: shared.title,
      instructions: shared.instructions,
      patientName: "Sam",
      revisionNumber: shared.revision,
    });

    // The preview is the phone page's component, fed from the builder's draft through the same mapping.
    const content = (await readRoutineContent(t.db, f.routineId))!;
    const cards = await loadExerciseCards(
      t.db,
      content.sections.flatMap((s) => s.items.map((i) => i.exerciseId)),
    );
    const view = toPatientRoutine(content, cards);
    expect(view.sections).toEqual(shared.sections);
    const page = (link: boolean) =>
      renderToStaticMarkup(
        createElement(PatientRoutine, {
          routine: view,
          displayName: "Sam",
          clinicName: "Clinic",
          updatedAt: null,
          link: link
            ? {
                basePath: "/r/x",
                day: shared.serverDay,
                ticks: shared.ticksByDay[shared.serverDay]!,
                feedback: null,
                calendar: { times: ["morning"], feedUrl: "https://c.test/r/x/calendar.ics?at=morning", picked: false },
                scriptNonce: "n0nce",
              }
            : null,
        }),
      );
    const preview = page(false);
    const phone = page(true);
    expect(preview).toContain('aria-label="Patient preview"');
    expect(preview).not.toContain("handout.pdf");
    expect(preview).not.toContain("<form");
    expect(phone).toContain("<form");
    expect(phone).toContain('<script src="/patient.js" nonce="n0nce" defer="">');
    expect(preview).not.toContain("<script");
    // A drawing is inline in the preview and an image of its own on a link, one for one.
    const drawings = [...phone.matchAll(/<img class="exercise-picture exercise-drawing" src="([^"]+)"/g)].map((m) => m[1]);
    expect(drawings).toEqual(view.sections.flatMap((s) => s.items.filter((i) => i.illustration).map((i) => `/r/x/drawings/${i.position}`)));
    expect(drawings.length).toBeGreaterThan(0);
    expect(preview.match(/<svg[^>]*class="exercise-picture exercise-drawing"/g)).toHaveLength(drawings.length);
    // Strip the link's controls and the drawings: what is left of the phone page is the preview, label for label.
    const exercises = (html: string) =>
      [...html.matchAll(/<article class="exercise"[\s\S]*?(?=<div class="hold"|<section class="tick|<\/article>)/g)].map((m) =>
        m[0].replace(
          /<svg[^>]*class="exercise-picture exercise-drawing"[\s\S]*?<\/svg>|<img class="exercise-picture exercise-drawing"[^>]*\/>/g,
          "[drawing]",
        ),
      );
    expect(exercises(preview)).toEqual(exercises(phone));
    expect(exercises(preview)).toHaveLength(10);
    expect(preview).toContain("From your clinician:");
  });
});
