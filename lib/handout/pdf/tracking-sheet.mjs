// @ts-check
import { Text, View } from "@react-pdf/renderer";
import { createElement as h } from "react";
import { colors, sizesFor } from "./styles.mjs";

/**
 * The last page: a grid the patient ticks by hand, one row per exercise and one column per day for two
 * weeks. An exercise done twice a day gets two boxes a day, so the sheet asks exactly what the dose says.
 * Laid out on a landscape page, where fourteen columns still leave room for the exercise names.
 * @param {{ payload: import("../types").HandoutPayload }} props
 */
export function TrackingSheet({ payload }) {
  const s = sizesFor(payload.largePrint);
  const box = payload.largePrint ? 14 : 12;
  const nameWidth = payload.largePrint ? 230 : 200;
  const exercises = payload.sections.flatMap((section) => section.exercises);
  /** A day's column; a stronger line between the two weeks. @returns {import("@react-pdf/renderer").Styles[string]} */
  const cell = (/** @type {number} */ day) => ({
    flex: 1,
    borderLeftWidth: day === 7 ? 1.5 : 0.75,
    borderLeftColor: day === 7 ? colors.brand : colors.line,
    alignItems: "center",
    justifyContent: "center",
    paddingVertical: 4,
  });

  const header = h(
    View,
    // Repeated at the top of every page when a long routine needs more than one.
    { fixed: true, style: { flexDirection: "row", borderBottomWidth: 1.5, borderBottomColor: colors.brand } },
    h(View, { style: { width: nameWidth, justifyContent: "flex-end", paddingBottom: 4 } }, h(Text, { style: { fontSize: s.small, color: colors.faint } }, "Exercise")),
    ...payload.trackingDays.map((day, i) =>
      h(
        View,
        { key: i, style: { ...cell(i), borderLeftWidth: i === 7 ? 1.5 : 0, paddingVertical: 3 } },
        h(Text, { style: { fontSize: s.small, color: colors.faint } }, day.weekday),
        h(Text, { style: { fontSize: s.body, fontWeight: "bold", lineHeight: 1.1 } }, day.day),
        h(Text, { style: { fontSize: s.small, color: colors.faint } }, day.month),
      ),
    ),
  );

  const rows = exercises.map((exercise, r) =>
    h(
      View,
      {
        key: exercise.number,
        wrap: false,
        style: {
          flexDirection: "row",
          minHeight: payload.largePrint ? 30 : 24,
          borderBottomWidth: 0.75,
          borderBottomColor: colors.line,
          backgroundColor: r % 2 === 1 ? "#f5f7f9" : "#ffffff",
        },
      },
      h(
        View,
        { style: { width: nameWidth, flexDirection: "row", alignItems: "center", paddingRight: 6, paddingVertical: 3 } },
        h(Text, { style: { width: s.body * 2.2, fontWeight: "bold", color: colors.brand, lineHeight: 1.2 } }, `${exercise.number}.`),
        h(Text, { style: { flex: 1, lineHeight: 1.2 } }, exercise.name),
      ),
      ...payload.trackingDays.map((_, d) =>
        h(
          View,
          { key: d, style: { ...cell(d), flexDirection: "row", flexWrap: "wrap" } },
          ...Array.from({ length: exercise.ticksPerDay }, (_, t) =>
            h(View, { key: t, style: { width: box, height: box, borderWidth: 1, borderColor: colors.soft, borderRadius: 2, margin: 1.5, backgroundColor: "#ffffff" } }),
          ),
        ),
      ),
    ),
  );

  return h(
    View,
    null,
    h(Text, { style: { fontSize: s.title * 0.85, fontWeight: "bold", lineHeight: 1.2 } }, "Exercise diary"),
    h(
      Text,
      { style: { color: colors.soft, marginTop: 2, marginBottom: s.gap * 1.5 } },
      `${payload.title}${payload.patientName ? ` · ${payload.patientName}` : ""}. Tick a box each time you do an exercise, and bring this sheet to your next appointment.`,
    ),
    header,
    ...rows,
    // Room for what the patient wants to tell the clinician: it is easier to write it down than remember it.
    h(
      View,
      { wrap: false, style: { marginTop: s.gap * 2.5 } },
      h(Text, { style: { fontWeight: "bold", color: colors.brandStrong } }, "Notes for your next appointment"),
      ...[0, 1, 2].map((line) => h(View, { key: line, style: { height: s.body * 2.2, borderBottomWidth: 0.75, borderBottomColor: colors.line } })),
    ),
  );
}
