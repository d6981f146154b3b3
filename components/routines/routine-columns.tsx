import { RowLink, type Column } from "@/components/ui/data-table";
import { formatDay, formatInstant } from "@/lib/dates/format";

type RoutineRow = { id: number; title: string; updatedAt: Date; reviewDate: string | null };

/** The columns every list of routines shows, each under the heading its page gives it. */
export const routineColumns = {
  title: (header: string): Column<RoutineRow> => ({ header, cell: (r) => <RowLink href={`/admin/routines/${r.id}`}>{r.title}</RowLink> }),
  reviewDate: (header: string): Column<RoutineRow> => ({
    header,
    cell: (r) => (r.reviewDate ? formatDay(r.reviewDate, "date") : <span className="muted">—</span>),
  }),
  lastChange: (header: string): Column<RoutineRow> => ({ header, cell: (r) => formatInstant(r.updatedAt, "date") }),
};
