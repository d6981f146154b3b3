import type { ReactNode } from "react";
import { DataTable, type Column } from "@/components/ui/data-table";
import { EmptyState } from "@/components/ui/empty-state";

type Props<T extends { id: number }> = {
  rows: readonly T[];
  columns: readonly Column<T>[];
  /** What to do when there are none yet, under "No routines yet". */
  emptyHint: ReactNode;
};

/** Every admin list of routines: one table named "Routines", or the same empty state when there are none. */
export function RoutineTable<T extends { id: number }>({ rows, columns, emptyHint }: Props<T>) {
  return (
    // Every row here has an id, so DataTable keys rows by it; TypeScript cannot see that through the generic T.
    <DataTable<{ id: number }>
      label="Routines"
      rows={rows}
      empty={
        <EmptyState title="No routines yet">
          <p>{emptyHint}</p>
        </EmptyState>
      }
      columns={columns as readonly Column<{ id: number }>[]}
    />
  );
}
