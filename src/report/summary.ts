import type { Sentences } from '../config/schema.js';
import { fillTemplate, placeholdersOf } from '../config/sentences.js';
import { NO_AGENCY_LABEL } from '../config/lists.js';
import type { LabelCounts, Report, SupportFigures } from './types.js';

type Figures = Pick<Report, 'program' | 'periodNote' | 'intake' | 'ibasho' | 'distribution' | 'support'>;

/** One sentence, and whether it had to be worded without a hidden figure (or with a clause left out). */
interface Sentence {
  text: string;
  reworded: boolean;
}

/** The summary sentences, and whether suppression made any of them leave a figure out. */
export interface Summary {
  sentences: string[];
  reworded: boolean;
}

/**
 * The seed report's closing sentences (SPEC §8), worded by the config's templates from the
 * figures: the busiest channel and the fewest leading complaint categories that make up more than
 * half; the handout places and count; the gathering venues, sessions and participants; the support
 * given. Under suppression a sentence never states or implies a hidden count (SPEC §15): a figure
 * it would need is left out — the sentence is then worded without it — and a name (the busiest
 * channel, the leading categories, the top agency) is given only when no hidden count could change it.
 */
export function summaryOf(figures: Figures, templates: Sentences): Summary {
  const sentences = [
    intakeSentence(figures, templates.intake),
    distributionSentence(figures, templates.distribution),
    ibashoSentence(figures, templates.ibasho),
    // Sentence 4 (SPEC §14), only when support records were read.
    ...(figures.support ? [supportSentence(figures.program, figures.support, templates.support)] : []),
  ];
  return { sentences: sentences.map((s) => `${s.text}${figures.periodNote}`), reworded: sentences.some((s) => s.reworded) };
}

/** The sentences alone. */
export function summarySentences(figures: Figures, templates: Sentences): string[] {
  return summaryOf(figures, templates).sentences;
}

/**
 * The config's template filled in when every placeholder it names has a value to say; else the
 * tool's own wording of what can be said (`reworded`), since a template cannot be cut short.
 */
function worded(template: string, values: Readonly<Record<string, string | null>>, reworded: () => string): Sentence {
  if (placeholdersOf(template).every((name) => values[name] !== null)) {
    const shown = Object.fromEntries(Object.entries(values).filter((entry): entry is [string, string] => entry[1] !== null));
    return { text: fillTemplate(template, shown), reworded: false };
  }
  return { text: reworded(), reworded: true };
}

const plain = (text: string): Sentence => ({ text, reworded: false });
/** A figure left unsaid: neither small nor large is implied, only that it is not published. */
const notPublished = (what: string): Sentence => ({ text: `${what}は、個人の特定を防ぐため公表を控えた。`, reworded: true });

/**
 * How large a hidden count among `counts` could be, as a reader of the table sees it: what the
 * whole leaves over the shown counts (nothing when none is hidden; without limit when the whole is
 * hidden too).
 */
function hiddenRoom(counts: readonly (number | null)[], whole: number | null): number {
  if (!counts.includes(null)) return 0;
  if (whole === null) return Infinity;
  return whole - counts.reduce<number>((sum, n) => sum + (n ?? 0), 0);
}

/**
 * The labels with the largest count, joined by `・` — only when that count is more than any hidden
 * count could be (else a hidden label may be as large); null when no label can be named so.
 */
function busiest(counts: LabelCounts, whole: number | null): string | null {
  const shown = Object.entries(counts).filter((entry): entry is [string, number] => entry[1] !== null);
  const most = Math.max(0, ...shown.map(([, n]) => n));
  if (most === 0 || most <= hiddenRoom(Object.values(counts), whole)) return null;
  return shown
    .filter(([, n]) => n === most)
    .map(([label]) => label)
    .join('・');
}

/**
 * The fewest leading categories whose share exceeds half, and that share in tenths — only when
 * every count behind them is shown and no hidden category could be among them: each hidden one is
 * smaller than the smallest leading one, and the whole the share is of is shown (with several 主訴
 * per consultation the whole is all mentions, so no category may be hidden).
 */
function leadingCategories(intake: Figures['intake'], total: number): { labels: string; shareText: string } | null {
  const counts = Object.values(intake.total.category);
  const multiple = intake.categoryMode === 'multiple';
  if (multiple && counts.includes(null)) return null;
  const categories = Object.entries(intake.total.category)
    .filter((entry): entry is [string, number] => entry[1] !== null && entry[1] > 0)
    .sort((a, b) => b[1] - a[1]);
  // With several 主訴 per consultation (SPEC §14) the share is of all mentions, not of consultations.
  const whole = multiple
    ? Math.max(
        1,
        categories.reduce((n, [, count]) => n + count, 0),
      )
    : total;
  const leading: [string, number][] = [];
  let sum = 0;
  for (const entry of categories) {
    leading.push(entry);
    sum += entry[1];
    if (2 * sum > whole) break;
  }
  const room = hiddenRoom(counts, total);
  if (leading.length === 0 || (room > 0 && (2 * sum <= whole || leading[leading.length - 1]![1] <= room))) return null;
  const tenths = Math.floor((10 * sum) / whole);
  return {
    labels: leading.map(([label]) => label).join('、'),
    shareText: (10 * sum) % whole === 0 ? `${tenths}割を占めていた` : `${tenths}割を超えていた`,
  };
}

function intakeSentence({ program, intake }: Figures, template: string): Sentence {
  const total = intake.total.total;
  if (total === 0) return plain(`${program}事業は、相談の受付がなかった。`);
  if (total === null) return notPublished(`${program}事業の相談件数`);
  const topChannel = busiest(intake.total.channel, total);
  const leading = leadingCategories(intake, total);
  const values = {
    program,
    total: String(total),
    topChannel,
    topCategories: leading?.labels ?? null,
    shareText: leading?.shareText ?? null,
  };
  return worded(template, values, () => {
    if (topChannel !== null && leading)
      return `${program}事業は、${topChannel}での相談が最も多く、主訴は${leading.labels}が全体の${leading.shareText}。`;
    if (topChannel !== null) return `${program}事業は、${topChannel}での相談が最も多かった。`;
    if (leading) return `${program}事業の主訴は、${leading.labels}が全体の${leading.shareText}。`;
    return `${program}事業の相談件数は、${total}件であった。`;
  });
}

/** How many places have a count; null when a hidden count leaves it open. */
function placesUsed(counts: (number | null)[]): string | null {
  return counts.includes(null) ? null : String(counts.filter((n) => n! > 0).length);
}

const shown = (n: number | null): string | null => (n === null ? null : String(n));

function distributionSentence({ program, distribution }: Figures, template: string): Sentence {
  if (distribution.count === 0) return plain('生理用品の配布はなかった。');
  if (distribution.count === null) return notPublished('生理用品の配布件数');
  const values = { program, count: shown(distribution.count), locationsUsed: placesUsed(distribution.locations.map((l) => l.count)) };
  return worded(template, values, () => `生理用品の配布は、累計${distribution.count}件であった。`);
}

function ibashoSentence({ program, ibasho }: Figures, template: string): Sentence {
  const { sessions, participants } = ibasho;
  if (sessions === 0) return plain('居場所の開設はなかった。');
  const venuesUsed = placesUsed(ibasho.venues.map((v) => v.sessions));
  const values = { program, venuesUsed, sessions: shown(sessions), participants: shown(participants) };
  return worded(template, values, () => {
    const where = venuesUsed === null ? '' : `${venuesUsed}カ所で`;
    const people = participants === null || participants === 0 ? null : `${participants}名の利用があった`;
    if (sessions !== null) {
      return `居場所の開設事業については、${where}延べ${sessions}回${people === null ? '開設された' : `開設され、${people}`}。`;
    }
    if (people !== null) return `居場所の開設事業については、${people}。`;
    return notPublished('居場所の開設回数と利用者数').text;
  });
}

/**
 * 同行支援等の支援は延べ23件（同行支援8件、訪問支援5件、他機関との調整10件）行い、連携先は福祉事務所が最も多かった。
 * Types with no action are left out of the list; agencies tied for the most are all named, with
 * （同数）, joined by 「、」 (labels such as 教育委員会・学校 hold 「・」 themselves). With no 連携先 written at all there is no agency to name: the template's clause about
 * it cannot be filled, so the sentence says so in its own words. A list of types with one hidden
 * would read as complete (the hidden one as none): it is left out whole.
 */
function supportSentence(program: string, support: SupportFigures, template: string): Sentence {
  if (support.total === 0) return plain('同行支援等の支援はなかった。');
  if (support.total === null) return notPublished('同行支援等の支援の件数');
  const types = Object.entries(support.type);
  const typeCounts = types.some(([, n]) => n === null)
    ? null
    : types
        .filter(([, n]) => n !== 0)
        .map(([label, n]) => `${label}${n}件`)
        .join('、');
  const agencies = support.byAgency.filter((row) => row.agency !== NO_AGENCY_LABEL);
  const unwritten = support.byAgency.find((row) => row.agency === NO_AGENCY_LABEL)?.total ?? 0;
  const counts = agencies.map((row) => row.total);
  // What the hidden agencies' rows could hold: the total less every shown row, 未記入 included.
  const room = hiddenRoom([...counts, unwritten], support.total);
  const most = Math.max(0, ...counts.map((n) => n ?? 0));
  const noneWritten = most === 0 && room === 0;
  const top = agencies.filter((row) => row.total === most).map((row) => row.agency);
  const topAgency = most === 0 || most <= room ? null : top.length > 1 ? `${top.join('、')}（同数）` : top[0]!;
  const done = `延べ${support.total}件${typeCounts === null ? '' : `（${typeCounts}）`}`;
  if (noneWritten) return { text: `同行支援等の支援は${done}行い、連携先の記入はなかった。`, reworded: typeCounts === null };
  const values = { program, total: String(support.total), typeCounts, topAgency };
  return worded(template, values, () =>
    topAgency === null ? `同行支援等の支援は${done}行った。` : `同行支援等の支援は${done}行い、連携先は${topAgency}が最も多かった。`,
  );
}
