/** The coded lists of a config, by the key they have in the config file. Kept apart from the zod schema so that reading logs does not load zod. */
export const CODED_LISTS = ['channels', 'categories', 'outcomes', 'ibashoVenues', 'distributionLocations'] as const;
export type CodedList = (typeof CODED_LISTS)[number];
