import type { Report } from '../report/types.js';
import { messagesFor } from '../messages/index.js';
import { combinedWarnings } from './combine-words.js';

/** 高崎市社会福祉協議会 女性のためのつながり相談 令和3年度 累計（R4年2月まで） */
export function reportTitle(report: Report): string {
  const kind = report.kind === 'annual' ? '実績報告' : '月次累計';
  // A combined report says so in its title: its figures are several organisations' (SPEC §15).
  const what = report.sources ? `${kind}（${report.sources.length}団体の合算）` : kind;
  return [report.organization, report.program, report.fiscalYearLabel, what].filter((s) => s !== '').join(' ');
}

/** The sentence a report carries when --skip-invalid left rows or tables out. */
export function excludedNote(report: Report): string | null {
  if (!report.excluded) return null;
  const { rows, tables } = report.excluded;
  return `注: 入力のうちエラーのあった ${rows}行${tables > 0 ? `と読めなかった表 ${tables}個` : ''}を集計から除いています。`;
}

/** Each target in the seed's words, its line then its evaluation: 「…：目標20回、結果：13回（見込）、達成度：65%」「評価：概ね達成された。」 */
export function targetTexts(report: Report): string[] {
  return report.targetLines.flatMap((t) => [t.line, t.evaluation]);
}

/**
 * The sentence a report carries when suppression hid counts: the symbol, the range hidden (an
 * attribute's own where it is stricter), and where the threshold was set.
 */
export function suppressionNote(report: Report): string | null {
  if (!report.suppression) return null;
  const { below, symbol, attributes = {}, from } = report.suppression;
  const stricter = Object.entries(attributes).map(([id, threshold]) => {
    const label = report.intake.attributes?.find((a) => a.id === id)?.label ?? id;
    return `${label}の表は1〜${threshold - 1}件`;
  });
  const range = `1〜${below - 1}件${stricter.length > 0 ? `（${stricter.join('、')}）` : ''}`;
  const where = from === 'config' ? `設定の suppression.below: ${below}` : `--suppress-below ${below}`;
  return `注: 個人の特定を防ぐため、${range}の数を ${symbol} で伏せ、合計から逆算できないよう一部の数も伏せています（${where}）。`;
}

/** The line under the summary sentences when suppression made one of them leave a figure out. */
export function summaryNote(report: Report): string | null {
  if (report.suppression?.sentences !== 'reworded') return null;
  return '注: 伏せた数が文から分からないよう、まとめの文の一部は数や名前を示さずに書くか、省いています。';
}

/** The summary sentences as every format prints them under the cumulative table, with the note on them when there is one. */
export function summaryLines(report: Report): string[] {
  const note = summaryNote(report);
  return note === null ? report.summary : [...report.summary, note];
}

/** The notes every format prints under the title; a combined report's in the report's language, Japanese, as the rest of it. */
export function reportNotes(report: Report): string[] {
  return [excludedNote(report), suppressionNote(report), ...combinedWarnings(report.combined, messagesFor('ja'))].filter(
    (n): n is string => n !== null,
  );
}
