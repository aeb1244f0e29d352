import { displayWidth } from '../text.js';
import { cellString, gridNotes, isNumericColumn, type Grid } from './grid.js';

export const HIDDEN_FILL = '#c8c8c8';
export const PALETTE = ['#4e79a7', '#f28e2b', '#59a14f', '#e15759', '#76b7b2', '#edc948', '#b07aa1', '#ff9da7', '#9c755f', '#bab0ac'];

/** Escapes text for HTML content and attribute values. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/gu, (ch) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[ch]!);
}

export function gridHtml(grid: Grid, symbol = 'x'): string {
  const numeric = grid.headers.map((_, i) => isNumericColumn(grid, i));
  const groups = grid.groups
    ? `<tr>${grid.groups.map((g) => `<th colspan="${g.span}" class="group">${escapeHtml(g.title)}</th>`).join('')}</tr>`
    : '';
  const head = `<tr>${grid.headers.map((h) => `<th>${escapeHtml(h)}</th>`).join('')}</tr>`;
  const body = grid.rows
    .map(
      (row) =>
        `<tr${row.total ? ' class="total"' : ''}>${row.cells
          .map((c, i) => `<td${numeric[i] ? ' class="num"' : ''}>${escapeHtml(cellString(c, symbol))}</td>`)
          .join('')}</tr>`,
    )
    .join('\n');
  const notes = gridNotes(grid)
    .map((note) => `<p class="note">${escapeHtml(note)}</p>`)
    .join('');
  return `<table><thead>${groups}${head}</thead><tbody>\n${body}\n</tbody></table>${notes}`;
}

export function legend(keys: { label: string; colour: string }[]): string {
  return `<p class="legend">${keys.map((k) => `<span><i style="background:${k.colour}"></i>${escapeHtml(k.label)}</span>`).join('')}</p>`;
}

export function figure(caption: string, svg: string, extra = ''): string {
  return `<figure><figcaption>${escapeHtml(caption)}</figcaption>${svg}${extra}</figure>`;
}

export interface BarChart {
  caption: string;
  /** data-chart of each bar, for tests and for styling. */
  chart: string;
  bars: { label: string; value: number | null }[];
  /**
   * What a full-length bar stands for: the whole the shares are of (no bars when it is hidden or 0:
   * a share would give it back), or the largest bar.
   */
  whole: number | null | 'largest';
  /** The text beside a bar: its count, and its share when there is a whole. */
  text: (value: number, share: number | null) => string;
  /** What a hidden count is printed as (the suppression symbol); x when not given. */
  symbol?: string;
}

/**
 * One horizontal bar per label (主訴, an attribute's labels, support types), as long as its share
 * of the whole or of the largest. A hidden count is not drawn: its row says the symbol (x). The label column is
 * as wide as the longest label, so that none is cut off at the left edge.
 */
export function barChart({ caption, chart, bars, whole, text, symbol = 'x' }: BarChart): string {
  const width = 760;
  const rowHeight = 24;
  // 12px text: about 6.5px per display column of a label.
  const left = Math.max(110, Math.ceil(Math.max(0, ...bars.map((b) => displayWidth(b.label))) * 6.5) + 16);
  const barMax = width - left - 120;
  const height = bars.length * rowHeight + 10;
  const largest = Math.max(1, ...bars.map((b) => b.value ?? 0));
  const rows = bars
    .map(({ label, value }, i) => {
      const y = 5 + i * rowHeight;
      const share = value !== null && whole !== 'largest' && whole ? value / whole : null;
      const length = whole === 'largest' ? (value === null ? null : value / largest) : share;
      const bar =
        length === null
          ? ''
          : `<rect x="${left}" y="${y + 4}" width="${(length * barMax).toFixed(1)}" height="${rowHeight - 8}" fill="${PALETTE[i % PALETTE.length]}" data-chart="${chart}" data-series="${escapeHtml(label)}" data-value="${value}"/>`;
      const said = value === null ? symbol : text(value, share);
      return `<text x="${left - 6}" y="${y + rowHeight / 2 + 4}" text-anchor="end">${escapeHtml(label)}</text>${bar}<text x="${left + (length ?? 0) * barMax + 6}" y="${y + rowHeight / 2 + 4}" class="value">${escapeHtml(said)}</text>`;
    })
    .join('\n');
  return figure(
    caption,
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" role="img" aria-label="${escapeHtml(caption)}">${rows}</svg>`,
  );
}
