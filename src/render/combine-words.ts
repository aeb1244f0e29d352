import type { Messages } from '../messages/index.js';
import type { CombineRefusal } from '../report/combine.js';
import type { CombinedFacts } from '../report/types.js';

/** 2024-04〜2024-05 */
const span = (startMonth: string, asOf: string): string => `${startMonth}〜${asOf}`;

/** Why a file cannot be combined, in the user's words (the CLI's list, the browser app's). */
export function combineRefusalText(refusal: CombineRefusal, m: Messages): string {
  const c = m.combine;
  switch (refusal.reason) {
    case 'not-a-report':
      return c.notAReport;
    case 'suppressed':
      return c.suppressed;
    case 'inconsistent':
      return c.inconsistent;
    case 'same-file':
      return c.sameFile(refusal.first);
    case 'other-year':
      return c.otherYear(refusal.fiscalYearLabel, refusal.expectedLabel, refusal.first);
    case 'other-months':
      return c.otherMonths(span(refusal.startMonth, refusal.asOf), span(refusal.expected.startMonth, refusal.expected.asOf), refusal.first);
    case 'category-mode':
      return c.categoryMode(refusal.multiple, refusal.first);
    case 'same-organization':
      return c.sameOrganization(refusal.organization, refusal.first);
    case 'no-organization':
      return c.noOrganization;
  }
}

/** What a combined report counted as 0 or as 未記入, or left out, said once each, in the user's words. */
export function combinedWarnings(facts: CombinedFacts | undefined, m: Messages): string[] {
  if (!facts) return [];
  const c = m.combine;
  const groups = new Map<string, { table: string; labels: readonly string[] }[]>();
  for (const gap of facts.missingLabels) {
    const table = gap.table === 'attribute' ? c.attributeTable(gap.attribute ?? c.table.attribute) : c.table[gap.table];
    groups.set(gap.organization, [...(groups.get(gap.organization) ?? []), { table, labels: gap.labels }]);
  }
  return [
    ...[...groups].map(([organization, tables]) => c.missingLabels(organization, tables)),
    ...facts.missingAttributes.map((a) => c.missingAttributes(a.organization, a.attributes)),
    ...(facts.withoutPeople.length > 0 ? [c.withoutPeople(facts.withoutPeople)] : []),
    ...(facts.withoutClients.length > 0 ? [c.withoutClients(facts.withoutClients)] : []),
    ...(facts.withoutSupport.length > 0 ? [c.withoutSupport(facts.withoutSupport)] : []),
  ];
}
