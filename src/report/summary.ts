import type { Report } from './types.js';

type Figures = Pick<Report, 'program' | 'periodNote' | 'intake' | 'ibasho' | 'distribution'>;

/**
 * The seed report's three closing sentences (SPEC §8), from the figures: the busiest channel and
 * the fewest leading complaint categories that make up more than half; the handout places and
 * count; the gathering venues, sessions and participants.
 */
export function summarySentences(figures: Figures): string[] {
  return [intakeSentence(figures), distributionSentence(figures), ibashoSentence(figures)].map(
    (sentence) => `${sentence}${figures.periodNote}`,
  );
}

function intakeSentence({ program, intake }: Figures): string {
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
  const leading: string[] = [];
  let sum = 0;
  for (const [label, n] of categories) {
    leading.push(label);
    sum += n;
    if (2 * sum > total) break;
  }
  const tenths = Math.floor((10 * sum) / total);
  const share = (10 * sum) % total === 0 ? `${tenths}割を占めていた` : `${tenths}割を超えていた`;
  return `${program}事業は、${topChannels.join('・')}での相談が最も多く、主訴は${leading.join('、')}が全体の${share}。`;
}

/** A count as the sentences print it: x when hidden by --suppress-below. */
const shown = (n: number | null): string => (n === null ? 'x' : String(n));

/** How many places have a count; x when a hidden count leaves it open. */
function placesUsed(counts: (number | null)[]): string {
  return counts.includes(null) ? 'x' : String(counts.filter((n) => n! > 0).length);
}

function distributionSentence({ distribution }: Figures): string {
  if (distribution.count === 0) return '生理用品の配布はなかった。';
  const places = placesUsed(distribution.locations.map((l) => l.count));
  return `生理用品の配布は${places}か所で行い、累計${shown(distribution.count)}件の配布を行った。`;
}

function ibashoSentence({ ibasho }: Figures): string {
  if (ibasho.sessions === 0) return '居場所の開設はなかった。';
  const venues = placesUsed(ibasho.venues.map((v) => v.sessions));
  return `居場所の開設事業については、${venues}カ所で延べ${shown(ibasho.sessions)}回開設され、${shown(ibasho.participants)}名の利用があった。`;
}
