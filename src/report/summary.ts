import type { Sentences } from '../config/schema.js';
import { fillTemplate } from '../config/sentences.js';
import { NO_AGENCY_LABEL } from '../config/lists.js';
import type { Report, SupportFigures } from './types.js';

type Figures = Pick<Report, 'program' | 'periodNote' | 'intake' | 'ibasho' | 'distribution' | 'support'>;

/**
 * The seed report's three closing sentences (SPEC §8), worded by the config's templates from the
 * figures: the busiest channel and the fewest leading complaint categories that make up more than
 * half; the handout places and count; the gathering venues, sessions and participants.
 */
export function summarySentences(figures: Figures, templates: Sentences): string[] {
  return [
    intakeSentence(figures, templates.intake),
    distributionSentence(figures, templates.distribution),
    ibashoSentence(figures, templates.ibasho),
    // Sentence 4 (SPEC §14), only when support records were read.
    ...(figures.support ? [supportSentence(figures.program, figures.support, templates.support)] : []),
  ].map((sentence) => `${sentence}${figures.periodNote}`);
}

function intakeSentence({ program, intake }: Figures, template: string): string {
  const total = intake.total.total;
  if (total === 0) return `${program}事業は、相談の受付がなかった。`;
  if (total === null) return `${program}事業の相談件数は、少数のため公表を控える。`;
  const channels = Object.entries(intake.total.channel).map(([label, n]) => [label, n ?? 0] as const);
  const most = Math.max(...channels.map(([, n]) => n));
  const topChannels = channels.filter(([, n]) => n === most).map(([label]) => label);

  const categories = Object.entries(intake.total.category)
    .map(([label, n]) => [label, n ?? 0] as const)
    .filter(([, n]) => n > 0)
    .sort((a, b) => b[1] - a[1]);
  // With several 主訴 per consultation (SPEC §14) the share is of all mentions, not of consultations.
  const whole =
    intake.categoryMode === 'multiple'
      ? Math.max(
          1,
          categories.reduce((n, [, count]) => n + count, 0),
        )
      : total;
  const leading: string[] = [];
  let sum = 0;
  for (const [label, n] of categories) {
    leading.push(label);
    sum += n;
    if (2 * sum > whole) break;
  }
  const tenths = Math.floor((10 * sum) / whole);
  const shareText = (10 * sum) % whole === 0 ? `${tenths}割を占めていた` : `${tenths}割を超えていた`;
  return fillTemplate(template, {
    program,
    topChannel: topChannels.join('・'),
    topCategories: leading.join('、'),
    shareText,
    total: String(total),
  });
}

/** A count as the sentences print it: x when hidden by --suppress-below. */
const shown = (n: number | null): string => (n === null ? 'x' : String(n));

/** How many places have a count; x when a hidden count leaves it open. */
function placesUsed(counts: (number | null)[]): string {
  return counts.includes(null) ? 'x' : String(counts.filter((n) => n! > 0).length);
}

function distributionSentence({ program, distribution }: Figures, template: string): string {
  if (distribution.count === 0) return '生理用品の配布はなかった。';
  return fillTemplate(template, {
    program,
    count: shown(distribution.count),
    locationsUsed: placesUsed(distribution.locations.map((l) => l.count)),
  });
}

function ibashoSentence({ program, ibasho }: Figures, template: string): string {
  if (ibasho.sessions === 0) return '居場所の開設はなかった。';
  return fillTemplate(template, {
    program,
    venuesUsed: placesUsed(ibasho.venues.map((v) => v.sessions)),
    sessions: shown(ibasho.sessions),
    participants: shown(ibasho.participants),
  });
}

/**
 * 同行支援等の支援は延べ23件（同行支援8件、訪問支援5件、他機関との調整10件）行い、連携先は福祉事務所が最も多かった。
 * Types with no action are left out of the list; agencies tied for the most are all named, with
 * （同数）, joined by 「、」 (labels such as 教育委員会・学校 hold 「・」 themselves). With no 連携先 written at all there is no agency to name: the template's clause about
 * it cannot be filled, so the sentence says so in its own words.
 */
function supportSentence(program: string, support: SupportFigures, template: string): string {
  if (support.total === 0) return '同行支援等の支援はなかった。';
  const typeCounts = Object.entries(support.type)
    .filter(([, n]) => n !== 0)
    .map(([label, n]) => `${label}${shown(n)}件`)
    .join('、');
  const agencies = support.byAgency.filter((row) => row.agency !== NO_AGENCY_LABEL);
  const counts = agencies.map((row) => row.total);
  const most = Math.max(0, ...counts.map((n) => n ?? 0));
  if (most === 0 && !counts.includes(null)) {
    return `同行支援等の支援は延べ${shown(support.total)}件（${typeCounts}）行い、連携先の記入はなかった。`;
  }
  const top = agencies.filter((row) => row.total === most).map((row) => row.agency);
  // A hidden count (--suppress-below) may be the largest: which agency leads is then not told.
  const topAgency = counts.includes(null) ? 'x' : top.length > 1 ? `${top.join('、')}（同数）` : top[0]!;
  return fillTemplate(template, { program, total: shown(support.total), typeCounts, topAgency });
}
