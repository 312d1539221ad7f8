import { parsePrometheusText, sampleValue } from './prometheus-text';

describe('the Prometheus text parser of the tests', () => {
  it('reads types, help, escaped labels and every value form', () => {
    const families = parsePrometheusText(
      [
        '# HELP jobs_total Jobs done, with \\\\ and \\n escaped.',
        '# TYPE jobs_total counter',
        'jobs_total{kind="a \\"quoted\\" \\\\ line\\nbreak",app="x"} 3',
        'jobs_total{kind="b"} 1.5e3 1700000000000',
        '# TYPE temp gauge',
        'temp -Inf',
        'temp{at="x"} Nan',
        '# TYPE wait histogram',
        'wait_bucket{le="0.1"} 1',
        'wait_bucket{le="1"} 2',
        'wait_bucket{le="+Inf"} 2',
        'wait_sum 0.6',
        'wait_count 2',
        '',
      ].join('\n'),
    );
    expect(families.get('jobs_total')).toMatchObject({
      type: 'counter',
      help: 'Jobs done, with \\ and \n escaped.',
    });
    expect(sampleValue(families, 'jobs_total', { kind: 'a "quoted" \\ line\nbreak' })).toBe(3);
    expect(sampleValue(families, 'jobs_total', { kind: 'b' })).toBe(1500);
    expect(sampleValue(families, 'temp')).toBe(-Infinity);
    expect(families.get('wait')?.samples).toHaveLength(5);
  });

  it.each([
    ['a missing final line feed', 'x 1'],
    ['a value that is not a number', 'x one\n'],
    ['an unknown type', '# TYPE x gauges\nx 1\n'],
    ['a second TYPE', '# TYPE x gauge\n# TYPE x gauge\nx 1\n'],
    ['a TYPE after samples', 'x 1\n# TYPE x gauge\n'],
    ['a bad escape', 'x{a="\\t"} 1\n'],
    ['an unterminated label', 'x{a="1} 1\n'],
    ['a label given twice', 'x{a="1",a="2"} 1\n'],
    ['a duplicate series', 'x{a="1"} 1\nx{a="1"} 2\n'],
    [
      'buckets that go down',
      '# TYPE h histogram\nh_bucket{le="1"} 2\nh_bucket{le="+Inf"} 1\nh_count 1\n',
    ],
    ['no +Inf bucket', '# TYPE h histogram\nh_bucket{le="1"} 2\nh_count 2\n'],
    ['a +Inf bucket unlike _count', '# TYPE h histogram\nh_bucket{le="+Inf"} 2\nh_count 3\n'],
  ])('refuses %s', (_, text) => {
    expect(() => parsePrometheusText(text)).toThrow();
  });
});
