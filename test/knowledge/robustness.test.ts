import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  deadlineSchema,
  parseDeadline,
  parsePlan,
  planSchema,
  readWarningSchema,
  splitAgencies,
  type Deadline,
} from '../../src/knowledge/index.js';
import { fuzzParameters } from '../support/fuzz.js';
import { realPlan } from '../support/plan-variants.js';

const LINES = realPlan('nhi-chieu').split('\n');
const WITHOUT_DUE: ReadonlySet<Deadline['kind']> = new Set(['recurring', 'ongoing', 'conditional', 'unknown']);
const spacesFolded = (text: string) => text.replace(/\s+/g, ' ').trim();

/** A deadline as the schema documents it: valid fields, a due day exactly for the dated kinds, a window not reversed. */
function expectSaneDeadline(deadline: Deadline): void {
  expect(deadlineSchema.parse(deadline)).toEqual(deadline);
  expect(deadline.due === null).toBe(WITHOUT_DUE.has(deadline.kind));
  if (deadline.start !== null && deadline.due !== null) expect(deadline.start <= deadline.due).toBe(true);
}

/** A plan read from `text`: it matches its schema, its warnings point at a line of `text`, its deadlines are sane. */
function expectSanePlan(text: string): void {
  const { plan, warnings } = parsePlan('x', 'x.md', text);
  expect(planSchema.parse(plan)).toEqual(plan);
  expect(plan.id).toBe('x');
  const lineCount = text.split('\n').length;
  for (const w of warnings) {
    expect(readWarningSchema.parse(w)).toEqual(w);
    expect(w.file).toBe('x.md');
    expect(w.line).toBeLessThanOrEqual(lineCount);
  }
  for (const t of plan.tasks) {
    expect(t.plan).toBe('x');
    expectSaneDeadline(t.deadline);
  }
}

describe('parsePlan on arbitrary text', () => {
  it('never throws and gives a plan its schema accepts, whatever the text', () => {
    fc.assert(fc.property(fc.string({ unit: 'grapheme', maxLength: 400 }), expectSanePlan), fuzzParameters());
  });

  it('gives a sane plan from shuffled and dropped lines of a real plan', () => {
    fc.assert(
      fc.property(fc.shuffledSubarray(LINES, { minLength: 1 }), (lines) => expectSanePlan(lines.join('\n'))),
      fuzzParameters(100),
    );
  });
});

describe('parseDeadline and splitAgencies on arbitrary text', () => {
  it('always give a value their schema accepts, read from the text', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 80 }), (text) => {
        const deadline = parseDeadline(text);
        expectSaneDeadline(deadline);
        expect(deadline.raw).toBe(spacesFolded(text.replace(/<[^>]*>/g, ' ').replace(/\*+/g, '')));
        const refs = splitAgencies(text);
        const folded = spacesFolded(text.replace(/<[^>]*>/g, ' '));
        for (const ref of refs) {
          expect(ref.name).not.toBe('');
          expect(folded).toContain(ref.raw);
        }
        expect(new Set(refs.map((r) => r.name)).size).toBe(refs.length);
      }),
      fuzzParameters(500),
    );
  });
});
