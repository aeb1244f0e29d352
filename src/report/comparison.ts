import type { Config } from '../config/schema.js';
import { compareFigures, comparisonSentence, figuresOf, pastYearFigures, suppressFigures } from './compare.js';
import type { ComparedFigures, Report } from './types.js';

/**
 * The report with its 前年度同期比較 (SPEC §15): the previous year's figures (from a report of its
 * same months, or a --compare file), each figure's change, and the comparison sentence after the
 * others. Under suppression the previous year's small counts are hidden as the report's own are,
 * and a change is hidden whenever either side is; the sentence is left out when a total is.
 */
export function withComparison(
  report: Report,
  previous: Report | ComparedFigures,
  config: Config,
  suppressBelow: number | undefined,
): Report {
  const raw = 'kind' in previous ? pastYearFigures(previous) : previous;
  const before = suppressBelow === undefined ? raw : suppressFigures(raw, suppressBelow, report.intake.categoryMode === 'multiple');
  const now = figuresOf(report);
  const sentence = comparisonSentence(now, before, config.sentences.comparison, config.program);
  // Left out for a hidden total: the report says that a sentence was (SPEC §15).
  const leftOut = sentence === null && report.suppression !== undefined;
  return {
    ...report,
    previous: before,
    change: compareFigures(now, before),
    summary: sentence === null ? report.summary : [...report.summary, `${sentence}${report.periodNote}`],
    ...(leftOut ? { suppression: { ...report.suppression!, sentences: 'reworded' as const } } : {}),
  };
}
