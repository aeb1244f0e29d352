import { reportFrom } from '../src/pipeline.js';
import type { AttributeTable, LabelCounts, PeopleFigures, Report, SupportFigures } from '../src/report/types.js';
import { analyseFiles, fixture } from './helpers.js';

/**
 * The report parts of SPEC §14 added by hand to a built report, as the data builders will make
 * them: every count is derived from made-up consultations and support actions spread over the
 * report's months (the consultations of a month are as many as its 合計), so every table adds up
 * as a real one does and the period's 実人数 is distinct, not the sum of the months.
 */
export interface Parts {
  /** 相談者ID (with some consultations without one) or a 新規/継続 column alone. */
  people?: 'ids' | 'newOnly';
  attributes?: boolean;
  support?: boolean;
  categoriesMultiple?: boolean;
}

export const AGE_LABELS = ['20代', '30代', '40代', '不明', '未記入'];
export const DV_LABELS = ['該当', '非該当', '未記入'];
export const SUPPORT_TYPES = ['同行支援', '訪問支援', '他機関との調整'];
export const AGENCIES = ['福祉事務所', '県女性相談センター', 'ハローワーク・ジョブカフェ', '未記入'];

const zeros = (labels: readonly string[]): Record<string, number> => Object.fromEntries(labels.map((l) => [l, 0]));

function peopleOf(report: Report, kind: 'ids' | 'newOnly'): PeopleFigures {
  const seen = new Set<string>();
  const everyone = new Set<string>();
  let totalNew = 0;
  let totalWithout = 0;
  const months = report.intake.months.map((m, i) => {
    const clients = new Set<string>();
    let fresh = 0;
    let without = 0;
    for (let j = 0; j < (m.total ?? 0); j++) {
      if (kind === 'newOnly') {
        if (j % 2 === 0) fresh++;
        continue;
      }
      if ((i + j) % 7 === 3) {
        without++;
        continue;
      }
      const client = `C${(i * 5 + j) % 40}`;
      clients.add(client);
      everyone.add(client);
      if (!seen.has(client)) fresh++;
      seen.add(client);
    }
    totalNew += fresh;
    totalWithout += without;
    return kind === 'ids'
      ? { month: m.month, clients: clients.size, new: fresh, withoutId: without }
      : { month: m.month, clients: null, new: fresh, withoutId: null };
  });
  const total =
    kind === 'ids' ? { clients: everyone.size, new: totalNew, withoutId: totalWithout } : { clients: null, new: totalNew, withoutId: null };
  return { months, total };
}

/** An attribute whose label of the j-th consultation of month i is given by `pick`. */
function attributeOf(report: Report, id: string, label: string, labels: string[], pick: (i: number, j: number) => number): AttributeTable {
  const total: LabelCounts = zeros(labels);
  const months = report.intake.months.map((m, i) => {
    const counts: LabelCounts = zeros(labels);
    for (let j = 0; j < (m.total ?? 0); j++) {
      const name = labels[pick(i, j)]!;
      counts[name]!++;
      total[name]!++;
    }
    return { month: m.month, label: m.label, counts };
  });
  return { id, label, total, months };
}

function supportOf(report: Report): SupportFigures {
  const type: LabelCounts = zeros(SUPPORT_TYPES);
  const byAgency = AGENCIES.map((agency) => ({ agency, total: 0, type: zeros(SUPPORT_TYPES) as LabelCounts }));
  let total = 0;
  const months = report.intake.months.map((m, i) => {
    const row = { month: m.month, label: m.label, total: 0, type: zeros(SUPPORT_TYPES) as LabelCounts };
    for (let k = 0; k < ((i * 3) % 5) + 1; k++) {
      const name = SUPPORT_TYPES[(i + k) % SUPPORT_TYPES.length]!;
      const agency = byAgency[(i * 2 + k) % AGENCIES.length]!;
      row.type[name]!++;
      row.total++;
      type[name]!++;
      agency.type[name]!++;
      agency.total++;
      total++;
    }
    return row;
  });
  return { total, type, months, byAgency };
}

/** The report with the parts asked for, added as the data builders add them. */
export function withParts(source: Report, parts: Parts): Report {
  const report = structuredClone(source);
  if (parts.people) report.intake.people = peopleOf(report, parts.people);
  if (parts.attributes) {
    report.intake.attributes = [
      attributeOf(report, 'ageGroup', '年代', AGE_LABELS, (i, j) => (i + 2 * j) % AGE_LABELS.length),
      attributeOf(report, 'dv', 'DV', DV_LABELS, (i, j) => ((i + j) % 3 === 0 ? 0 : 1)),
    ];
  }
  if (parts.support) report.support = supportOf(report);
  if (parts.categoriesMultiple) report.intake.categoryMode = 'multiple';
  return report;
}

/** The report of fixtures/takasaki-r3 (monthly, through 2022-02, or the annual one). */
export async function takasakiReport(kind: 'monthly' | 'annual' = 'monthly', suppressBelow?: number): Promise<Report> {
  const result = reportFrom(await analyseFiles([fixture('takasaki-r3')]), {}, { kind, skipInvalid: false, suppressBelow });
  if (!result.ok) throw new Error(JSON.stringify(result));
  return result.report;
}

/** Every part of SPEC §14 on the takasaki report. */
export const ALL_PARTS: Parts = { people: 'ids', attributes: true, support: true };

/** The rows of the Markdown table under `## heading` (header first, the --- line left out, bold marks taken off). */
export function markdownTable(md: string, heading: string): string[][] {
  const lines = md.split('\n');
  const start = lines.indexOf(`## ${heading}`);
  if (start === -1) throw new Error(`no section ${heading}`);
  const rows: string[][] = [];
  for (const line of lines.slice(start + 1)) {
    if (line.startsWith('## ')) break;
    if (!line.startsWith('|') || /^\|( -+:? \|)+$/u.test(line)) continue;
    rows.push(
      line
        .slice(2, -2)
        .split(' | ')
        .map((cell) => cell.replace(/^\*\*(.*)\*\*$/u, '$1')),
    );
  }
  return rows;
}

/** A count as a table prints it: x when hidden. */
export const shown = (count: number | null | undefined): string => (count === null || count === undefined ? 'x' : String(count));

/** A share to one decimal as the tables print it, computed here: 28 of 135 → 20.7%. */
export const shareText = (count: number, whole: number): string => `${(Math.round((count / whole) * 1000) / 10).toFixed(1)}%`;
