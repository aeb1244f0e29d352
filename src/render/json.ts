import type { PeopleRow, Report, SupportFigures, SuppressionNote } from '../report/types.js';

const peopleRow = ({ clients, new: fresh, withoutId }: Omit<PeopleRow, 'month'>) => ({ clients, new: fresh, withoutId });

/**
 * The intake in the key order of SPEC §10 and §14: people, attributes and the category mode only
 * when the logs and config give them, so that a log without the new columns gives today's JSON.
 */
function intakeJson({ months, total, people, attributes, categoryMode }: Report['intake']): Record<string, unknown> {
  return {
    months,
    total,
    ...(people
      ? {
          people: {
            months: people.months.map((m) => ({ month: m.month, ...peopleRow(m) })),
            total: peopleRow(people.total),
            // A combined report's people (SPEC §15): 団体間の重複を含む.
            ...(people.note ? { note: people.note } : {}),
          },
        }
      : {}),
    ...(attributes
      ? {
          attributes: attributes.map(({ id, label, total, months }) => ({
            id,
            label,
            total,
            months: months.map(({ month, label, counts }) => ({ month, label, counts })),
          })),
        }
      : {}),
    ...(categoryMode ? { categoryMode } : {}),
  };
}

/** 支援記録 as SPEC §14 writes it, with the period's count per type beside its total. */
function supportJson({ total, type, months, byAgency }: SupportFigures): Record<string, unknown> {
  return {
    total,
    type,
    months: months.map(({ month, label, total, type }) => ({ month, label, total, type })),
    byAgency: byAgency.map(({ agency, total, type }) => ({ agency, total, type })),
  };
}

/** `suppression` as SPEC §11 and §15 write it: where the threshold was set is the report's own note, not the contract. */
function suppressionJson({ below, symbol, attributes, sentences }: SuppressionNote): Record<string, unknown> {
  return { below, symbol, ...(attributes ? { attributes } : {}), ...(sentences ? { sentences } : {}) };
}

/** The stable JSON of SPEC §10: its keys first, in the spec's order, then this tool's additions. */
export function renderJson(report: Report): string {
  const { kind, fiscalYear, fiscalYearLabel, startMonth, asOf, intake, ibasho, distribution, support, targets, summary, ledger, inputs } =
    report;
  const ordered = {
    kind,
    fiscalYear,
    fiscalYearLabel,
    startMonth,
    asOf,
    intake: intakeJson(intake),
    ibasho,
    distribution,
    ...(support ? { support: supportJson(support) } : {}),
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
    ...(report.suppression ? { suppression: suppressionJson(report.suppression) } : {}),
    ...(report.sources ? { sources: report.sources, combined: report.combined } : {}),
  };
  return `${JSON.stringify(ordered, null, 2)}\n`;
}
