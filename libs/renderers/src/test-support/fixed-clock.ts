/** The tests' clock: half an hour after the sample article was published (2025-07-04T14:30:00Z). */
export const FIXED_NOW = new Date('2025-07-04T15:00:00Z');
