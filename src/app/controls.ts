import type { Messages } from '../messages/index.js';
import type { Analysis } from '../pipeline.js';
import { byId, h } from './dom.js';
import { yearChoices, type ReportChoices } from './session.js';

/** The page's elements (page.html), by the ids the tests use too. */
export const page = {
  files: byId<HTMLInputElement>('files'),
  folder: byId<HTMLInputElement>('folder'),
  config: byId<HTMLInputElement>('config'),
  drop: byId<HTMLElement>('drop'),
  kind: byId<HTMLSelectElement>('kind'),
  fiscalYear: byId<HTMLSelectElement>('fiscal-year'),
  asOf: byId<HTMLSelectElement>('as-of'),
  suppressBelow: byId<HTMLInputElement>('suppress-below'),
  skipInvalid: byId<HTMLInputElement>('skip-invalid'),
  status: byId<HTMLElement>('status'),
  progress: byId<HTMLProgressElement>('progress'),
  message: byId<HTMLElement>('message'),
  report: byId<HTMLElement>('report'),
  problems: byId<HTMLElement>('problems'),
  inputs: byId<HTMLElement>('inputs'),
  configInUse: byId<HTMLElement>('config-in-use'),
  lang: byId<HTMLButtonElement>('lang'),
};

/** Replaces a message area's lines only when they change, so that a screen reader announces them once. */
export function showLines(area: HTMLElement, lines: readonly string[]): void {
  if ([...area.children].map((p) => p.textContent).join('\n') === lines.join('\n')) return;
  area.replaceChildren(...lines.map((line) => h('p', {}, line)));
}

/** The fiscal years with records, newest first, and the latest one's months: after each reading, the CLI's defaults. */
export function fillPeriodChoices(analysis: Analysis | null): void {
  const years = analysis ? yearChoices(analysis) : [];
  page.fiscalYear.replaceChildren(...years.map((y) => h('option', { value: String(y.fiscalYear) }, y.label)));
  fillMonths(analysis);
}

/** The chosen year's months, its latest month with records chosen. */
export function fillMonths(analysis: Analysis | null): void {
  const year = analysis ? yearChoices(analysis).find((y) => String(y.fiscalYear) === page.fiscalYear.value) : undefined;
  page.asOf.replaceChildren(...(year?.months ?? []).map((month) => h('option', { value: month }, month)));
  page.asOf.value = year?.latest ?? '';
}

/**
 * The suppression asked for, or what is wrong with it. A number field holding something that is
 * not a whole number above 0 reads as empty: taken as "hide none", it would publish the small
 * counts the user meant to hide.
 */
export function suppressBelow(m: Messages): { ok: true; below?: number } | { ok: false; problem: string } {
  const field = page.suppressBelow;
  const text = field.value.trim();
  if (text === '' && !field.validity.badInput) return { ok: true };
  if (/^[1-9]\d*$/u.test(text)) return { ok: true, below: Number(text) };
  return { ok: false, problem: m.usage.badNumber(m.app.suppressName, text) };
}

export function choices(below: number | undefined): ReportChoices {
  return {
    kind: page.kind.value === 'annual' ? 'annual' : 'monthly',
    ...(page.fiscalYear.value === '' ? {} : { fiscalYear: Number(page.fiscalYear.value) }),
    ...(page.asOf.value === '' ? {} : { asOf: page.asOf.value }),
    ...(below === undefined ? {} : { suppressBelow: below }),
    skipInvalid: page.skipInvalid.checked,
  };
}
