import { ConfigError } from '../config/text.js';
import { messagesFor, type AppState, type DownloadKind, type Lang, type Messages } from '../messages/index.js';
import { findings, type ReportResult } from '../pipeline.js';
import { todayIso } from '../records/dates.js';
import { loadWorkbookClass } from '../workbook.js';
import { byId, h } from './dom.js';
import { filesFromDrop } from './drop.js';
import {
  annotatedDownload,
  chooseConfig,
  loadFiles,
  reportDownload,
  reportFor,
  templateDownload,
  yearChoices,
  type Download,
  type Loaded,
  type ReportChoices,
} from './session.js';
import type { PickedFile } from './sources.js';
import { inputsView, problemsView, refusalLines, showReport } from './view.js';

/** A newer choice of files started while this run was reading: this run stops where it is. */
class Superseded extends Error {}

const page = {
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

const state: {
  lang: Lang;
  m: Messages;
  picked: PickedFile[];
  chosenConfig: File | null;
  loaded: Loaded | null;
  result: ReportResult | null;
  /** Lines saying why the last run stopped (a config that does not check out, a bug). */
  failure: string[];
  appState: AppState;
  run: number;
} = { lang: 'ja', m: messagesFor('ja'), picked: [], chosenConfig: null, loaded: null, result: null, failure: [], appState: 'idle', run: 0 };

function setState(next: AppState, text?: string): void {
  state.appState = next;
  page.status.dataset.state = next;
  page.status.textContent = text ?? state.m.app.status[next];
  page.progress.hidden = next !== 'working';
}

/** A config that does not check out is the user's to fix, in the CLI's words; anything else is a bug and says so. */
function failureLines(error: unknown): string[] {
  if (error instanceof ConfigError) return error.lines;
  return [state.m.internalError(error instanceof Error ? (error.stack ?? error.message) : String(error))];
}

/** Lets the page paint and answer between batches of rows; a newer run makes this one stop. */
function pauseFor(run: number): () => Promise<void> {
  let last = 0;
  return async () => {
    // A macrotask, not a microtask: only then does the browser paint the progress and take input.
    await new Promise((resolve) => setTimeout(resolve, 0));
    if (run !== state.run) throw new Superseded();
    if (performance.now() - last > 100) {
      last = performance.now();
      page.status.textContent = progressText;
    }
  };
}
let progressText = '';

/** Reads the chosen files (and config) from the start: on every new choice of files or config. */
async function load(): Promise<void> {
  const run = ++state.run;
  state.loaded = null;
  state.result = null;
  state.failure = [];
  if (state.picked.length === 0) {
    render();
    return;
  }
  setState('working');
  try {
    const choice = await chooseConfig(state.picked, state.chosenConfig, state.m);
    progressText = state.m.app.status.working;
    const loaded = await loadFiles(state.picked, choice, todayIso(new Date()), {
      onProgress: (file, rows) => {
        progressText = state.m.app.reading(file, rows);
      },
      betweenBatches: pauseFor(run),
    });
    if (run !== state.run) return;
    state.loaded = loaded;
    fillPeriodChoices();
  } catch (error) {
    if (error instanceof Superseded || run !== state.run) return;
    state.failure = failureLines(error);
  }
  refresh();
}

/** The fiscal years with records, newest first, and the latest one's months: after each reading, the CLI's defaults. */
function fillPeriodChoices(): void {
  const years = state.loaded ? yearChoices(state.loaded.analysis) : [];
  page.fiscalYear.replaceChildren(...years.map((y) => h('option', { value: String(y.fiscalYear) }, y.label)));
  fillMonths();
}

/** The chosen year's months, its latest month with records chosen. */
function fillMonths(): void {
  const year = state.loaded ? yearChoices(state.loaded.analysis).find((y) => String(y.fiscalYear) === page.fiscalYear.value) : undefined;
  page.asOf.replaceChildren(...(year?.months ?? []).map((month) => h('option', { value: month }, month)));
  page.asOf.value = year?.latest ?? '';
}

/**
 * The suppression asked for, or what is wrong with it. A number field holding something that is
 * not a whole number above 0 reads as empty: taken as "hide none", it would publish the small
 * counts the user meant to hide.
 */
function suppressBelow(): { ok: true; below?: number } | { ok: false; problem: string } {
  const field = page.suppressBelow;
  const text = field.value.trim();
  if (text === '' && !field.validity.badInput) return { ok: true };
  if (/^[1-9]\d*$/u.test(text)) return { ok: true, below: Number(text) };
  return { ok: false, problem: state.m.usage.badNumber(state.m.app.suppressName, text) };
}

function choices(below: number | undefined): ReportChoices {
  return {
    kind: page.kind.value === 'annual' ? 'annual' : 'monthly',
    ...(page.fiscalYear.value === '' ? {} : { fiscalYear: Number(page.fiscalYear.value) }),
    ...(page.asOf.value === '' ? {} : { asOf: page.asOf.value }),
    ...(below === undefined ? {} : { suppressBelow: below }),
    skipInvalid: page.skipInvalid.checked,
  };
}

/** Makes the report for the current choices from what was read (no reading again) and shows everything. */
function refresh(): void {
  const suppress = suppressBelow();
  state.result = state.loaded && suppress.ok ? reportFor(state.loaded.analysis, choices(suppress.below)) : null;
  render();
}

function render(): void {
  const { m, loaded, result } = state;
  const suppress = suppressBelow();
  page.suppressBelow.setCustomValidity(suppress.ok ? '' : suppress.problem);
  page.message.replaceChildren(...state.failure.map((line) => h('p', {}, line)));
  page.configInUse.replaceChildren();
  page.report.hidden = true;
  page.problems.replaceChildren();
  page.inputs.replaceChildren();
  for (const button of document.querySelectorAll<HTMLButtonElement>('button[data-download]')) {
    const kind = button.dataset.download as DownloadKind;
    button.disabled = kind === 'template' ? false : kind === 'annotated' ? !loaded : !result?.ok;
  }
  if (state.failure.length > 0) return setState('error');
  if (!loaded) return setState(state.picked.length === 0 ? 'idle' : state.appState);

  const choice = loaded.choice;
  const configLines = [
    choice.from === 'chosen'
      ? m.app.configChosen(choice.file!)
      : choice.from === 'files'
        ? m.app.configFromFiles(choice.file!)
        : m.summary.config(null),
    ...choice.unused.map((file) => m.app.configUnused(file)),
  ];
  page.configInUse.replaceChildren(...configLines.map((line) => h('p', {}, line)));
  const found = result && 'findings' in result ? result.findings : findings(loaded.analysis, null, true);
  page.problems.append(problemsView(found, loaded.analysis.collected.tables, m));
  page.inputs.append(inputsView(loaded.analysis.inputs, found, choice, m));
  if (!suppress.ok || !result) {
    page.message.replaceChildren(h('p', {}, suppress.ok ? m.app.status.error : suppress.problem));
    setState('error');
  } else if (result.ok) {
    page.report.hidden = false;
    showReport(page.report, result.report);
    const excluded = result.report.excluded;
    if (excluded) page.message.append(h('p', {}, m.report.excluded(excluded.rows, excluded.tables)));
    setState('ready');
  } else {
    page.message.replaceChildren(...refusalLines(result, loaded.analysis.config.fiscalYearStartMonth, m).map((line) => h('p', {}, line)));
    setState('error');
  }
}

async function download(kind: DownloadKind): Promise<void> {
  const { loaded, result, m } = state;
  let file: Download;
  if (kind === 'template') file = await templateDownload(loaded?.choice.config ?? (await chooseConfig([], state.chosenConfig, m)).config);
  else if (kind === 'annotated') file = await annotatedDownload(loaded!, m, todayIso(new Date()));
  else if (result?.ok) file = await reportDownload(result.report, kind);
  else return;
  const url = URL.createObjectURL(new Blob([file.content as BlobPart], { type: file.type }));
  const link = h('a', { href: url, download: file.name, hidden: true });
  document.body.append(link);
  link.click();
  link.remove();
  // The download has its own copy once started; the page keeps nothing.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

function applyWords(): void {
  const { m } = state;
  document.documentElement.lang = state.lang;
  document.title = m.app.title;
  for (const element of document.querySelectorAll<HTMLElement>('[data-words]')) {
    const path = element.dataset.words!.split('.');
    let words: unknown = m.app;
    for (const key of path) words = (words as Record<string, unknown>)[key];
    element.textContent = String(words);
  }
  page.lang.lang = state.lang === 'ja' ? 'en' : 'ja';
  render();
}

function pick(files: PickedFile[]): void {
  state.picked = files;
  void load();
}

page.files.addEventListener('change', () => pick([...(page.files.files ?? [])].map((file) => ({ file, path: '' }))));
page.folder.addEventListener('change', () => pick([...(page.folder.files ?? [])].map((file) => ({ file, path: file.webkitRelativePath }))));
page.config.addEventListener('change', () => {
  state.chosenConfig = page.config.files?.[0] ?? null;
  void load();
});
page.drop.addEventListener('dragover', (event) => {
  event.preventDefault();
  page.drop.classList.add('over');
});
page.drop.addEventListener('dragleave', () => page.drop.classList.remove('over'));
page.drop.addEventListener('drop', (event) => {
  event.preventDefault();
  page.drop.classList.remove('over');
  if (event.dataTransfer) void filesFromDrop(event.dataTransfer).then(pick);
});
page.kind.addEventListener('change', refresh);
page.fiscalYear.addEventListener('change', () => {
  fillMonths();
  refresh();
});
for (const control of [page.asOf, page.suppressBelow, page.skipInvalid]) control.addEventListener('change', refresh);
page.lang.addEventListener('click', () => {
  state.lang = state.lang === 'ja' ? 'en' : 'ja';
  state.m = messagesFor(state.lang);
  applyWords();
  // While the user chooses files, the page loads exceljs's modules (~200 ms the first workbook would wait).
  setTimeout(() => void loadWorkbookClass(), 0);
});
for (const button of document.querySelectorAll<HTMLButtonElement>('button[data-download]')) {
  button.addEventListener('click', () => {
    download(button.dataset.download as DownloadKind).catch((error: unknown) => {
      state.failure = failureLines(error);
      render();
    });
  });
}
applyWords();
// While the user chooses files, the page loads exceljs's modules (~200 ms the first workbook would wait).
setTimeout(() => void loadWorkbookClass(), 0);
