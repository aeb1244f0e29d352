import type { ProblemDetail } from '../problems.js';
import type { Messages } from './types.js';

/** Year-on-year comparison words (SPEC §15), English. */
export const compareEn: Pick<Messages, 'compare'> = {
  compare: {
    refused: (file, why) => `The --compare file ${file} cannot be compared with. ${why}`,
    sinceRefused: (file, why) => `The --since file ${file} cannot be used as the last release. ${why}`,
    revised: (months) =>
      `Note: the figures of ${months.join(', ')} have changed since the last release (late entries or corrections). Check the "corrections since the last release" table and tell the city.`,
    fileInApp: "last year's report (JSON)",
    notJson: 'It is not JSON. Give a file written by tsup-report with --format json.',
    notAReport: 'It is not a tsup-report JSON report (give what monthly or annual wrote with --format json).',
    otherYear: (found, expected) => `It is the report of ${found}; only the previous year's (${expected}) can be compared with.`,
    suppressed:
      'Its small counts are hidden (--suppress-below): hidden counts cannot be compared. Give a report written without suppression.',
    monthsMissing: (months) => `It has no monthly counts for ${months}, the previous year's same months. Give a report that includes them.`,
  },
};

/** A past year left out of the years table. */
export const yearOmittedEn = (d: ProblemDetail): string =>
  `The records of fiscal year ${d.fiscalYear} have errors, so that year is not in the table of years. Check its files with validate.`;

/** Why the year-on-year comparison was left out (the comparison-omitted warning). */
export const comparisonOmittedEn = (d: ProblemDetail): string =>
  d.comparison === 'errors'
    ? `No comparison with the previous year: its records of the same months (${d.months?.[0] ?? ''} to ${d.months?.at(-1) ?? ''}) have errors. Check last year's files with validate.`
    : d.comparison === 'before-start'
      ? `No comparison with the previous year: ${(d.months ?? []).join(', ')} lie before the programme began (programStart in the config).`
      : `No comparison with the previous year: there are no records for ${(d.months ?? []).join(', ')}. Give all of last year's files for the same months to compare.`;
