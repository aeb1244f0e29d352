import type { Report } from '../report/types.js';

/** The stable JSON of SPEC §10: its keys first, in the spec's order, then this tool's additions. */
export function renderJson(report: Report): string {
  const { kind, fiscalYear, fiscalYearLabel, startMonth, asOf, intake, ibasho, distribution, targets, summary, ledger, inputs } = report;
  const ordered = {
    kind,
    fiscalYear,
    fiscalYearLabel,
    startMonth,
    asOf,
    intake,
    ibasho,
    distribution,
    targets,
    summary,
    ledger,
    inputs,
    program: report.program,
    organization: report.organization,
    periodNote: report.periodNote,
    ...(report.previous ? { previous: report.previous, change: report.change } : {}),
    ...(report.years ? { years: report.years } : {}),
    ...(report.revisions ? { revisions: report.revisions } : {}),
    ...(report.excluded ? { excluded: report.excluded } : {}),
    ...(report.suppression ? { suppression: report.suppression } : {}),
  };
  return `${JSON.stringify(ordered, null, 2)}\n`;
}
