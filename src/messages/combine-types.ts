/** The tables of a combined report whose labels come from the sources' configs (report/types.ts CombinedTable). */
export type CombinedTableName = 'channel' | 'category' | 'outcome' | 'venue' | 'location' | 'supportType' | 'agency' | 'attribute';

/** The table by source of a combined report (SPEC §15), in every format. */
export interface SourceTableWords {
  title: string;
  organization: string;
  /** Group headings over the columns after the cumulative table's. */
  gatherings: string;
  sessions: string;
  participants: string;
  handouts: string;
  handoutCount: string;
  people: string;
  clients: string;
  new: string;
  support: string;
  supportTotal: string;
  /** Under the people tables: each source counted its own people (note: 団体間の重複を含む). */
  overlap: (note: string) => string;
  /** The workbook's sheet. */
  sheet: string;
  /** The page's chart of consultations by source. */
  chart: string;
}

/** `combine` (SPEC §15): its arguments and options, why a file cannot be combined, and what the combined report left out. */
export interface CombineWords {
  /** The placeholder of the reports argument in the usage line. */
  argument: string;
  argumentHelp: string;
  /** What --organization's value is, as the help shows it. */
  placeholder: string;
  option: { organization: string; config: string };
  needsTwo: (given: number) => string;
  badOrganization: string;
  /** A folder given holds no .json file. */
  noReportsIn: (folder: string) => string;
  /** Before the list of files that cannot be combined: nothing was written. */
  refused: (count: number) => string;
  /** One file of that list and why. */
  line: (file: string, why: string) => string;
  notJson: string;
  notAReport: string;
  suppressed: string;
  inconsistent: string;
  sameFile: (first: string) => string;
  otherYear: (found: string, expected: string, first: string) => string;
  otherMonths: (found: string, expected: string, first: string) => string;
  categoryMode: (multiple: boolean, first: string) => string;
  sameOrganization: (organization: string, first: string) => string;
  noOrganization: string;
  /** A table of the combined report, named in a warning: 受付方法, 年代. */
  table: Record<CombinedTableName, string>;
  attributeTable: (attribute: string) => string;
  /** Warnings after combining, each naming the organisations. */
  missingLabels: (organization: string, groups: readonly { table: string; labels: readonly string[] }[]) => string;
  missingAttributes: (organization: string, attributes: readonly string[]) => string;
  withoutPeople: (organizations: readonly string[]) => string;
  withoutClients: (organizations: readonly string[]) => string;
  withoutSupport: (organizations: readonly string[]) => string;
  /** The closing line: what was combined. */
  done: (count: number, organizations: readonly string[]) => string;
}
