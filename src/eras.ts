/** A Japanese era: the first and last calendar dates it covers, and the Gregorian year of its year 1. */
export interface Era {
  /** Every name it is written with: 令和, 令, R (matched case-insensitively). */
  names: readonly string[];
  first: string;
  last: string;
  base: number;
}

/** The eras a log or an option may use — the one table of them (labels come from Intl's Japanese calendar). */
export const ERAS: readonly Era[] = [
  { names: ['令和', '令', 'r'], first: '2019-05-01', last: '9999-12-31', base: 2019 },
  { names: ['平成', '平', 'h'], first: '1989-01-08', last: '2019-04-30', base: 1989 },
  { names: ['昭和', '昭', 's'], first: '1926-12-25', last: '1989-01-07', base: 1926 },
];

const BY_NAME = new Map(ERAS.flatMap((era) => era.names.map((name) => [name, era] as const)));

/** The era written as `name` (令和, 令, R, r …), if any. */
export function eraNamed(name: string): Era | undefined {
  return BY_NAME.get(name.toLowerCase());
}

/** Every era name, longest first, for a regular expression's alternation. */
export const ERA_NAME_PATTERN = ERAS.flatMap((era) => era.names)
  .sort((a, b) => b.length - a.length)
  .join('|');

/** The Gregorian year of an era's year (元 is 1): 令和3 → 2021, 昭和63 → 1988. */
export function gregorianYear(era: Era, eraYear: number): number {
  return era.base + eraYear - 1;
}
