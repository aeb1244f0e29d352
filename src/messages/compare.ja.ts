import type { ProblemDetail } from '../problems.js';
import { monthText, type Messages } from './types.js';

/** Year-on-year comparison words (SPEC §15), Japanese. */
export const compareJa: Pick<Messages, 'compare'> = {
  compare: {
    refused: (file, why) => `--compare の ${file} は前年度同期の比較に使えません。${why}`,
    sinceRefused: (file, why) => `--since の ${file} は前回の報告として使えません。${why}`,
    revised: (months) =>
      `注意: 前回の報告から ${months.map(monthText).join('、')} の件数が変わりました（後からの入力や訂正）。「前回報告からの訂正」の表を確かめ、市に伝えてください。`,
    fileInApp: '前年度の報告書（JSON）',
    notJson: 'JSON として読めません。tsup-report の --format json で書き出したファイルを指定してください。',
    notAReport: 'tsup-report の JSON 形式の報告書ではありません（monthly / annual を --format json で書き出したものを指定してください）。',
    otherYear: (found, expected) => `${found}の報告書です。比較に使えるのは前年度（${expected}）の報告書です。`,
    suppressed: '--suppress-below で少数を伏せた報告書です。伏せた件数とは比較できないため、伏せずに書き出した報告書を指定してください。',
    monthsMissing: (months) => `前年度同期の ${months} の月別の件数がありません。その月まで含む報告書を指定してください。`,
  },
};

/** A past year left out of the years table. */
export const yearOmittedJa = (d: ProblemDetail): string =>
  `${d.fiscalYear}年度の記録にエラーがあるため、年度別の表に載せていません。その年度のファイルを validate で確かめてください。`;

/** Why the year-on-year comparison was left out (the comparison-omitted warning). */
export const comparisonOmittedJa = (d: ProblemDetail): string =>
  d.comparison === 'errors'
    ? `前年度同期比較は載せていません。前年度の同じ月（${monthText(d.months?.[0] ?? '')}〜${monthText(d.months?.at(-1) ?? '')}）の記録にエラーがあります。前年度のファイルを validate で確かめてください。`
    : d.comparison === 'before-start'
      ? `前年度同期比較は載せていません。前年度の同じ月のうち ${(d.months ?? []).map(monthText).join('、')} は事業の開始（設定の programStart）より前です。`
      : `前年度同期比較は載せていません。前年度の ${(d.months ?? []).map(monthText).join('、')} の記録がありません。前年度の同じ月のファイルをすべて一緒に指定すると比較します。`;
