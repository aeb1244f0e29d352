import type { Kind } from '../records/kinds.js';

/** Counts keyed by config label, in config order. `null` is a count hidden by --suppress-below. */
export type LabelCounts = Record<string, number | null>;

export interface IntakeMonthRow {
  month: string;
  label: string;
  total: number | null;
  channel: LabelCounts;
  category: LabelCounts;
  outcome: LabelCounts;
}

export interface IntakeTotalRow {
  total: number | null;
  channel: LabelCounts;
  category: LabelCounts;
  outcome: LabelCounts;
}

export interface IbashoMonthRow {
  month: string;
  label: string;
  sessions: LabelCounts;
  participants: LabelCounts;
}

export interface DistributionMonthRow {
  month: string;
  label: string;
  count: LabelCounts;
}

export interface TargetResult {
  id: string;
  label: string;
  metric: string;
  unit: string;
  target: number;
  actual: number;
  result: number;
  projected: boolean;
  /** result / target; null when the target is 0. */
  achievement: number | null;
  evaluation: string | null;
}

export interface Ledger {
  read: number;
  blank: number;
  duplicate: number;
  rejected: number;
  outOfPeriod: number;
  counted: number;
}

/**
 * Everything a report says, built once and rendered by every format. Its JSON form is the
 * contract of SPEC §10; the extra keys (program, organization, periodNote, excluded, months of
 * the gatherings and handouts) are additions that renderers share.
 */
export interface Report {
  kind: 'monthly' | 'annual';
  program: string;
  organization: string;
  fiscalYear: number;
  fiscalYearLabel: string;
  startMonth: string;
  asOf: string;
  /** （R4年2月までの累計） */
  periodNote: string;
  intake: {
    months: IntakeMonthRow[];
    total: IntakeTotalRow;
  };
  ibasho: {
    sessions: number;
    participants: number;
    venues: { venue: string; sessions: number; participants: number }[];
    months: IbashoMonthRow[];
  };
  distribution: {
    count: number;
    locations: { location: string; count: number }[];
    months: DistributionMonthRow[];
  };
  targets: TargetResult[];
  summary: string[];
  ledger: Record<Kind, Ledger>;
  /** Present when --skip-invalid left rows or tables out. */
  excluded?: { rows: number; tables: number };
}
