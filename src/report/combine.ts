import { DEFAULT_CONFIG } from '../config/default.js';
import type { Config } from '../config/schema.js';
import { combineFigures } from './combine-sum.js';
import { withShares } from './shares.js';
import { parseSourceReport, type SourceProblem, type SourceReport } from './source-json.js';
import { summarySentences } from './summary.js';
import { suppressReport } from './suppress.js';
import { suppressionFor } from './suppression.js';
import type { Report } from './types.js';
import { periodNote } from './wareki.js';
import { seedTitle } from './wording.js';

/** One of the tool's JSON reports to combine: the name it is known by (its file) and its parsed JSON. */
export interface CombineInput {
  file: string;
  json: unknown;
}

export interface CombineOptions {
  /**
   * A config given on purpose: its summary-sentence templates, municipality (in the title) and
   * suppression settings. Without one, the default's sentences and no municipality.
   */
  config?: Config;
  /** The name the combined report goes by (群馬県); else the sources' organisations joined with 「・」. */
  organization?: string;
  /** --suppress-below N, applied to the combined figures (else the config's `suppression.below`, if any). */
  suppressBelow?: number;
  /** --suppress-symbol: what a hidden count shows (else the config's, else x). */
  suppressSymbol?: string;
}

/** The report the others are checked against: the first that could be read. */
interface First {
  first: string;
}

/**
 * Without a config, the seed's sentences but for the handouts: the seed's names one council's
 * places (社会福祉協議会本所及び、各支所), which a prefecture's sum of several councils would misstate.
 */
const COMBINED_DEFAULT_CONFIG: Config = {
  ...DEFAULT_CONFIG,
  sentences: { ...DEFAULT_CONFIG.sentences, distribution: '生理用品の配布は、{locationsUsed}カ所で行い、累計{count}件の配布を行った。' },
};

/** Why a file cannot be combined, each worded where it is shown (CLI, browser app). */
export type CombineRefusal = {
  file: string;
  /** Its place among the inputs (a file given twice has two). */
  index: number;
} & RefusalReason;

type RefusalReason =
  | { reason: SourceProblem }
  /** The same file (or the same report under another name) given twice. */
  | ({ reason: 'same-file' } & First)
  | ({ reason: 'other-year'; fiscalYear: number; fiscalYearLabel: string; expected: number; expectedLabel: string } & First)
  | ({ reason: 'other-months'; startMonth: string; asOf: string; expected: { startMonth: string; asOf: string } } & First)
  /** 主訴 counted as mentions (categoriesMultiple) in one and as consultations in the other: they cannot be added. */
  | ({ reason: 'category-mode'; multiple: boolean } & First)
  /** Its organisation is another file's too (the same window twice, or two windows under one name). */
  | ({ reason: 'same-organization'; organization: string } & First)
  | { reason: 'no-organization' };

export type CombineResult = { ok: true; report: Report } | { ok: false; refusals: CombineRefusal[] };

interface Accepted {
  file: string;
  report: SourceReport;
  text: string;
  /** The organisations it holds: its own, or a combined report's sources. */
  organizations: string[];
}

/** Why `report` cannot stand beside those accepted so far, if it cannot. */
function clash(file: string, report: SourceReport, text: string, accepted: readonly Accepted[]): ({ file: string } & RefusalReason) | null {
  const twin = accepted.find((a) => a.file === file || a.text === text);
  if (twin) return { file, reason: 'same-file', first: twin.file };
  const first = accepted[0];
  if (first) {
    const expected = first.report;
    if (report.fiscalYear !== expected.fiscalYear)
      return {
        file,
        reason: 'other-year',
        fiscalYear: report.fiscalYear,
        fiscalYearLabel: report.fiscalYearLabel,
        expected: expected.fiscalYear,
        expectedLabel: expected.fiscalYearLabel,
        first: first.file,
      };
    if (report.startMonth !== expected.startMonth || report.asOf !== expected.asOf) {
      const { startMonth, asOf } = expected;
      return {
        file,
        reason: 'other-months',
        startMonth: report.startMonth,
        asOf: report.asOf,
        expected: { startMonth, asOf },
        first: first.file,
      };
    }
    if (report.intake.categoryMode !== expected.intake.categoryMode)
      return { file, reason: 'category-mode', multiple: report.intake.categoryMode === 'multiple', first: first.file };
  }
  const organizations = organizationsOf(report);
  if (organizations.some((o) => o.trim() === '')) return { file, reason: 'no-organization' };
  for (const other of accepted) {
    const shared = organizations.find((o) => other.organizations.includes(o));
    if (shared !== undefined) return { file, reason: 'same-organization', organization: shared, first: other.file };
  }
  return null;
}

const organizationsOf = (report: SourceReport): string[] => report.sources?.map((s) => s.organization) ?? [report.organization];

/** Distinct names joined with 「・」, in the order met. */
const joined = (names: readonly string[]): string => [...new Set(names.filter((n) => n.trim() !== ''))].join('・');

/**
 * `combine` (SPEC §15): the tool's JSON reports of one fiscal year and the same months, from
 * several councils or windows, merged into one Report that every renderer prints — figures summed,
 * a table by source, targets and the sources' file lists left out, suppression applied to the
 * combined figures. Every input that cannot be combined is refused, all of them listed at once.
 * Pure: the CLI and the browser app hand it parsed JSON.
 */
export function combineReports(inputs: readonly CombineInput[], options: CombineOptions = {}): CombineResult {
  const refusals: CombineRefusal[] = [];
  const accepted: Accepted[] = [];
  inputs.forEach(({ file, json }, index) => {
    const parsed = parseSourceReport(json);
    if (!parsed.ok) {
      refusals.push({ file, index, reason: parsed.reason });
      return;
    }
    const text = JSON.stringify(json);
    const refusal = clash(file, parsed.report, text, accepted);
    if (refusal) refusals.push({ ...refusal, index });
    else accepted.push({ file, report: parsed.report, text, organizations: organizationsOf(parsed.report) });
  });
  if (refusals.length > 0 || accepted.length === 0) return { ok: false, refusals };

  const sources = accepted.map((a) => a.report);
  const first = sources[0]!;
  const figures = combineFigures(sources);
  const config = options.config ?? COMBINED_DEFAULT_CONFIG;
  const program = joined(sources.map((s) => s.program)) || config.program;
  const note = periodNote(first.asOf);
  const report: Report = {
    kind: sources.every((s) => s.kind === 'annual') ? 'annual' : 'monthly',
    program,
    organization: options.organization ?? joined(figures.sources.map((s) => s.organization)),
    title: seedTitle({ municipality: options.config?.municipality ?? '', program }),
    fiscalYear: first.fiscalYear,
    fiscalYearLabel: first.fiscalYearLabel,
    startMonth: first.startMonth,
    asOf: first.asOf,
    periodNote: note,
    intake: figures.intake,
    ibasho: figures.ibasho,
    distribution: figures.distribution,
    ...(figures.support ? { support: figures.support } : {}),
    targets: [],
    targetLines: [],
    summary: summarySentences({ ...figures, program, periodNote: note }, config.sentences),
    ledger: figures.ledger,
    // Only the reports read: the sources' own lists of log files stay with them.
    inputs: accepted.map((a) => ({ file: a.file, status: 'read' as const })),
    ...(figures.excluded ? { excluded: figures.excluded } : {}),
    sources: figures.sources,
    combined: figures.combined,
  };
  // Suppression after combining (SPEC §15): a council's small counts may add up to a publishable one.
  const suppression = suppressionFor(config, options.suppressBelow, options.suppressSymbol);
  const shown = suppression === null ? report : suppressReport(report, suppression, combinedConfig(config, report));
  return { ok: true, report: withShares(shown) };
}

/** The config the combined figures are suppressed and worded by: the labels are the combined tables', not one council's. */
export function combinedConfig(config: Config, report: Report): Config {
  const items = (labels: readonly string[]) => labels.map((label) => ({ label }));
  const { total } = report.intake;
  return {
    ...config,
    channels: items(Object.keys(total.channel)),
    categories: items(Object.keys(total.category)),
    outcomes: items(Object.keys(total.outcome)),
    ibashoVenues: items(report.ibasho.venues.map((v) => v.venue)),
    distributionLocations: items(report.distribution.locations.map((l) => l.location)),
    ...(report.support ? { supportTypes: items(Object.keys(report.support.type)) } : {}),
    targets: [],
    categoriesMultiple: report.intake.categoryMode === 'multiple',
  };
}
