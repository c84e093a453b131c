/**
 * Shared pieces of the property-based fuzz tests (test/fuzz/): reproducible run settings and arbitraries of
 * hostile values, texts and mutated JSON.
 *
 * Runs use a fixed seed so CI is reproducible; `FUZZ_SEED=<int>` picks another seed. Every property runs
 * {@link DEFAULT_RUNS} cases by default (a fast test loop); `FUZZ_RUNS=<n>` sets the number of cases of every
 * property for a deep run (e.g. `FUZZ_SEED=7 FUZZ_RUNS=20000 npx vitest run test/fuzz`).
 * A failure prints the seed, the path and the shrunk counterexample.
 */
import fc from 'fast-check';

const DEFAULT_SEED = 226;
/** Cases per property unless FUZZ_RUNS says otherwise. */
export const DEFAULT_RUNS = 300;

function envInt(name: string): number | undefined {
  const raw = process.env[name];
  if (raw === undefined || raw.trim() === '') return undefined;
  const value = Number(raw);
  if (!Number.isSafeInteger(value)) throw new Error(`fuzz: ${name} must be an integer, got '${raw}'`);
  return value;
}

/**
 * fast-check parameters for one property: `defaultRuns` ({@link DEFAULT_RUNS}; fewer for a property that writes
 * files or serves HTTP per case) unless FUZZ_RUNS says otherwise, the fixed or FUZZ_SEED seed.
 */
export function fuzzParameters(defaultRuns = DEFAULT_RUNS): { seed: number; numRuns: number } {
  return { seed: envInt('FUZZ_SEED') ?? DEFAULT_SEED, numRuns: envInt('FUZZ_RUNS') ?? defaultRuns };
}

/** Control characters (C0, DEL, C1), zero-width and direction marks, a lone surrogate, the BOM and U+FFFD. */
export const ODD_CHARS = [
  '\u0000',
  '\u0007',
  '\u001b',
  '\u007f',
  '\u0085',
  '\u009b',
  '\u200b',
  '\u200e',
  '\u202e',
  '\ud800',
  '\ufeff',
  '\ufffd',
  '\t',
  '\r',
  '\n',
];

/** Text people (or attackers) might send: any unicode, emoji, Vietnamese, control characters, sometimes very long. */
export const hostileText: fc.Arbitrary<string> = fc.oneof(
  { arbitrary: fc.string({ unit: 'grapheme', maxLength: 60 }), weight: 4 },
  {
    arbitrary: fc.string({
      unit: fc.constantFrom('a', 'đ', 'ư', 'ờ', 'Ệ', ' ', '%', '#', '/', '0', '4', '9', '🎉', '👍🏽', ...ODD_CHARS),
      maxLength: 40,
    }),
    weight: 4,
  },
  { arbitrary: fc.string({ unit: 'binary', maxLength: 30 }), weight: 2 },
  { arbitrary: fc.constantFrom('', ' ', '\n\n', 'x'.repeat(10_000), 'ệ'.repeat(5_000), '🎉'.repeat(3_000)), weight: 1 },
);

/**
 * `{ a: { a: … } }` nested `depth` times around `leaf` (structuredClone and JSON.stringify recurse: keep it to a
 * few hundred levels; use {@link deepJson} for deeper).
 */
export const nested = (depth: number, leaf: unknown = null): unknown => {
  let value = leaf;
  for (let i = 0; i < depth; i++) value = { a: value };
  return value;
};

/** A value of the wrong kind for almost any field: odd numbers, huge or odd strings, deep nesting, arrays, null. */
export const hostileValue: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom(null, true, false, 0, -1, 1.5, 1e9, 1e308, -0, Number.MAX_SAFE_INTEGER + 2, '', '0', 'null', [], {}),
  hostileText,
  fc.integer(),
  fc.double(),
  fc.constantFrom(1_000, 100_000).map((n) => 'a'.repeat(n)),
  fc.integer({ min: 1, max: 300 }).map((depth) => nested(depth)),
  fc.anything({ maxDepth: 3 }),
);

/** JSON text nesting `{"a":` `depth` times around `leaf` (JSON.parse reads it without recursing). */
export const deepJson = (depth: number, leaf = 'null'): string => `${'{"a":'.repeat(depth)}${leaf}${'}'.repeat(depth)}`;

type Mutation = { at: number; kind: 'delete' | 'replace' | 'add'; key: string; value: unknown };

const mutationArb: fc.Arbitrary<Mutation> = fc.record({
  at: fc.nat(),
  kind: fc.constantFrom('delete', 'replace', 'replace', 'add'),
  key: fc.oneof(
    fc.constantFrom('text', 'id', 'message', 'from', 'chat', 'date', '__proto__', 'constructor'),
    fc.string({ maxLength: 8 }),
  ),
  value: hostileValue,
});

/** Every object or array inside `root` (root included) with the keys it holds. */
function containers(root: unknown): Array<Record<string, unknown>> {
  const found: Array<Record<string, unknown>> = [];
  const walk = (value: unknown) => {
    if (value === null || typeof value !== 'object') return;
    found.push(value as Record<string, unknown>);
    for (const child of Object.values(value)) walk(child);
  };
  walk(root);
  return found;
}

function apply(root: unknown, m: Mutation): unknown {
  const all = containers(root);
  const target = all[m.at % Math.max(all.length, 1)];
  if (target === undefined) return structuredClone(m.value);
  const keys = Object.keys(target);
  const key = m.kind === 'add' || keys.length === 0 ? m.key : keys[m.at % keys.length]!;
  if (m.kind === 'delete') delete target[key];
  // A copy, so a later mutation never edits the generated value; defineProperty, so '__proto__' becomes an own key as JSON.parse makes it.
  else
    Object.defineProperty(target, key, {
      value: structuredClone(m.value),
      enumerable: true,
      writable: true,
      configurable: true,
    });
  return root;
}

/**
 * A valid value from `base` with 1 to `maxMutations` random changes: a field removed, a field replaced by a
 * {@link hostileValue} (wrong type, huge string, deep nesting, unicode), or a field added.
 */
export function mutated(base: fc.Arbitrary<unknown>, maxMutations = 3): fc.Arbitrary<unknown> {
  return fc
    .tuple(base, fc.array(mutationArb, { minLength: 1, maxLength: maxMutations }))
    .map(([value, mutations]) => mutations.reduce((root, m) => apply(root, m), structuredClone(value)));
}

/** JSON text that is cut short or has a stray byte: mostly not JSON any more. */
export function brokenJson(json: fc.Arbitrary<string>): fc.Arbitrary<string> {
  return fc
    .tuple(json, fc.nat(), fc.constantFrom('', '{', '}', ',', '"', '\\', '\u0000', 'NaN', 'undefined'))
    .map(([text, at, extra]) => text.slice(0, at % (text.length + 1)) + extra);
}
