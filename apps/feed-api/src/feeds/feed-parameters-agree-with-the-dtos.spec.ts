import { BadRequestException } from '@nestjs/common';
import { feedRequestOf } from './feed-request';

describe("the feed route's parameters", () => {
  it.each([
    [{ file: 'all.rss' }, {}, { params: { file: 'all.rss' }, query: {} }],
    [{ file: 'all.rss' }, { limit: '7' }, { params: { file: 'all.rss' }, query: { limit: 7 } }],
    // Not plain digits: left to the DTO, which converts as Nest's routes do.
    [
      { file: 'une.atom' },
      { limit: '010' },
      { params: { file: 'une.atom' }, query: { limit: 10 } },
    ],
    [{ file: 'a-b.json' }, { other: 'x' }, { params: { file: 'a-b.json' }, query: {} }],
  ])('takes %j %j', async (params, query, expected) => {
    const valid = await feedRequestOf(params, query);
    expect({ params: { ...valid.params }, query: { ...valid.query } }).toEqual(expected);
  });

  it.each([
    [{ file: 'all.pdf' }, {}, /the feed must be/],
    [{ file: 'all.rss' }, { limit: '201' }, /limit must not be greater than 200/],
    [{ file: 'all.rss' }, { limit: '0' }, /limit must not be less than 1/],
    [{ file: 'all.rss' }, { limit: 'ten' }, /limit must be an integer/],
    [{ file: 'all.rss' }, { limit: '-1' }, /limit must not be less than 1/],
  ])('refuses %j %j with the DTO message', async (params, query, message) => {
    const error: unknown = await feedRequestOf(params, query).then(
      () => undefined,
      (refusal: unknown) => refusal,
    );
    expect(error).toBeInstanceOf(BadRequestException);
    const { message: messages } = (error as BadRequestException).getResponse() as {
      message: string[];
    };
    expect(messages.some((text) => message.test(text))).toBe(true);
  });
});
