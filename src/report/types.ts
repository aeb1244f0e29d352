import type { PerKind } from '../problems.js';
import type { InputEntry } from '../read/inputs.js';

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
  /** 構成比 (SPEC §15), set once the report's counts are final (after suppression). */
  share?: Shares;
}

/** Fractions of the period's total per label; null where the count (or the total) is hidden. */
export interface Shares {
  channel: Record<string, number | null>;
  category: Record<string, number | null>;
  outcome: Record<string, number | null>;
}

export interface IbashoMonthRow {
  month: string;
  label: string;
  sessions: LabelCounts;
  sessionsTotal: number | null;
  participants: LabelCounts;
  participantsTotal: number | null;
}

export interface DistributionMonthRow {
  month: string;
  label: string;
  count: LabelCounts;
  total: number | null;
}

/** People in a month or the period: `clients` and `withoutId` are null when no consultation carries an ID. */
export interface PeopleRow {
  month: string;
  clients: number | null;
  /** null only when hidden by --suppress-below. */
  new: number | null;
  withoutId: number | null;
}

export interface PeopleFigures {
  months: PeopleRow[];
  total: Omit<PeopleRow, 'month'>;
  /** A combined report's word on its people (団体間の重複を含む): each source counted its own, so one person may be in two. */
  note?: string;
}

/**
 * One configured attribute (年代, DV …) for the period and by month (SPEC §14). Labels in config
 * order, then the attribute's unknownLabel, then 「未記入」 for rows from tables without the column,
 * so that every row of the table sums to the consultations counted.
 */
export interface AttributeTable {
  id: string;
  /** The attribute's header as the config names it: 年代. */
  label: string;
  total: LabelCounts;
  months: { month: string; label: string; counts: LabelCounts }[];
}

/** Support actions (支援記録) of one month by type (config supportTypes order). */
export interface SupportMonthRow {
  month: string;
  label: string;
  total: number | null;
  type: LabelCounts;
}

/** 支援記録 for the period (SPEC §14): by month × type, and by agency × type. */
export interface SupportFigures {
  total: number | null;
  /** The period's count per type (the 合計 row of the month × type table). */
  type: LabelCounts;
  months: SupportMonthRow[];
  /** One row per config agency, then 「未記入」 for actions with no 連携先 (only when there are some). */
  byAgency: { agency: string; total: number | null; type: LabelCounts }[];
}

/**
 * The figures a year is compared by (SPEC §15 `previous`): the period's totals of every kind.
 * `null` counts are hidden by --suppress-below; `people` and `support` are null when the logs
 * (or the compared file) do not have them.
 */
export interface ComparedFigures {
  fiscalYear: number;
  startMonth: string;
  asOf: string;
  intake: { total: number | null; channel: LabelCounts; category: LabelCounts; outcome: LabelCounts };
  people: { clients: number | null; new: number | null } | null;
  ibasho: { sessions: number | null; participants: number | null };
  distribution: { count: number | null };
  support: { total: number | null } | null;
}

/** A difference and its ratio to the previous figure; ratio null when the previous is 0, both null when either side is hidden. */
export interface Change {
  diff: number | null;
  ratio: number | null;
}

/** A month the last release reported whose figures have changed since (`monthly --since`). */
export interface Revision {
  month: string;
  label: string;
  /** Each figure that changed, named as a metric (intake.channel.電話), with its count then and now. */
  changes: { figure: string; before: number; after: number }[];
}

/** One fiscal year's totals in `annual --years N`. */
export interface YearFigures extends ComparedFigures {
  fiscalYearLabel: string;
}

/** SPEC §15 `change`: every number of `previous` replaced by its change. */
export interface ComparedChange {
  intake: { total: Change; channel: Record<string, Change>; category: Record<string, Change>; outcome: Record<string, Change> };
  people: { clients: Change; new: Change } | null;
  ibasho: { sessions: Change; participants: Change };
  distribution: { count: Change };
  support: { total: Change } | null;
}

export interface TargetResult {
  id: string;
  label: string;
  metric: string;
  unit: string;
  target: number;
  /** null when the count is hidden by --suppress-below. */
  actual: number | null;
  result: number | null;
  projected: boolean;
  /** result / target; null when the target is 0 or the result is hidden. */
  achievement: number | null;
  evaluation: string | null;
}

/** A target as the seed words it, in the order of `targets` (not part of the JSON). */
export interface TargetLines {
  id: string;
  /** 「居場所」集会の開催：目標20回、結果：13回（見込）、達成度：65% */
  line: string;
  /** 評価：概ね達成された。 */
  evaluation: string;
}

export interface Ledger {
  read: number;
  blank: number;
  totalLine: number;
  duplicate: number;
  rejected: number;
  outOfPeriod: number;
  counted: number;
}

/**
 * Everything a report says, built once and rendered by every format. Its JSON form is the
 * contract of SPEC §10; the extra keys (program, organization, periodNote, excluded, months of
 * the gatherings and handouts) are additions that renderers share. `title` and `targetLines` are
 * wording for the renderers and stay out of the JSON.
 */
export interface Report {
  kind: 'monthly' | 'annual';
  program: string;
  organization: string;
  /** 高崎市 女性のためのつながり相談（累計）: the seed's title, over the cumulative table in every format. */
  title: string;
  fiscalYear: number;
  fiscalYearLabel: string;
  startMonth: string;
  asOf: string;
  /** （R4年2月までの累計） */
  periodNote: string;
  intake: {
    months: IntakeMonthRow[];
    total: IntakeTotalRow;
    /** 相談者数（実人数）, only when the logs have a 相談者ID or 新規/継続 column. */
    people?: PeopleFigures;
    /** One table per configured attribute; only when the config has attributes. */
    attributes?: AttributeTable[];
    /** Only with `categoriesMultiple: true`: category counts are then mentions (主訴（複数回答）). */
    categoryMode?: 'multiple';
  };
  ibasho: {
    sessions: number | null;
    participants: number | null;
    venues: { venue: string; sessions: number | null; participants: number | null }[];
    months: IbashoMonthRow[];
  };
  distribution: {
    count: number | null;
    locations: { location: string; count: number | null }[];
    months: DistributionMonthRow[];
  };
  /** Only when support records (支援記録) were read. */
  support?: SupportFigures;
  targets: TargetResult[];
  /** The seed's wording of each target; the JSON carries the figures in `targets` instead. */
  targetLines: TargetLines[];
  summary: string[];
  /** Per kind; `support` only when a 支援記録 table was read (SPEC §14). */
  ledger: PerKind<Ledger>;
  /** Every input file and what became of it. */
  inputs: InputEntry[];
  /** Present when --skip-invalid left rows or tables out. */
  excluded?: { rows: number; tables: number };
  /** 前年度同期 (SPEC §15): the same months a year earlier, from the records read or a --compare file. */
  previous?: ComparedFigures;
  /** Each figure's change against `previous`; present with it. */
  change?: ComparedChange;
  /** `monthly --since LAST.json`: the months already reported whose figures have changed; present with --since. */
  revisions?: Revision[];
  /** `annual --years N`: the totals of each fiscal year the records hold, oldest first, this one last. */
  years?: YearFigures[];
  /** Present when suppression (--suppress-below, or the config's `suppression.below`) hid small counts and the cells that would reveal them. */
  suppression?: SuppressionNote;
  /** The config's `showShares`: a 構成比 row under the cumulative table's 合計 (SPEC §15). Not part of the JSON. */
  showShares?: true;
  /** `combine` (SPEC §15): one row per report combined, in the order given. */
  sources?: SourceRow[];
  /** `combine`: what the reports combined did not share, said once in the report and on the terminal. */
  combined?: CombinedFacts;
}

/**
 * What a suppressed report says of its suppression (SPEC §11, §15). `attributes` lists the
 * attributes hidden under a stricter threshold of their own; `sentences` is there when a summary
 * sentence had to be worded without a hidden figure, or left out. `from` (not part of the JSON)
 * says whether the threshold came from the config or the command line.
 */
export interface SuppressionNote {
  below: number;
  symbol: string;
  attributes?: Record<string, number>;
  sentences?: 'reworded';
  from?: 'config';
}

/**
 * One report of a combined report (SPEC §15): its organisation and its period totals, with every
 * label of the combined tables (0 where its own config has no such label). `null` is hidden.
 */
export interface SourceRow {
  organization: string;
  total: number | null;
  channel: LabelCounts;
  category: LabelCounts;
  outcome: LabelCounts;
  ibasho: { sessions: number | null; participants: number | null };
  distribution: { count: number | null };
  /** Only when the combined report has people: 実人数 only when every source counts 相談者ID. */
  people?: { clients?: number | null; new: number | null };
  /** Only when the combined report has 支援記録. */
  support?: { total: number | null };
}

/** A table of a combined report whose labels the sources' configs give. */
export type CombinedTable = 'channel' | 'category' | 'outcome' | 'venue' | 'location' | 'supportType' | 'agency' | 'attribute';

/** What the reports combined did not share (each list names the organisations, in the order given). */
export interface CombinedFacts {
  /** Labels a source's config does not have: counted as 0 for it. `attribute` names the attribute of an attribute table. */
  missingLabels: { organization: string; table: CombinedTable; attribute?: string; labels: string[] }[];
  /** Attributes a source has no table of: its consultations counted under 未記入. */
  missingAttributes: { organization: string; attributes: string[] }[];
  /** Sources without people figures: 相談者数 left out of the combined report. */
  withoutPeople: string[];
  /** Sources whose people figures have no 相談者ID: 実人数 left out (新規 alone). */
  withoutClients: string[];
  /** Sources without 支援記録: support left out. */
  withoutSupport: string[];
}
