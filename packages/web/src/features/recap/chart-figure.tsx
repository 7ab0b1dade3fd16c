import { type ReactNode, useId, useState } from 'react';

export interface ChartFigureProps {
  heading: string;
  /** A line under the heading: what is counted, how. */
  note?: ReactNode;
  /** The chart (an SVG image) … */
  chart: ReactNode;
  /** … and its table, always in the page for screen readers, shown on request for everyone. */
  table: ReactNode;
  /** A legend for charts with several series. */
  legend?: { name: string; className: string }[];
  /** Show the table from the start (it can still be hidden). */
  tableShown?: boolean;
}

/**
 * A chart with its table beside it. The table stays in the accessibility tree when "hidden"
 * (it is only visually hidden), so screen-reader users always have the numbers.
 */
export function ChartFigure({ heading, note, chart, table, legend, tableShown = false }: ChartFigureProps) {
  const [showTable, setShowTable] = useState(tableShown);
  const id = useId();
  const headingId = `${id}-heading`;
  const tableId = `${id}-table`;
  return (
    <figure className="chart-figure" aria-labelledby={headingId}>
      <figcaption>
        <h3 id={headingId}>{heading}</h3>
        {note && <p className="muted chart-note">{note}</p>}
      </figcaption>
      <div className="chart-pair">
        <div className="chart-box">
          {chart}
          {legend && legend.length > 1 && (
            <ul className="chart-legend" aria-hidden="true">
              {legend.map((l) => (
                <li key={l.name}>
                  <span className={`chart-swatch ${l.className}`} /> {l.name}
                </li>
              ))}
            </ul>
          )}
        </div>
        {/* Shown, it may scroll: a named region keyboard users can focus and scroll. */}
        <div
          id={tableId}
          className={showTable ? 'chart-table' : 'chart-table sr-only'}
          {...(showTable ? { tabIndex: 0, role: 'region', 'aria-labelledby': headingId } : {})}
        >
          {table}
        </div>
      </div>
      <button
        type="button"
        className="button button-quiet chart-toggle"
        aria-controls={tableId}
        onClick={() => setShowTable((open) => !open)}
      >
        {showTable ? 'Hide the table' : 'Show the numbers as a table'}
      </button>
    </figure>
  );
}
