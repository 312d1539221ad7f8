import { PROBLEM_TYPES as COMMON_PROBLEM_TYPES } from '@depeche/observability';

/** Problem types of this API: URNs, stable, for clients to branch on. */
export const PROBLEM_TYPES = {
  ...COMMON_PROBLEM_TYPES,
  badCursor: 'urn:depeche:problem:bad-cursor',
  rateLimited: 'urn:depeche:problem:rate-limited',
  unauthenticated: 'urn:depeche:problem:unauthenticated',
  channelForbidden: 'urn:depeche:problem:channel-forbidden',
  formatForbidden: 'urn:depeche:problem:format-forbidden',
} as const;
