import { comparisonGrids } from './compare-grids.js';
import type { LabelCounts, Report } from '../report/types.js';
import type { RenderOptions } from './formats.js';
import { distributionGrid, hiddenSymbol, ibashoGrid, intakeGrid, partWords, targetGrid, type Grid } from './grid.js';
import { barChart, escapeHtml, figure, gridHtml, HIDDEN_FILL, legend, PALETTE } from './html-blocks.js';
import { intakePartsHtml, sourcesHtml, supportHtml } from './html-parts.js';
import { reportNotes, reportTitle, summaryNote, targetTexts } from './text.js';

export { escapeHtml };

/**
 * Monthly consultations, one bar per month stacked by channel. Counts hidden by --suppress-below
 * are drawn together as one grey segment — the month total less the shown counts, which the
 * table already gives away — so that every bar is as tall as its total.
 */
function channelChart(report: Report): string {
  const months = report.intake.months;
  const channels = Object.keys(report.intake.total.channel);
  const width = 760;
  const height = 260;
  const left = 40;
  const bottom = 30;
  const shownSum = (m: (typeof months)[number]): number => Object.values(m.channel).reduce<number>((a, b) => a + (b ?? 0), 0);
  const max = Math.max(1, ...months.map((m) => Math.max(m.total ?? 0, shownSum(m))));
  const slot = (width - left) / Math.max(1, months.length);
  const barWidth = Math.min(48, slot * 0.6);
  // Room above the tallest bar for its total.
  const scale = (height - bottom - 24) / max;
  let anyHidden = false;
  const bars = months
    .map((m, i) => {
      let y = height - bottom;
      const x = left + i * slot + (slot - barWidth) / 2;
      const rect = (value: number, fill: string, attributes: string, title: string): string => {
        const h = value * scale;
        y -= h;
        return `<rect x="${x.toFixed(1)}" y="${y.toFixed(1)}" width="${barWidth.toFixed(1)}" height="${h.toFixed(1)}" fill="${fill}" ${attributes}><title>${escapeHtml(title)}</title></rect>`;
      };
      const segments = channels
        .map((channel, c) => {
          const value = m.channel[channel];
          if (value === null || value === undefined || value === 0) return '';
          return rect(
            value,
            PALETTE[c % PALETTE.length]!,
            `data-chart="channels" data-month="${m.month}" data-series="${escapeHtml(channel)}" data-value="${value}"`,
            `${m.label} ${channel}: ${value}件`,
          );
        })
        .join('');
      const hidden = m.total === null ? 0 : m.total - shownSum(m);
      if (hidden > 0) anyHidden = true;
      const hiddenSegment =
        hidden > 0
          ? rect(hidden, HIDDEN_FILL, `data-chart="channels-hidden" data-month="${m.month}"`, `${m.label} 非公表の計: ${hidden}件`)
          : '';
      const label = `<text x="${(x + barWidth / 2).toFixed(1)}" y="${height - bottom + 16}" text-anchor="middle">${escapeHtml(m.label)}</text>`;
      const total = m.total === null ? hiddenSymbol(report) : String(m.total);
      const totalLabel = `<text x="${(x + barWidth / 2).toFixed(1)}" y="${(y - 4).toFixed(1)}" text-anchor="middle" class="value">${total}</text>`;
      return segments + hiddenSegment + label + totalLabel;
    })
    .join('\n');
  const axis = `<line x1="${left}" y1="${height - bottom}" x2="${width}" y2="${height - bottom}" stroke="#888"/>`;
  const keys = channels.map((label, i) => ({ label, colour: PALETTE[i % PALETTE.length]! }));
  if (anyHidden) keys.push({ label: '非公表（少数のため伏せた件数の計）', colour: HIDDEN_FILL });
  return figure(
    '月別の相談件数（受付方法別）',
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" role="img" aria-label="月別の相談件数">${axis}${bars}</svg>`,
    legend(keys),
  );
}

/** Complaint categories as shares of all consultations, one horizontal bar each. */
function categoryChart(report: Report): string {
  const counts: LabelCounts = report.intake.total.category;
  return barChart({
    caption: '主訴の割合',
    chart: 'categories',
    bars: Object.keys(counts).map((label) => ({ label, value: counts[label] ?? null })),
    whole: report.intake.total.total,
    text: (value, share) => `${value}件${share === null ? '' : `（${Math.round(share * 100)}%）`}`,
    symbol: hiddenSymbol(report),
  });
}

/** Each target against its result (or projection), as paired bars. */
function targetChart(report: Report): string {
  if (report.targets.length === 0) return '';
  const width = 760;
  const left = 200;
  const barMax = width - left - 150;
  const group = 54;
  const height = report.targets.length * group + 10;
  const rows = report.targets
    .map((t, i) => {
      const max = Math.max(t.target, t.result ?? 0, 1);
      const y = 5 + i * group;
      const bar = (value: number | null, offset: number, color: string, kind: string, label: string): string =>
        value === null
          ? `<text x="${left}" y="${y + offset + 13}" class="value">${escapeHtml(`${label}: ${hiddenSymbol(report)}`)}</text>`
          : `<rect x="${left}" y="${y + offset}" width="${((value / max) * barMax).toFixed(1)}" height="18" fill="${color}" data-chart="targets" data-target="${escapeHtml(t.id)}" data-series="${kind}" data-value="${value}"/><text x="${(left + (value / max) * barMax + 6).toFixed(1)}" y="${y + offset + 13}" class="value">${escapeHtml(`${label} ${value}${t.unit}`)}</text>`;
      return `<text x="${left - 6}" y="${y + 22}" text-anchor="end">${escapeHtml(t.label)}</text>${bar(t.target, 0, '#bab0ac', 'target', '目標')}${bar(t.result, 22, '#4e79a7', 'result', t.projected ? '結果（見込）' : '結果')}`;
    })
    .join('\n');
  return figure(
    '目標と結果',
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" role="img" aria-label="目標と結果">${rows}</svg>`,
  );
}

const STYLE = `
@page { size: A4 landscape; margin: 12mm; }
body { font-family: "Hiragino Sans", "Yu Gothic", "Meiryo", "Noto Sans CJK JP", "IPAGothic", sans-serif; color: #222; margin: 24px; }
h1 { font-size: 20px; margin: 0 0 8px; }
h2 { font-size: 16px; border-left: 4px solid #4e79a7; padding-left: 8px; margin: 24px 0 8px; break-after: avoid; }
table { border-collapse: collapse; font-size: 12px; margin: 4px 0; }
th, td { border: 1px solid #999; padding: 2px 6px; white-space: nowrap; }
th { background: #e8eef7; font-weight: 600; }
th.group { text-align: center; }
td.num { text-align: right; font-variant-numeric: tabular-nums; }
tr.total td { font-weight: 700; background: #f3f3f3; }
p.note { font-size: 12px; margin: 2px 0 12px; }
.notice { background: #fff4d6; border: 1px solid #e0c36a; padding: 6px 10px; font-size: 13px; }
figure { margin: 8px 0 16px; break-inside: avoid; }
figcaption { font-weight: 600; font-size: 14px; margin-bottom: 4px; }
svg text { font-size: 12px; fill: #222; }
svg text.value { fill: #444; }
.legend span { margin-right: 14px; font-size: 12px; }
.legend i { display: inline-block; width: 10px; height: 10px; margin-right: 4px; vertical-align: middle; }
ul.summary li { margin: 4px 0; }
p.target { margin: 4px 0; font-size: 14px; }
p.year { margin: 0 0 4px; font-size: 13px; }
section { break-inside: avoid-page; }
`;

/** One self-contained printable page: tables, targets, summary and inline SVG charts; no script, no network. */
export function renderHtml(report: Report, options: RenderOptions = {}): string {
  const words = partWords(options.lang);
  const symbol = hiddenSymbol(report);
  const table = (grid: Grid): string => gridHtml(grid, symbol);
  const title = reportTitle(report);
  const parts: string[] = [`<h1>${escapeHtml(title)}</h1>`];
  for (const note of reportNotes(report)) parts.push(`<p class="notice">${escapeHtml(note)}</p>`);
  if (report.kind === 'annual' && report.targets.length > 0) {
    parts.push(
      `<section><h2>目的・目標</h2>${targetTexts(report)
        .map((text) => `<p class="target">${escapeHtml(text)}</p>`)
        .join('')}${table(targetGrid(report))}${targetChart(report)}</section>`,
    );
  }
  const intake = intakeGrid(report, words);
  parts.push(
    `<section><h2>${escapeHtml(intake.title)}</h2><p class="year">${escapeHtml(report.fiscalYearLabel)}</p>${table(intake)}</section>`,
  );
  // Under the table, as the seed prints them, in the month-end report too (SPEC §8).
  const summaryNoteHtml = summaryNote(report);
  parts.push(
    `<section><h2>まとめ</h2><ul class="summary">${report.summary.map((s) => `<li>${escapeHtml(s)}</li>`).join('')}</ul>${
      summaryNoteHtml === null ? '' : `<p class="note">${escapeHtml(summaryNoteHtml)}</p>`
    }</section>`,
  );
  parts.push(...sourcesHtml(report, words));
  parts.push(`<section><h2>グラフ</h2>${channelChart(report)}${categoryChart(report)}</section>`);
  parts.push(...intakePartsHtml(report, words));
  const ibasho = ibashoGrid(report);
  const distribution = distributionGrid(report);
  parts.push(`<section><h2>${escapeHtml(ibasho.title)}</h2>${table(ibasho)}</section>`);
  parts.push(`<section><h2>${escapeHtml(distribution.title)}</h2>${table(distribution)}</section>`);
  parts.push(...supportHtml(report, words));
  for (const grid of comparisonGrids(report)) parts.push(`<section><h2>${escapeHtml(grid.title)}</h2>${table(grid)}</section>`);
  return `<!doctype html>
<html lang="ja">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">
<title>${escapeHtml(title)}</title>
<style>${STYLE}</style>
</head>
<body>
${parts.join('\n')}
</body>
</html>
`;
}
