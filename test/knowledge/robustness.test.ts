import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseDeadline, parsePlan, splitAgencies } from '../../src/knowledge/index.js';
import { realPlan } from '../support/plan-variants.js';

const LINES = realPlan('nhi-chieu').split('\n');

describe('parsePlan on arbitrary text', () => {
  it('never throws, whatever the text', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 400 }), (text) => {
        const { plan } = parsePlan('x', 'x.md', text);
        expect(plan.id).toBe('x');
      }),
      { numRuns: 300 },
    );
  });

  it('never throws on shuffled and dropped lines of a real plan', () => {
    fc.assert(
      fc.property(fc.shuffledSubarray(LINES, { minLength: 1 }), (lines) => {
        const { plan, warnings } = parsePlan('x', 'x.md', lines.join('\n'));
        for (const w of warnings) expect(w.line).toBeGreaterThanOrEqual(0);
        for (const t of plan.tasks) expect(t.deadline.raw.length).toBeGreaterThanOrEqual(0);
      }),
      { numRuns: 100 },
    );
  });
});

describe('parseDeadline and splitAgencies on arbitrary text', () => {
  it('always give a value', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 80 }), (text) => {
        expect(parseDeadline(text).kind).toBeTypeOf('string');
        expect(Array.isArray(splitAgencies(text))).toBe(true);
      }),
      { numRuns: 500 },
    );
  });
});
