/** The offline app's words (src/app): its page, controls, states and downloads. */
export type DownloadKind = 'json' | 'xlsx' | 'md' | 'html' | 'csv' | 'annotated' | 'template';
export type AppState = 'idle' | 'working' | 'ready' | 'error';

export interface AppWords {
  title: string;
  lead: string;
  /** What the page does and does not do with the files: said on the page itself. */
  privacy: string;
  /** The button that switches to the other language, in that language. */
  otherLanguage: string;
  steps: { files: string; report: string; problems: string; inputs: string; downloads: string };
  dropHint: string;
  chooseFiles: string;
  chooseFolder: string;
  configLabel: string;
  configHint: string;
  /** Which config is in use, and why. */
  configFromFiles: (file: string) => string;
  configChosen: (file: string) => string;
  configUnused: (file: string) => string;
  /** Last year's JSON report among the chosen files, compared with (SPEC §15). */
  compareUsed: (file: string, fiscalYear: string) => string;
  /** A JSON report among the chosen files that is not of the previous fiscal year. */
  reportUnused: (file: string, fiscalYear: string | null) => string;
  /** Under the drop zone: what JSON reports among the files are used for. */
  reportsHint: string;
  /** Reports to combine, fewer than two. */
  combineNeedsTwo: (given: number) => string;
  combineRefused: (count: number) => string;
  /** The note beside a report read for combining. */
  combinedSource: string;
  kindLabel: string;
  kind: { monthly: string; annual: string };
  fiscalYearLabel: string;
  asOfLabel: string;
  suppressLabel: string;
  /** The suppression field, named in a message about its value. */
  suppressName: string;
  suppressHint: string;
  skipInvalidLabel: string;
  status: Record<AppState, string>;
  reading: (file: string, rows: number) => string;
  filesChosen: (count: number) => string;
  inputColumns: { file: string; status: string; note: string };
  inputStatus: { read: string; skipped: string; duplicate: string; refused: string; config: string };
  duplicateOf: (file: string) => string;
  /** The browser refused to read a chosen file: it was saved again or moved since. */
  fileChanged: string;
  dropFailed: string;
  problemsNone: string;
  problemsMore: (count: number) => string;
  /** Shown instead of the report when rows of the period have errors (the CLI's hint names its options). */
  refusedHint: string;
  download: Record<DownloadKind, string>;
  downloadsHint: string;
  annotatedHint: string;
}
