import { Text, View } from "@react-pdf/renderer";
import type { HandoutDay, HandoutExercise, HandoutPayload } from "../types";
import { pagePoints } from "./block-layout";
import { colors, sizesFor, type Sizes } from "./styles";

/** The most tick boxes a day's cell holds: a dose is done at most three times a day. */
const maxTicks = 3;
/** Space round a tick box (margin on each side), and inside a day's column (its border and some air). */
const boxMargin = 1;
const columnInset = 4;

/** The side of a tick box: as big as `largest`, or as big as `ticks` boxes side by side fit in a column. */
export function tickBoxSize(column: number, ticks: number, largest: number): number {
  const n = Math.min(maxTicks, Math.max(1, ticks));
  return Math.min(largest, Math.floor((column - columnInset) / n - boxMargin * 2));
}

/** The diary's tables: both weeks in one, or in large print a week each, so the boxes stay big enough to tick. */
export function trackingTables(payload: HandoutPayload): HandoutDay[][] {
  return payload.largePrint && payload.trackingDays.length > 7
    ? [payload.trackingDays.slice(0, 7), payload.trackingDays.slice(7)]
    : [payload.trackingDays];
}

type TrackingSheetProps = { payload: HandoutPayload; days: HandoutDay[]; week: number | null; first: boolean; last: boolean };

/**
 * The last pages: a grid the patient ticks by hand, one row per exercise and one column per day for two
 * weeks. An exercise done twice a day gets two boxes a day, so the sheet asks exactly what the dose says;
 * three a day still fit one row. Laid out on a landscape page, where fourteen columns leave room for the
 * exercise names. One <Page> a table (see trackingTables), titled on the first, with notes on the last.
 */
export function TrackingSheet({ payload, days, week, first, last }: TrackingSheetProps) {
  const s = sizesFor(payload.largePrint);
  const exercises = payload.sections.flatMap((section) => section.exercises);
  const nameWidth = payload.largePrint ? 250 : 225;
  const columns = Math.max(1, ...trackingTables(payload).map((table) => table.length));
  const column = (pagePoints[payload.paper].height - s.margin * 2 - nameWidth) / columns;
  const box = (ticks: number) => tickBoxSize(column, ticks, payload.largePrint ? 18 : 13);
  return (
    <View>
      {first ? (
        <View>
          <Text style={{ fontSize: s.title * 0.85, fontWeight: "bold", lineHeight: 1.2 }}>Exercise diary</Text>
          <Text style={{ color: colors.soft, marginTop: 2, marginBottom: s.gap * 1.5 }}>
            {/* Whose sheet it is goes in the footer, as on every page. */}
            Tick a box each time you do an exercise, and bring this sheet to your next appointment.
          </Text>
        </View>
      ) : null}
      <WeekTable week={week} days={days} exercises={exercises} sizes={s} nameWidth={nameWidth} box={box} largePrint={payload.largePrint} />
      {/* Room for what the patient wants to tell the clinician: it is easier to write it down than remember it. */}
      {last ? (
        <View wrap={false} style={{ marginTop: s.gap }}>
          <Text style={{ fontWeight: "bold", color: colors.brandStrong }}>Notes for your next appointment</Text>
          {[0, 1].map((line) => (
            <View
              key={line}
              style={{ height: s.body * (payload.largePrint ? 1.8 : 2), borderBottomWidth: 0.75, borderBottomColor: colors.line }}
            />
          ))}
        </View>
      ) : null}
    </View>
  );
}

type WeekTableProps = {
  week: number | null;
  days: HandoutDay[];
  exercises: HandoutExercise[];
  sizes: Sizes;
  nameWidth: number;
  box: (ticks: number) => number;
  largePrint: boolean;
};

/** One table of the diary (one week, or both): a header row of dates, repeated on every page it runs over, and a row per exercise. */
function WeekTable({ week, days, exercises, sizes: s, nameWidth, box, largePrint }: WeekTableProps) {
  // A day's column; a stronger line between the two weeks when both are in one table.
  const cell = (day: number) => ({
    flex: 1,
    borderLeftWidth: day === 7 ? 1.5 : 0.75,
    borderLeftColor: day === 7 ? colors.brand : colors.line,
    alignItems: "center" as const,
    justifyContent: "center" as const,
    paddingVertical: 4,
  });
  return (
    <View>
      <View fixed style={{ flexDirection: "row", borderBottomWidth: 1.5, borderBottomColor: colors.brand }}>
        <View style={{ width: nameWidth, justifyContent: "flex-end", paddingBottom: 4 }}>
          {/* A table a week (large print) names its week where the other table has its column label. */}
          {week ? (
            <Text style={{ fontSize: s.section, fontWeight: "bold", color: colors.brandStrong }}>{`Week ${week}`}</Text>
          ) : (
            <Text style={{ fontSize: s.small, color: colors.faint }}>Exercise</Text>
          )}
        </View>
        {days.map((day, i) => (
          <View key={i} style={{ ...cell(i), borderLeftWidth: i === 7 ? 1.5 : 0, paddingVertical: 3 }}>
            <Text style={{ fontSize: s.small, color: colors.faint }}>{day.weekday}</Text>
            <Text style={{ fontSize: s.body, fontWeight: "bold", lineHeight: 1.1 }}>{day.day}</Text>
            <Text style={{ fontSize: s.small, color: colors.faint }}>{day.month}</Text>
          </View>
        ))}
      </View>
      {exercises.map((exercise, r) => (
        <View
          key={exercise.number}
          wrap={false}
          style={{
            flexDirection: "row",
            minHeight: largePrint ? 30 : 24,
            borderBottomWidth: 0.75,
            borderBottomColor: colors.line,
            backgroundColor: r % 2 === 1 ? "#f5f7f9" : "#ffffff",
          }}
        >
          <View style={{ width: nameWidth, flexDirection: "row", alignItems: "flex-start", paddingRight: 6, paddingVertical: 4 }}>
            <Text style={{ width: s.body * 1.9, fontWeight: "bold", color: colors.brand, lineHeight: 1.2 }}>{`${exercise.number}.`}</Text>
            <Text style={{ flex: 1, lineHeight: 1.2 }}>{exercise.name}</Text>
          </View>
          {days.map((_, d) => (
            <View key={d} style={{ ...cell(d), flexDirection: "row" }}>
              {Array.from({ length: Math.min(maxTicks, exercise.ticksPerDay) }, (_, t) => (
                <View
                  key={t}
                  style={{
                    width: box(exercise.ticksPerDay),
                    height: box(exercise.ticksPerDay),
                    borderWidth: 1,
                    borderColor: colors.soft,
                    borderRadius: 2,
                    margin: boxMargin,
                    backgroundColor: "#ffffff",
                  }}
                />
              ))}
            </View>
          ))}
        </View>
      ))}
    </View>
  );
}
