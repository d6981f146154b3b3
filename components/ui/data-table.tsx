import Link from "next/link";
import type { Key, ReactNode } from "react";

export type Column<T> = {
  /** The column's heading; also what a screen reader announces for each cell. */
  header: string;
  /** Keep the heading for screen readers only (a picture or an actions column). */
  hideHeader?: boolean;
  cell: (row: T) => ReactNode;
};

type Props<T> = {
  rows: readonly T[];
  columns: readonly Column<T>[];
  /** The table's accessible name, when no heading names it. */
  label?: string;
  testId?: string;
  /** Shown instead of the table when there are no rows (an EmptyState that says what to do next). */
  empty?: ReactNode;
  /** Or: one full-width row inside the table when there are no rows. */
  emptyRow?: ReactNode;
} & (T extends { id: Key } ? { rowKey?: (row: T) => Key } : { rowKey: (row: T) => Key }); // rows with an id are keyed by it

/** The admin area's table: a horizontally scrolling frame (the page itself never scrolls sideways), column headings with scope, one row per item. */
export function DataTable<T>({ rows, columns, label, testId, empty, emptyRow, ...props }: Props<T>) {
  if (rows.length === 0 && empty !== undefined) return empty;
  const rowKey = props.rowKey ?? ((row: T) => (row as { id: Key }).id);
  return (
    // Focusable, so a keyboard can scroll a table wider than a phone inside its frame (WCAG 2.1.1).
    <div className="table-wrap" tabIndex={0} role={label ? "region" : undefined} aria-label={label}>
      <table className="table" aria-label={label} data-testid={testId}>
        <thead>
          <tr>
            {columns.map((column) => (
              <th scope="col" key={column.header}>
                {column.hideHeader ? <span className="visually-hidden">{column.header}</span> : column.header}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.length === 0 && emptyRow !== undefined && (
            <tr>
              <td colSpan={columns.length}>{emptyRow}</td>
            </tr>
          )}
          {rows.map((row) => (
            <tr key={rowKey(row)}>
              {columns.map((column) => (
                <td key={column.header}>{column.cell(row)}</td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** The link in a row's first cell to the item's own page, in the row's text colour. */
export function RowLink({ href, children }: { href: string; children: ReactNode }) {
  return (
    <Link className="row-link" href={href}>
      {children}
    </Link>
  );
}
