import { describe, expect, it } from 'vitest';
import type { SearchDoc } from '../../../src/search/retrieval/documents.js';
import { buildEngine, searchEngine } from '../../../src/search/retrieval/engine.js';
import { DEFAULT_SEARCH_OPTIONS } from '../../../src/search/options.js';
import { termsOf } from '../../../src/search/retrieval/terms.js';

let next = 0;
const doc = (plan: string, title: string, text = '', agency = ''): SearchDoc => ({
  id: next++,
  kind: 'section',
  plan,
  task: null,
  section: `S${next}`,
  title,
  text,
  agency,
  ref: 0,
});

describe('termsOf', () => {
  it('folds diacritics, spells out abbreviations and adds syllable bigrams', () => {
    expect(termsOf('Phòng VHXH')).toEqual([
      'phong',
      'van',
      'hoa',
      'xa',
      'hoi',
      'phong_van',
      'van_hoa',
      'hoa_xa',
      'xa_hoi',
    ]);
    expect(termsOf('UBND')).toEqual(termsOf('Ủy ban nhân dân'));
  });
});

describe('searchEngine', () => {
  const docs = [
    doc('a', 'Tổ chức hội nghị trực tuyến'),
    doc('a', 'Hội đồng thẩm định sáng kiến', 'Nghị quyết của hội đồng'),
    doc('a', 'Phòng Văn hóa - Xã hội theo dõi', ''),
    doc('b', 'Tổ chức hội nghị trực tuyến'),
    doc('b', 'Thủ tục hành chính trên môi trường số'),
  ];
  const engine = buildEngine(docs, DEFAULT_SEARCH_OPTIONS);

  it('ranks "hội nghị" side by side above text merely holding both syllables', () => {
    const hits = searchEngine(engine, [['hoi', 'nghi']], { plans: ['a'] });
    expect(hits.slice(0, 2).map((h) => h.doc.title)).toEqual([
      'Tổ chức hội nghị trực tuyến',
      'Hội đồng thẩm định sáng kiến',
    ]);
    expect(hits[0]).toMatchObject({ bigram: true, share: 1 });
    expect(hits[1]).toMatchObject({ bigram: false });
  });

  it('finds abbreviations from their long form and back', () => {
    expect(searchEngine(engine, [['vhxh']])[0]?.doc.title).toBe('Phòng Văn hóa - Xã hội theo dõi');
    expect(searchEngine(engine, [['tthc']])[0]?.doc.title).toBe('Thủ tục hành chính trên môi trường số');
  });

  it('tolerates one typo in a longer syllable', () => {
    expect(searchEngine(engine, [['truc', 'tuyem']], { plans: ['b'] })[0]?.doc.title).toBe(
      'Tổ chức hội nghị trực tuyến',
    );
  });

  it('indexes a text shared by plans once and returns each place in scope', () => {
    expect(engine.distinct).toBe(4);
    expect(searchEngine(engine, [['truc', 'tuyen']]).map((h) => h.doc.plan)).toEqual(['a', 'b']);
    expect(searchEngine(engine, [['truc', 'tuyen']], { plans: ['b'] }).map((h) => h.doc.plan)).toEqual(['b']);
  });

  it('keeps to the kinds asked for', () => {
    expect(searchEngine(engine, [['hoi', 'nghi']], { kinds: ['task'] })).toEqual([]);
  });
});
