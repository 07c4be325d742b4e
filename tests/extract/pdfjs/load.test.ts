import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadPdfjs, pdfjsOptions } from '../../../src/extract/pdfjs/load.js';

/** Built-in methods have no `prototype` property; core-js's replacements are plain functions and do. */
const isBuiltIn = (f: unknown): boolean => typeof f === 'function' && !Object.hasOwn(f, 'prototype');

describe('loadPdfjs', () => {
  it('leaves the native push and JSON methods in place (the legacy build polyfills them, slowly)', async () => {
    await loadPdfjs();
    expect([Array.prototype.push, JSON.stringify, JSON.parse].map(isBuiltIn)).toEqual([true, true, true]);
    const list: number[] = [];
    expect(list.push(1, 2, 3)).toBe(3);
    expect(JSON.stringify({ a: [1, '二'] })).toBe('{"a":[1,"二"]}');
  });

  it('runs pdf.js on the calling thread with the worker module it loaded itself', async () => {
    const pdfjs = await loadPdfjs();
    expect(typeof (globalThis as { pdfjsWorker?: { WorkerMessageHandler?: unknown } }).pdfjsWorker?.WorkerMessageHandler).toBe(
      'function',
    );
    const task = pdfjs.getDocument({ ...pdfjsOptions(), data: new Uint8Array(readFileSync('tests/fixtures/reports/report-2021.pdf')) });
    try {
      const page = await (await task.promise).getPage(1);
      const text = (await page.getTextContent()).items.map((i) => ('str' in i ? i.str : '')).join('');
      expect(text).toContain('政府信息公开');
    } finally {
      await task.destroy();
    }
  });
});
