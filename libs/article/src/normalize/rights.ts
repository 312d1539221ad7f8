import type { Rights } from '../article';
import type { RightsInput } from '../article-input';
import { normalizeLine } from '../text';
import { countryCodes } from './territories';
import { optionalLine } from './text-fields';
import { utcTime } from './utc-time';

export function rightsOf(input: RightsInput): Rights {
  return {
    copyrightHolder: normalizeLine(input.copyrightHolder),
    copyrightNotice: normalizeLine(input.copyrightNotice),
    ...optionalLine('usageTerms', input.usageTerms),
    allowedTerritories: countryCodes(input.allowedTerritories, 'rights.allowedTerritories'),
    deniedTerritories: countryCodes(input.deniedTerritories, 'rights.deniedTerritories'),
    ...(input.expiresAt === undefined
      ? {}
      : { expiresAt: utcTime(input.expiresAt, 'rights.expiresAt') }),
  };
}
