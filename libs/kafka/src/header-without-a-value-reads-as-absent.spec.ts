import type { IHeaders } from 'kafkajs';
import { headerText } from './header-text';

describe('a header read from a consumed message', () => {
  // As kafkajs decodes a header sent without a value: null, which IHeaders does not admit.
  const valueless = { 'correlation-id': null } as unknown as IHeaders;

  it('reads a header sent without a value as absent, not as a crash', () => {
    expect(headerText(valueless, 'correlation-id')).toBeUndefined();
    expect(headerText({ 'x-list': [null] } as unknown as IHeaders, 'x-list')).toBeUndefined();
  });

  it('reads bytes and text, the first of a repeated header, and nothing for a missing one', () => {
    const headers: IHeaders = {
      'content-type': Buffer.from('application/json; charset=utf-8'),
      'x-text': 'caf\u00e9',
      'x-list': [Buffer.from('first'), 'second'],
    };
    expect(headerText(headers, 'content-type')).toBe('application/json; charset=utf-8');
    expect(headerText(headers, 'x-text')).toBe('café');
    expect(headerText(headers, 'x-list')).toBe('first');
    expect(headerText(headers, 'missing')).toBeUndefined();
    expect(headerText(undefined, 'content-type')).toBeUndefined();
  });
});
