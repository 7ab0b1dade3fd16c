import type { ReactNode } from 'react';

export interface DataTableProps {
  caption: string;
  /** Column headings; the first column heads each row. */
  columns: string[];
  rows: { key: string; cells: ReactNode[] }[];
}

/** The numbers of a chart as a table: a caption, column headings, and a heading cell per row. */
export function DataTable({ caption, columns, rows }: DataTableProps) {
  return (
    <table className="data-table">
      <caption>{caption}</caption>
      <thead>
        <tr>
          {columns.map((c) => (
            <th key={c} scope="col">
              {c}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <tr key={row.key}>
            {row.cells.map((cell, i) =>
              i === 0 ? (
                // biome-ignore lint/suspicious/noArrayIndexKey: cells are positional columns
                <th key={i} scope="row">
                  {cell}
                </th>
              ) : (
                // biome-ignore lint/suspicious/noArrayIndexKey: cells are positional columns
                <td key={i}>{cell}</td>
              ),
            )}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
