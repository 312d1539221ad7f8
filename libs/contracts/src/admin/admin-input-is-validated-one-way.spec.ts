import {
  AdminInputError,
  ChannelDto,
  CreatePartnerDto,
  RotateKeyDto,
  SetPartnerStatusDto,
  validateAdminInput,
} from '..';

/** What the CLI and the admin API both accept and refuse (they share validateAdminInput). */
function problems(run: () => unknown): Record<string, string> {
  try {
    run();
  } catch (error) {
    if (!(error instanceof AdminInputError)) throw error;
    return Object.fromEntries(error.problems.map((p) => [p.path, p.reasons.join('; ')]));
  }
  throw new Error('the input was accepted');
}

const entitlement = { sections: ['sport'], contentLevel: 'summary' };

describe('admin input', () => {
  it('gets defaults and is cleaned up into the form the rules compare', () => {
    const partner = validateAdminInput(CreatePartnerDto, {
      name: 'Le Soir',
      entitlement: {
        sections: [' sport ', 'sport', 'politique'],
        languages: ['fr_be', 'NL'],
        territories: ['be', 'LU'],
        contentLevel: 'full',
      },
    });
    expect({ ...partner.entitlement }).toEqual({
      sections: ['sport', 'politique'],
      languages: ['fr-BE', 'nl'],
      territories: ['BE', 'LU'],
      contentLevel: 'full',
      // Every format and delivery after the embargo, unless said otherwise.
      formats: ['rss', 'atom', 'json', 'newsml', 'ninjs'],
      embargo: 'on-lift',
    });
  });

  it('names each field at fault once, with the first check it fails', () => {
    expect(
      problems(() =>
        validateAdminInput(CreatePartnerDto, {
          id: 'Le Soir',
          entitlement: { sections: [], territories: ['XX'], contentLevel: 'all', formats: ['pdf'] },
        }),
      ),
    ).toEqual({
      id: 'id must be lower-case letters, digits and dashes (at most 64)',
      name: 'name is required',
      'entitlement.sections': 'sections must contain at least 1 elements',
      'entitlement.territories': 'each value in territories must be an ISO 3166-1 alpha-2 code',
      'entitlement.contentLevel':
        'contentLevel must be one of the following values: headline, summary, full',
      'entitlement.formats':
        'each value in formats must be one of the following values: rss, atom, json, newsml, ninjs',
    });
  });

  it('refuses unknown fields, which would otherwise be dropped without a word', () => {
    expect(
      problems(() =>
        validateAdminInput(CreatePartnerDto, {
          name: 'X',
          entitlement: { ...entitlement, territoires: ['BE'] },
        }),
      ),
    ).toEqual({ 'entitlement.territoires': 'property territoires should not exist' });
  });

  it('refuses what is not an object at all', () => {
    expect(problems(() => validateAdminInput(SetPartnerStatusDto, ['active']))).toEqual({
      '': 'input must be an object',
    });
    expect(problems(() => validateAdminInput(SetPartnerStatusDto, {}))).toEqual({
      status: 'status is required',
    });
  });

  it('keeps the public level and language to public channels', () => {
    const channel = { slug: 'sport', title: 'Sport', publicLevel: 'full', language: 'fr' };
    expect(validateAdminInput(ChannelDto, channel)).toMatchObject({
      publicLevel: 'full',
      filter: { sections: [], keywords: [], languages: [] },
    });
    expect(problems(() => validateAdminInput(ChannelDto, { ...channel, partnerId: 'p' }))).toEqual({
      publicLevel: 'publicLevel is for public channels only',
      language: 'language is for public channels only',
    });
  });

  it('bounds the rotation grace period to 0–720 hours', () => {
    expect(validateAdminInput(RotateKeyDto, { graceHours: 0 }).graceHours).toBe(0);
    expect(problems(() => validateAdminInput(RotateKeyDto, { graceHours: 721 }))).toEqual({
      graceHours: 'graceHours must not be greater than 720',
    });
  });
});
