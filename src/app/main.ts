import { ConfigError } from '../config/text.js';
import { messagesFor, type AppState, type DownloadKind, type Lang, type Messages } from '../messages/index.js';
import { findings, type ReportResult } from '../pipeline.js';
import { todayIso } from '../records/dates.js';
import { loadWorkbookClass } from '../workbook.js';
import { choices, fillMonths, fillPeriodChoices, page, showLines, suppressBelow } from './controls.js';
import { filesFromDrop } from './drop.js';
import {
  annotatedDownload,
  chooseConfig,
  loadFiles,
  reportDownload,
  reportFor,
  templateDownload,
  type ChosenConfig,
  type ConfigChoice,
  type Loaded,
} from './session.js';
import type { Report } from '../report/types.js';
import { saveDownload } from './save.js';
import { combinePicked, isCombining, showCombined, type CombinedView } from './combine.js';
import { compareChoice, splitReportFiles, type CompareChoice, type ReportFile } from './reports.js';
import type { PickedFile } from './sources.js';
import { compareLines, configLines, inputsView, problemsView, refusalLines, showReport } from './view.js';

/** A newer choice of files started while this run was reading: this run stops where it is. */
class Superseded extends Error {}

/** A dropped folder the browser would not list (no permission, a path too long). */
class DropFailed extends Error {}

const state: {
  lang: Lang;
  m: Messages;
  picked: PickedFile[];
  /** The config chosen on its own, read when chosen: a file edited after its choice can no longer be read. */
  chosenConfig: ChosenConfig | null;
  loaded: Loaded | null;
  /** The tool's JSON reports among the chosen files (last year's, to compare with). */
  reports: ReportFile[];
  /** What was done with them for the report shown. */
  compare: CompareChoice | null;
  /** Reports alone were chosen (no logs): the config in use, to combine them as `tsup-report combine` does. */
  combining: ConfigChoice | null;
  combined: CombinedView | null;
  result: ReportResult | null;
  /** Why the last reading stopped (a config that does not check out, a file changed since its choice, a bug). */
  failure: unknown;
  appState: AppState;
  run: number;
} = {
  lang: 'ja',
  m: messagesFor('ja'),
  picked: [],
  chosenConfig: null,
  loaded: null,
  reports: [],
  compare: null,
  combining: null,
  combined: null,
  result: null,
  failure: null,
  appState: 'idle',
  run: 0,
};

function setState(next: AppState): void {
  state.appState = next;
  page.status.dataset.state = next;
  page.status.textContent = state.m.app.status[next];
  page.progress.hidden = next !== 'working';
}

/** What the user can fix is said in their words; anything else is a bug and says so. */
function failureLines(error: unknown): string[] {
  if (error instanceof ConfigError) return error.lines;
  if (error instanceof DropFailed) return [state.m.app.dropFailed];
  // Chrome refuses to read a chosen file that was saved again since (or moved): it must be chosen anew.
  if (error instanceof DOMException && (error.name === 'NotReadableError' || error.name === 'NotFoundError'))
    return [state.m.app.fileChanged];
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
  state.reports = [];
  state.combining = null;
  state.result = null;
  state.failure = null;
  // What was shown came from the files chosen before: hidden, its downloads disabled, while these are read.
  if (state.picked.length > 0) setState('working');
  render();
  if (state.picked.length === 0) return;
  try {
    const choice = await chooseConfig(state.picked, state.chosenConfig, state.m);
    progressText = state.m.app.status.working;
    const { logs, reports } = await splitReportFiles(state.picked);
    if (isCombining(logs, reports)) {
      if (run !== state.run) return;
      state.reports = reports;
      state.combining = choice;
      fillPeriodChoices(null);
      return refresh();
    }
    const loaded = await loadFiles(logs, choice, todayIso(new Date()), {
      onProgress: (file, rows) => {
        progressText = state.m.app.reading(file, rows);
      },
      betweenBatches: pauseFor(run),
    });
    if (run !== state.run) return;
    state.loaded = loaded;
    state.reports = reports;
    fillPeriodChoices(state.loaded?.analysis ?? null);
  } catch (error) {
    if (error instanceof Superseded || run !== state.run) return;
    state.failure = error;
  }
  refresh();
}

/** Makes the report for the current choices from what was read (no reading again) and shows everything. */
function refresh(): void {
  const suppress = suppressBelow(state.m);
  state.compare = null;
  state.combined = null;
  state.result = null;
  if (state.combining && suppress.ok) state.combined = combinePicked(state.reports, state.combining, suppress.below, state.m);
  if (state.loaded && suppress.ok) {
    const base = choices(suppress.below);
    // Last year's report among the files stands for the previous year, as --compare names one.
    const compare = base.fiscalYear !== undefined && state.reports.length > 0 ? compareChoice(state.reports, base.fiscalYear) : null;
    state.compare = compare;
    if (compare !== null && 'refused' in compare) state.result = { ok: false, problem: 'compare', reason: compare.refused };
    else state.result = reportFor(state.loaded.analysis, compare?.use ? { ...base, compareWith: compare.report } : base);
  }
  render();
}

/** The report the page shows and offers for download, from the logs or combined from reports. */
function shownReport(): Report | null {
  if (state.combined?.ok) return state.combined.report;
  return state.result?.ok ? state.result.report : null;
}

function render(): void {
  const { m, loaded, result } = state;
  const suppress = suppressBelow(state.m);
  // A combined report has the period of the reports combined: nothing to choose.
  for (const control of [page.kind, page.fiscalYear, page.asOf]) control.disabled = state.combining !== null;
  page.suppressBelow.setCustomValidity(suppress.ok ? '' : suppress.problem);
  page.configInUse.replaceChildren();
  page.report.hidden = true;
  page.problems.replaceChildren();
  page.inputs.replaceChildren();
  for (const button of document.querySelectorAll<HTMLButtonElement>('button[data-download]')) {
    const kind = button.dataset.download as DownloadKind;
    button.disabled = kind === 'template' ? false : kind === 'annotated' ? !loaded : shownReport() === null;
  }
  if (state.failure !== null) {
    showLines(page.message, failureLines(state.failure));
    return setState('error');
  }
  if (state.combining) return setState(showCombined(state.reports, state.combined, state.combining, suppress, m));
  if (!loaded) {
    showLines(page.message, []);
    return setState(state.picked.length === 0 ? 'idle' : state.appState);
  }

  const choice = loaded.choice;
  showLines(page.configInUse, [
    ...configLines(choice, m),
    ...(state.compare ? compareLines(state.compare, loaded.analysis.config.fiscalYearStartMonth, m) : []),
  ]);
  const found = result && 'findings' in result ? result.findings : findings(loaded.analysis, null, true);
  page.problems.append(problemsView(found, loaded.analysis.collected.tables, m));
  page.inputs.append(inputsView(loaded.analysis.inputs, found, choice, m));
  if (!suppress.ok || !result) {
    showLines(page.message, [suppress.ok ? m.app.status.error : suppress.problem]);
    setState('error');
  } else if (result.ok) {
    page.report.hidden = false;
    showReport(page.report, result.report);
    const excluded = result.report.excluded;
    showLines(page.message, excluded ? [m.report.excluded(excluded.rows, excluded.tables)] : []);
    setState('ready');
  } else {
    showLines(page.message, refusalLines(result, loaded.analysis.config.fiscalYearStartMonth, m, state.compare?.use?.name));
    setState('error');
  }
}

async function download(kind: DownloadKind): Promise<void> {
  const { loaded, m } = state;
  if (kind === 'template')
    return saveDownload(await templateDownload(loaded?.choice.config ?? (await chooseConfig([], state.chosenConfig, m)).config));
  if (kind === 'annotated') return loaded ? saveDownload(await annotatedDownload(loaded, m, todayIso(new Date()))) : undefined;
  const report = shownReport();
  if (report) return saveDownload(await reportDownload(report, kind));
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
  setState(state.appState);
  render();
}

/** Takes the files of a picker and empties it, so that choosing the same files again (after fixing them) is a new choice. */
function takeFiles(input: HTMLInputElement, pathOf: (file: File) => string): PickedFile[] {
  const files = [...(input.files ?? [])].map((file) => ({ file, path: pathOf(file) }));
  input.value = '';
  return files;
}

function pick(files: PickedFile[]): void {
  state.picked = files;
  void load();
}

page.files.addEventListener('change', () => pick(takeFiles(page.files, () => '')));
page.folder.addEventListener('change', () => pick(takeFiles(page.folder, (file) => file.webkitRelativePath)));
page.config.addEventListener('change', () => {
  const file = page.config.files?.[0];
  page.config.value = '';
  if (!file) return;
  file.text().then(
    (text) => {
      state.chosenConfig = { name: file.name, text };
      void load();
    },
    (error: unknown) => {
      state.failure = error;
      render();
    },
  );
});
// A file dropped beside the drop zone would make the browser open it in place of the page.
for (const type of ['dragover', 'drop'] as const) window.addEventListener(type, (event) => event.preventDefault());
page.drop.addEventListener('dragover', () => page.drop.classList.add('over'));
page.drop.addEventListener('dragleave', () => page.drop.classList.remove('over'));
page.drop.addEventListener('drop', (event) => {
  page.drop.classList.remove('over');
  if (!event.dataTransfer) return;
  filesFromDrop(event.dataTransfer).then(pick, () => {
    state.failure = new DropFailed();
    render();
  });
});
page.kind.addEventListener('change', refresh);
page.fiscalYear.addEventListener('change', () => {
  fillMonths(state.loaded?.analysis ?? null);
  refresh();
});
for (const control of [page.asOf, page.suppressBelow, page.skipInvalid]) control.addEventListener('change', refresh);
page.lang.addEventListener('click', () => {
  state.lang = state.lang === 'ja' ? 'en' : 'ja';
  state.m = messagesFor(state.lang);
  applyWords();
  // A config's problems were worded when it was checked: checked again, in the new language.
  if (state.failure instanceof ConfigError) void load();
  // So were the reasons reports cannot be combined, and what they did not share.
  else if (state.combining) refresh();
});
for (const button of document.querySelectorAll<HTMLButtonElement>('button[data-download]')) {
  button.addEventListener('click', () => {
    // A download that fails says why where messages go; the report shown stays as it is.
    download(button.dataset.download as DownloadKind).catch((error: unknown) => showLines(page.message, failureLines(error)));
  });
}
applyWords();
// While the user chooses files, the page loads exceljs's modules (~200 ms the first workbook would wait).
setTimeout(() => void loadWorkbookClass(), 0);
