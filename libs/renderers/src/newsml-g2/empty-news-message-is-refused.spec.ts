import { validateNewsml } from '@depeche/testing';
import { FIXED_NOW } from '../test-support/fixed-clock';
import { sampleChannel } from '../test-support/sample-channel';
import { xmlDocument } from '../xml/xml-document';
import { element, textElement } from '../xml/xml-node';
import { NAR_NAMESPACE } from './newsml-g2.constants';
import { renderNewsmlMessage } from './newsml-g2.renderer';

describe('a NewsML-G2 newsMessage without items', () => {
  it('is refused: the renderer never writes an invalid document', () => {
    expect(() =>
      renderNewsmlMessage({
        articles: [],
        channel: sampleChannel(),
        level: 'full',
        now: FIXED_NOW,
      }),
    ).toThrow(RangeError);
  });

  it('would be invalid: the 2.35 schema wants at least one item in itemSet', async () => {
    const empty = xmlDocument(
      element('newsMessage', { xmlns: NAR_NAMESPACE }, [
        element('header', {}, [textElement('sent', '2025-07-04T15:00:00Z')]),
        element('itemSet'),
      ]),
    );
    const verdict = await validateNewsml(empty);
    expect(verdict.ok).toBe(false);
    expect(verdict.output).toContain('itemSet');
  });
});
