import { describe, expect, it } from 'vitest';
import { collapseWhitespace, compactText, stripArtefacts } from '../../src/normalize/text.js';

describe('compactText', () => {
  it('folds full-width forms and drops every kind of whitespace and invisible character', () => {
    expect(compactText('商业\n企业')).toBe('商业企业');
    expect(compactText('\u3000自然\u00a0人\u200b ')).toBe('自然人');
    expect(compactText('（一）１２３，４５６．７／－')).toBe('(一)123,456.7/-');
  });
});

describe('collapseWhitespace', () => {
  it('keeps the printed characters on one line: one space per whitespace run, trimmed', () => {
    expect(collapseWhitespace('\u3000a\u00a0\u00a0b\n\tc\u200b ')).toBe('a b c');
    expect(collapseWhitespace('（一）１２３')).toBe('（一）１２３');
  });
});

describe('stripArtefacts', () => {
  it('removes bookmarks (any case) and bold markers, keeping the text between them', () => {
    expect(stripArtefacts('[bookmark: _GoBack]**（二）依申请公开**')).toBe('（二）依申请公开');
    expect(stripArtefacts('[Bookmark: x]__自然人__')).toBe('自然人');
    expect(stripArtefacts('# 标题 * 1')).toBe('# 标题 * 1');
  });
});
