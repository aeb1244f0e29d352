import type { Config, LabelItem } from '../config/schema.js';
import type { InputEntry } from '../read/inputs.js';
import type { Collected } from '../records/collect.js';
import type { Period } from './period.js';
import { summarySentences } from './summary.js';
import type { TallyView } from '../records/tally.js';
import { metricValue, missingColumns, targetResult, targetsOfYear } from './targets.js';
import { attributeTables } from './attributes.js';
import { seedTitle, targetLines } from './wording.js';
import { buildLedger, rejectedInPeriod } from './ledger.js';
import { peopleFigures } from './people.js';
import { supportFigures } from './support.js';
import type { IntakeMonthRow, IntakeTotalRow, LabelCounts, Report } from './types.js';
import { fiscalYearLabel, monthLabel, periodNote } from './wareki.js';

export interface BuildOptions {
  kind: 'monthly' | 'annual';
  /** Set when --skip-invalid let a report through despite rejected rows or tables. */
  skipInvalid: boolean;
}

/** Turns the tallied records and the chosen period into the one Report every renderer prints. Pure. */
export function buildReport(
  tally: TallyView,
  collected: Collected,
  inputs: readonly InputEntry[],
  config: Config,
  period: Period,
  options: BuildOptions,
): Report {
  const inPeriod = new Set(period.months);
  const byLabel = (items: readonly LabelItem[], counts: readonly number[] | undefined): LabelCounts =>
    Object.fromEntries(items.map((item, i) => [item.label, counts?.[i] ?? 0]));

  const intakeMonths: IntakeMonthRow[] = period.months.map((month) => {
    const c = tally.intake.get(month);
    return {
      month,
      label: monthLabel(month),
      total: c?.total ?? 0,
      channel: byLabel(config.channels, c?.channel),
      category: byLabel(config.categories, c?.category),
      outcome: byLabel(config.outcomes, c?.outcome),
    };
  });
  const intakeTotal: IntakeTotalRow = {
    total: sum(intakeMonths.map((r) => r.total ?? 0)),
    channel: sumColumns(
      config.channels,
      intakeMonths.map((r) => r.channel),
    ),
    category: sumColumns(
      config.categories,
      intakeMonths.map((r) => r.category),
    ),
    outcome: sumColumns(
      config.outcomes,
      intakeMonths.map((r) => r.outcome),
    ),
  };

  const ibashoMonths = period.months.map((month) => {
    const c = tally.ibasho.get(month);
    return {
      month,
      label: monthLabel(month),
      sessions: byLabel(config.ibashoVenues, c?.sessions),
      sessionsTotal: sum(c?.sessions ?? []),
      participants: byLabel(config.ibashoVenues, c?.participants),
      participantsTotal: sum(c?.participants ?? []),
    };
  });
  const venueSessions = sumColumns(
    config.ibashoVenues,
    ibashoMonths.map((r) => r.sessions),
  );
  const venueParticipants = sumColumns(
    config.ibashoVenues,
    ibashoMonths.map((r) => r.participants),
  );
  const venues = config.ibashoVenues.map(({ label }) => ({
    venue: label,
    sessions: venueSessions[label] ?? 0,
    participants: venueParticipants[label] ?? 0,
  }));

  const distributionMonths = period.months.map((month) => {
    const counts = tally.distribution.get(month)?.count;
    return { month, label: monthLabel(month), count: byLabel(config.distributionLocations, counts), total: sum(counts ?? []) };
  });
  const locationCounts = sumColumns(
    config.distributionLocations,
    distributionMonths.map((r) => r.count),
  );
  const locations = config.distributionLocations.map(({ label }) => ({ location: label, count: locationCounts[label] ?? 0 }));

  const ledger = buildLedger(collected, tally, inPeriod);

  const figures = {
    periodNote: periodNote(period.asOf),
    intake: {
      months: intakeMonths,
      total: intakeTotal,
      ...optional('people', peopleFigures(collected.people, period.months)),
      // SPEC §14: keys only when the config asks for them, so that the seed's JSON gains none.
      ...optional('attributes', attributeTables(tally, config, period.months)),
      ...optional('categoryMode', config.categoriesMultiple ? ('multiple' as const) : null),
    },
    ibasho: {
      sessions: sum(venues.map((v) => v.sessions)),
      participants: sum(venues.map((v) => v.participants)),
      venues,
      months: ibashoMonths,
    },
    distribution: { count: sum(locations.map((l) => l.count)), locations, months: distributionMonths },
    // 支援記録 (SPEC §14): only when support records were read.
    ...optional('support', supportFigures(tally, period.months, config)),
  };

  // A target whose metric the logs cannot give (no 相談者ID column …) is left out, with a warning (SPEC §14).
  const targets = targetsOfYear(config.targets, period.fiscalYear)
    .filter((target) => missingColumns(target.metric, collected, tally, config, period.months).length === 0)
    .map((target) => targetResult(target, metricValue(target.metric, figures), period.months.length, period.monthsRemaining, config));
  const report: Report = {
    kind: options.kind,
    program: config.program,
    organization: config.organization,
    title: seedTitle(config),
    fiscalYear: period.fiscalYear,
    fiscalYearLabel: fiscalYearLabel(period.fiscalYear, config.fiscalYearStartMonth),
    startMonth: period.startMonth,
    asOf: period.asOf,
    ...figures,
    targets,
    targetLines: targets.map((t) => targetLines(t, config.evaluation)),
    summary: summarySentences({ ...figures, program: config.program }, config.sentences),
    ledger,
    inputs: inputs.map((entry) => ({ ...entry })),
    // SPEC §15: the 構成比 row only when the config asks for it, so that the seed's layout is unchanged.
    ...(config.showShares ? { showShares: true as const } : {}),
  };
  const rejectedRows = rejectedInPeriod(collected, inPeriod);
  if (options.skipInvalid && (rejectedRows > 0 || collected.failedTables > 0)) {
    report.excluded = { rows: rejectedRows, tables: collected.failedTables };
  }
  return report;
}

/** `{key: value}` when there is a value, else nothing: keys the data does not have stay out of the JSON (SPEC §14). */
function optional<K extends string, V>(key: K, value: V | null): { [k in K]?: V } {
  return (value === null ? {} : { [key]: value }) as { [k in K]?: V };
}

function sum(values: readonly number[]): number {
  return values.reduce((a, b) => a + b, 0);
}

function sumColumns(items: readonly LabelItem[], rows: readonly LabelCounts[]): Record<string, number> {
  return Object.fromEntries(items.map(({ label }) => [label, sum(rows.map((row) => row[label] ?? 0))]));
}
