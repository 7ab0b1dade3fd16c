import { escapeHtml } from '@hashchat/core/text/render';

export interface Bar {
  label: string;
  value: number;
  /** The instant the label is a clock time of, in `zone`: the page's script shows it in the reader's zone. */
  at?: { iso: string; zone: string };
}

export interface BarChart {
  /** Unique on the page: ids of its title and description derive from it. */
  id: string;
  title: string;
  description: string;
  bars: Bar[];
  /** Show every n-th label on the x axis (others are left out to stay legible); default: fit about 12. */
  labelEvery?: number;
}

const W = 640;
const H = 220;
const PAD = { top: 16, right: 8, bottom: 28, left: 40 };

/**
 * A static SVG bar chart: no script, no external resources, colours from the page's CSS
 * (`currentColor` when read on its own). Its title and description name it for screen
 * readers; the page puts a table with the same figures next to it.
 */
export function svgBarChart(c: BarChart): string {
  const max = Math.max(1, ...c.bars.map((b) => b.value));
  const plotW = W - PAD.left - PAD.right;
  const plotH = H - PAD.top - PAD.bottom;
  const step = c.bars.length === 0 ? plotW : plotW / c.bars.length;
  const barW = Math.max(1, step * 0.8);
  const every = c.labelEvery ?? Math.max(1, Math.ceil(c.bars.length / 12));
  const f = (n: number) => Number(n.toFixed(1));
  const parts: string[] = [];
  parts.push(
    `<svg class="chart" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${W} ${H}" role="img" aria-labelledby="${c.id}-title ${c.id}-desc" data-chart="${escapeHtml(c.id)}">`,
    `<title id="${c.id}-title">${escapeHtml(c.title)}</title>`,
    `<desc id="${c.id}-desc">${escapeHtml(c.description)}</desc>`,
    `<g class="axis" fill="currentColor" font-size="11" font-family="system-ui, sans-serif">`,
    `<text x="${PAD.left - 6}" y="${PAD.top + 4}" text-anchor="end">${max}</text>`,
    `<text x="${PAD.left - 6}" y="${PAD.top + plotH}" text-anchor="end">0</text>`,
    `<line x1="${PAD.left}" y1="${PAD.top + plotH}" x2="${W - PAD.right}" y2="${PAD.top + plotH}" stroke="currentColor" stroke-width="1"/>`,
  );
  c.bars.forEach((b, i) => {
    if (i % every === 0)
      parts.push(
        `<text x="${f(PAD.left + i * step + step / 2)}" y="${H - 8}" text-anchor="middle"${b.at ? ` data-at="${escapeHtml(b.at.iso)}" data-zone="${escapeHtml(b.at.zone)}"` : ''}>${escapeHtml(b.label)}</text>`,
      );
  });
  parts.push('</g><g class="bars" fill="currentColor">');
  c.bars.forEach((b, i) => {
    const h = (b.value / max) * plotH;
    parts.push(
      `<rect x="${f(PAD.left + i * step + (step - barW) / 2)}" y="${f(PAD.top + plotH - h)}" width="${f(barW)}" height="${f(h)}"><title>${escapeHtml(`${b.label}: ${b.value}`)}</title></rect>`,
    );
  });
  parts.push('</g></svg>');
  return parts.join('');
}
