/**
 * A strict parser of the Prometheus text exposition format 0.0.4
 * (https://prometheus.io/docs/instrumenting/exposition_formats/), written apart from prom-client
 * so that a test of /metrics does not trust the library that wrote it. It throws on anything the
 * format does not allow, naming the line.
 */
export type MetricType = 'counter' | 'gauge' | 'histogram' | 'summary' | 'untyped';

export interface Sample {
  readonly name: string;
  readonly labels: Readonly<Record<string, string>>;
  readonly value: number;
}

export interface MetricFamily {
  readonly name: string;
  type: MetricType;
  help?: string;
  readonly samples: Sample[];
}

const NAME = /^[a-zA-Z_:][a-zA-Z0-9_:]*$/;
const LABEL_NAME = /^[a-zA-Z_][a-zA-Z0-9_]*$/;
const TYPES: readonly MetricType[] = ['counter', 'gauge', 'histogram', 'summary', 'untyped'];

export function parsePrometheusText(text: string): Map<string, MetricFamily> {
  const families = new Map<string, MetricFamily>();
  const seen = new Set<string>();
  const lines = text.split('\n');
  if (lines[lines.length - 1] !== '') throw new Error('exposition must end with a line feed');
  lines.pop();
  lines.forEach((line, index) => {
    const fail = (why: string): never => {
      throw new Error(`line ${index + 1}: ${why}: ${line}`);
    };
    if (line.trim() === '') return;
    if (line.startsWith('#')) {
      const match = /^# (HELP|TYPE) (\S+)(?: (.*))?$/.exec(line);
      if (!match) return; // a plain comment
      const [, keyword, name = '', rest = ''] = match;
      if (!NAME.test(name)) fail('bad metric name');
      const family = families.get(name) ?? newFamily(families, name);
      if (keyword === 'TYPE') {
        if (family.samples.length > 0) fail('TYPE after samples');
        if (!TYPES.includes(rest as MetricType)) fail('unknown type');
        if (family.type !== 'untyped' || familyTyped.has(family)) fail('second TYPE');
        family.type = rest as MetricType;
        familyTyped.add(family);
      } else {
        if (family.help !== undefined) fail('second HELP');
        family.help = unescape(rest, false, fail);
      }
      return;
    }
    const sample = parseSample(line, fail);
    const identity = `${sample.name}${JSON.stringify(Object.entries(sample.labels).sort())}`;
    if (seen.has(identity)) fail('duplicate series');
    seen.add(identity);
    const family = familyOf(families, sample.name);
    family.samples.push(sample);
  });
  for (const family of families.values()) {
    if (family.type === 'histogram') checkHistogram(family);
  }
  return families;
}

const familyTyped = new WeakSet<MetricFamily>();

function newFamily(families: Map<string, MetricFamily>, name: string): MetricFamily {
  const family: MetricFamily = { name, type: 'untyped', samples: [] };
  families.set(name, family);
  return family;
}

/** A histogram's or summary's `_bucket`, `_sum`, `_count` series belong to its family. */
function familyOf(families: Map<string, MetricFamily>, sampleName: string): MetricFamily {
  const exact = families.get(sampleName);
  if (exact) return exact;
  const base = sampleName.replace(/_(bucket|sum|count)$/, '');
  const parent = families.get(base);
  if (parent && (parent.type === 'histogram' || parent.type === 'summary')) {
    if (sampleName.endsWith('_bucket') && parent.type !== 'histogram') {
      throw new Error(`${sampleName}: _bucket on a summary`);
    }
    return parent;
  }
  return newFamily(families, sampleName);
}

function parseSample(line: string, fail: (why: string) => never): Sample {
  const nameMatch = /^([a-zA-Z_:][a-zA-Z0-9_:]*)/.exec(line);
  if (!nameMatch?.[1]) return fail('no metric name');
  const name = nameMatch[1];
  let rest = line.slice(name.length);
  const labels: Record<string, string> = {};
  if (rest.startsWith('{')) {
    rest = rest.slice(1);
    while (!rest.startsWith('}')) {
      const label = /^([a-zA-Z_][a-zA-Z0-9_]*)="/.exec(rest);
      if (!label?.[1] || !LABEL_NAME.test(label[1])) fail('bad label');
      const labelName = label?.[1] ?? '';
      if (labelName in labels) fail(`label ${labelName} twice`);
      rest = rest.slice((label?.[0] ?? '').length);
      let raw = '';
      for (;;) {
        const ch = rest[0];
        if (ch === undefined) fail('unterminated label value');
        if (ch === '"') break;
        if (ch === '\\') {
          raw += rest.slice(0, 2);
          rest = rest.slice(2);
        } else {
          raw += ch;
          rest = rest.slice(1);
        }
      }
      labels[labelName] = unescape(raw, true, fail);
      rest = rest.slice(1);
      if (rest.startsWith(',')) rest = rest.slice(1);
      else if (!rest.startsWith('}')) fail('expected , or }');
    }
    rest = rest.slice(1);
  }
  const parts = rest.split(' ');
  if (parts[0] !== '' || parts.length < 2 || parts.length > 3)
    fail('expected " value [timestamp]"');
  const value = parseValue(parts[1] ?? '', fail);
  if (parts[2] !== undefined && !/^-?\d+$/.test(parts[2])) fail('bad timestamp');
  return { name, labels, value };
}

/**
 * Values are what Go's strconv.ParseFloat reads (Prometheus parses them with it): special values
 * in any case, so prom-client's `Nan` is valid.
 */
function parseValue(text: string, fail: (why: string) => never): number {
  if (/^\+?inf(inity)?$/i.test(text)) return Infinity;
  if (/^-inf(inity)?$/i.test(text)) return -Infinity;
  if (/^nan$/i.test(text)) return NaN;
  if (!/^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/.test(text)) fail(`bad value ${text}`);
  return Number(text);
}

/** Label values escape `\\`, `\"`, `\n`; HELP escapes `\\` and `\n` only. */
function unescape(raw: string, quotes: boolean, fail: (why: string) => never): string {
  return raw.replace(/\\(.?)/g, (_, ch: string) => {
    if (ch === '\\') return '\\';
    if (ch === 'n') return '\n';
    if (ch === '"' && quotes) return '"';
    return fail(`bad escape \\${ch}`);
  });
}

/** Buckets are cumulative, end with le="+Inf", and that bucket equals _count. */
function checkHistogram(family: MetricFamily): void {
  const series = new Map<string, Sample[]>();
  for (const s of family.samples) {
    const { le, ...rest } = s.labels;
    const key = JSON.stringify(Object.entries(rest).sort());
    if (s.name.endsWith('_bucket')) {
      if (le === undefined) throw new Error(`${family.name}: bucket without le`);
      series.set(key, [...(series.get(key) ?? []), s]);
    }
  }
  for (const [key, buckets] of series) {
    const sorted = [...buckets].sort((a, b) => le(a) - le(b));
    sorted.reduce((previous, b) => {
      if (b.value < previous) throw new Error(`${family.name}${key}: buckets not cumulative`);
      return b.value;
    }, 0);
    const last = sorted[sorted.length - 1];
    if (!last || le(last) !== Infinity) throw new Error(`${family.name}${key}: no +Inf bucket`);
    const count = family.samples.find(
      (s) =>
        s.name === `${family.name}_count` &&
        JSON.stringify(Object.entries(s.labels).sort()) === key,
    );
    if (count?.value !== last.value) throw new Error(`${family.name}${key}: +Inf bucket ≠ _count`);
  }
}

function le(sample: Sample): number {
  const text = sample.labels.le ?? '';
  return text === '+Inf' ? Infinity : Number(text);
}

/** The value of one series, or undefined; `labels` must match exactly the ones given. */
export function sampleValue(
  families: Map<string, MetricFamily>,
  name: string,
  labels: Readonly<Record<string, string>> = {},
): number | undefined {
  for (const family of families.values()) {
    for (const s of family.samples) {
      if (s.name !== name) continue;
      if (Object.entries(labels).every(([k, v]) => s.labels[k] === v)) return s.value;
    }
  }
  return undefined;
}
