import type { ReportPartWords } from '../messages/types.js';
import type { Report } from '../report/types.js';
import type { Grid } from './grid.js';
import { barChart, escapeHtml, gridHtml } from './html-blocks.js';
import { hiddenSymbol, tenthPercentText } from './grid.js';
import { attributeGrids, peopleGrid, supportGrids } from './parts.js';
import { sourcesGrid } from './sources.js';

const section = (report: Report, grid: Grid, extra = ''): string =>
  `<section><h2>${escapeHtml(grid.title)}</h2>${gridHtml(grid, hiddenSymbol(report))}${extra}</section>`;

/**
 * 相談者数（実人数） and each attribute's tables; the first attribute (年代, as the docs set it up)
 * with a chart of its distribution over the period.
 */
export function intakePartsHtml(report: Report, words: ReportPartWords): string[] {
  const people = peopleGrid(report, words);
  const sections = people ? [section(report, people)] : [];
  (report.intake.attributes ?? []).forEach((attribute, i) => {
    const [period, months] = attributeGrids(report, attribute, words);
    const chart =
      i === 0
        ? barChart({
            caption: words.attribute.chart(attribute.label),
            chart: 'attribute',
            bars: Object.entries(attribute.total).map(([label, value]) => ({ label, value })),
            whole: report.intake.total.total,
            text: (value, share) => `${words.countText(value)}${share === null ? '' : `（${tenthPercentText(share)}）`}`,
            symbol: hiddenSymbol(report),
          })
        : '';
    sections.push(section(report, period, chart), section(report, months));
  });
  return sections;
}

/** 支援記録 by month and by agency, with the period's actions by type as a chart. */
export function supportHtml(report: Report, words: ReportPartWords): string[] {
  const grids = supportGrids(report, words);
  if (!grids || !report.support) return [];
  const chart = barChart({
    caption: words.support.chart,
    chart: 'support-types',
    bars: Object.entries(report.support.type).map(([label, value]) => ({ label, value })),
    whole: 'largest',
    text: (value) => words.countText(value),
    symbol: hiddenSymbol(report),
  });
  return [section(report, grids[0], chart), section(report, grids[1])];
}

/** A combined report's table by source, with each source's consultations as a share of the combined total. */
export function sourcesHtml(report: Report, words: ReportPartWords): string[] {
  const grid = sourcesGrid(report, words);
  if (!grid || !report.sources) return [];
  const chart = barChart({
    caption: words.sources.chart,
    chart: 'sources',
    bars: report.sources.map((s) => ({ label: s.organization, value: s.total })),
    whole: report.intake.total.total,
    text: (value, share) => `${words.countText(value)}${share === null ? '' : `（${tenthPercentText(share)}）`}`,
    symbol: hiddenSymbol(report),
  });
  return [section(report, grid, chart)];
}
