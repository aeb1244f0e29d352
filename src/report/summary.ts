import type { Sentences } from '../config/schema.js';
import { fillTemplate } from '../config/sentences.js';
import type { Report } from './types.js';

type Figures = Pick<Report, 'program' | 'periodNote' | 'intake' | 'ibasho' | 'distribution'>;

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
