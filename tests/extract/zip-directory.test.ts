import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import JSZip from 'jszip';
import { inflateEntry, localEntryNames, readZipDirectory } from '../../src/extract/zip-directory.js';
import { FileTooLargeError, InvalidFileError } from '../../src/errors.js';

const TEMPLATE = readFileSync('tests/fixtures/shared/corpus/govnianbao__政务公开年报模版.docx');
const fixture = (path: string): Uint8Array => readFileSync(new URL(`../fixtures/${path}`, import.meta.url));

describe('readZipDirectory / inflateEntry', () => {
  it('lists the entries of a real DOCX and inflates them to the same bytes as JSZip', async () => {
    const entries = readZipDirectory(TEMPLATE)!;
    const zip = await JSZip.loadAsync(TEMPLATE);
    expect(entries.map((e) => e.name).filter((n) => !n.endsWith('/')).sort()).toEqual(Object.keys(zip.files).filter((n) => !zip.files[n]!.dir).sort());
    const main = entries.find((e) => e.name === 'word/document.xml')!;
    const ours = inflateEntry(TEMPLATE, main, 50_000_000);
    expect(ours.length).toBe(main.uncompressedSize);
    expect(Buffer.from(ours).equals(await zip.file('word/document.xml')!.async('nodebuffer'))).toBe(true);
  });

  it('returns null for bytes without a directory, while local headers still name the first entries', () => {
    const truncated = fixture('broken/truncated.docx');
    expect(readZipDirectory(truncated)).toBeNull();
    expect(localEntryNames(truncated, 10)).toContain('word/document.xml');
  });

  it('caps the inflated size even when the directory lies about it', () => {
    const lying = fixture('broken/zip-bomb-lying.docx');
    const entry = readZipDirectory(lying)!.find((e) => e.name === 'word/document.xml')!;
    expect(entry.uncompressedSize).toBe(1000);
    expect(() => inflateEntry(lying, entry, 5_000_000)).toThrow(FileTooLargeError);
  });

  it('refuses an entry whose data is cut off', () => {
    const entries = readZipDirectory(TEMPLATE)!;
    const main = entries.find((e) => e.name === 'word/document.xml')!;
    expect(() => inflateEntry(TEMPLATE.subarray(0, main.localHeaderOffset + 40), main, 50_000_000)).toThrow(InvalidFileError);
  });
});
