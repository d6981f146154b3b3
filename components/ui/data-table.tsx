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
  rowKey: (row: T) => Key;
  columns: readonly Column<T>[];
  /** The table's accessible name, when no heading names it. */
  label?: string;
  testId?: string;
  /** One full-width row shown when there are no rows (a page that shows an empty state instead leaves it out). */
  empty?: ReactNode;
};

/** The admin area's table: a horizontally scrolling frame, column headings with scope, one row per item. */
export function DataTable<T>({ rows, rowKey, columns, label, testId, empty }: Props<T>) {
  return (
    <div className="table-wrap">
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
          {rows.length === 0 && empty !== undefined && (
            <tr>
              <td colSpan={columns.length}>{empty}</td>
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
