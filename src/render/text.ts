import type { Report } from '../report/types.js';

/** 高崎市社会福祉協議会 女性のためのつながり相談 令和3年度 累計（R4年2月まで） */
export function reportTitle(report: Report): string {
  const what = report.kind === 'annual' ? '実績報告' : '月次累計';
  return [report.organization, report.program, report.fiscalYearLabel, what].filter((s) => s !== '').join(' ');
}

/** The sentence a report carries when --skip-invalid left rows or tables out. */
export function excludedNote(report: Report): string | null {
  if (!report.excluded) return null;
  const { rows, tables } = report.excluded;
  return `注: 入力のうちエラーのあった ${rows}行${tables > 0 ? `と読めなかった表 ${tables}個` : ''}を集計から除いています。`;
}
