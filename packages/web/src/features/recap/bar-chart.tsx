import { useId } from 'react';
import { labelStride, niceMax, ticks } from './chart-scale';
import { useWidth } from './use-width';

export interface BarSeries {
  /** Named in the legend and in each bar's tooltip. */
  name: string;
  values: number[];
}

export interface BarChartProps {
  /** The accessible name (the SVG's `<title>`). */
  title: string;
  /** What the chart shows in a sentence or two (the SVG's `<desc>`). */
  description: string;
  categories: string[];
  /** One series draws plain bars; several draw a group per category. */
  series: BarSeries[];
  xLabel: string;
  yLabel: string;
  /** A category to mark (the peak minute), with the word written above its bar. */
  highlight?: { index: number; label: string } | null;
}

const H = 230;
const M = { top: 22, right: 12, bottom: 46, left: 52 };
const PLOT_H = H - M.top - M.bottom;

/**
 * A small bar chart drawn by hand as SVG: labelled axes, whole-number ticks, an optional mark
 * on one bar. It is an image to assistive technology (`role="img"`, named by its title and
 * described by its desc); the table beside it carries the numbers.
 */
export function BarChart({
  title,
  description,
  categories,
  series,
  xLabel,
  yLabel,
  highlight,
}: BarChartProps) {
  const id = useId();
  // Drawn at its real width, so its 12 px labels stay 12 px on any screen.
  const [boxRef, measured] = useWidth<HTMLDivElement>(640);
  const W = Math.max(280, measured);
  const PLOT_W = W - M.left - M.right;
  const titleId = `${id}-title`;
  const descId = `${id}-desc`;
  const max = niceMax(Math.max(0, ...series.flatMap((s) => s.values)));
  const band = categories.length > 0 ? PLOT_W / categories.length : PLOT_W;
  const groupWidth = Math.min(band * 0.8, 56 * series.length);
  const barWidth = groupWidth / Math.max(1, series.length);
  // Room for one label per ~64 px of axis.
  const stride = labelStride(categories.length, Math.max(2, Math.floor(PLOT_W / 64)));
  const y = (value: number) => M.top + PLOT_H - (value / max) * PLOT_H;
  return (
    <div ref={boxRef} className="bar-chart-box">
      <svg
        className="bar-chart"
        viewBox={`0 0 ${W} ${H}`}
        role="img"
        aria-labelledby={titleId}
        aria-describedby={descId}
      >
        <title id={titleId}>{title}</title>
        <desc id={descId}>{description}</desc>
        <g className="chart-grid">
          {ticks(max).map((t) => (
            <g key={t}>
              <line x1={M.left} x2={W - M.right} y1={y(t)} y2={y(t)} />
              <text x={M.left - 6} y={y(t)} dy="0.32em" textAnchor="end">
                {t}
              </text>
            </g>
          ))}
        </g>
        <text
          className="chart-axis-label"
          transform={`translate(14 ${M.top + PLOT_H / 2}) rotate(-90)`}
          textAnchor="middle"
        >
          {yLabel}
        </text>
        {categories.map((category, i) => {
          const x0 = M.left + i * band + (band - groupWidth) / 2;
          const marked = highlight?.index === i;
          return (
            // biome-ignore lint/suspicious/noArrayIndexKey: categories are positions on the axis
            <g key={i} className={marked ? 'chart-group chart-marked' : 'chart-group'}>
              {series.map((s, k) => {
                const value = s.values[i] ?? 0;
                return (
                  <rect
                    key={s.name}
                    className={`bar bar-s${k}`}
                    x={x0 + k * barWidth + 1}
                    y={y(value)}
                    width={Math.max(1, barWidth - 2)}
                    height={Math.max(0, M.top + PLOT_H - y(value))}
                  >
                    <title>
                      {`${category}: ${value} ${series.length > 1 ? s.name.toLowerCase() : ''}`.trim()}
                    </title>
                  </rect>
                );
              })}
              {marked && (
                <text
                  className="chart-mark"
                  x={x0 + groupWidth / 2}
                  y={y(Math.max(...series.map((s) => s.values[i] ?? 0))) - 6}
                  textAnchor="middle"
                >
                  {highlight.label}
                </text>
              )}
              {i % stride === 0 && (
                <text
                  className="chart-tick"
                  x={M.left + i * band + band / 2}
                  y={M.top + PLOT_H + 16}
                  textAnchor="middle"
                >
                  {category}
                </text>
              )}
            </g>
          );
        })}
        <line className="chart-axis" x1={M.left} x2={W - M.right} y1={M.top + PLOT_H} y2={M.top + PLOT_H} />
        <text className="chart-axis-label" x={M.left + PLOT_W / 2} y={H - 6} textAnchor="middle">
          {xLabel}
        </text>
      </svg>
    </div>
  );
}
