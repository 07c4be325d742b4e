import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { openDocxPackage, resolvePartName } from '../../src/extract/docx-package.js';
import { childrenNamed } from '../../src/extract/docx-xml.js';
import { FileTooLargeError, InvalidFileError, WrongFormatError } from '../../src/errors.js';

const fixture = (path: string): Uint8Array => readFileSync(new URL(`../fixtures/${path}`, import.meta.url));
const ROOMY = { maxPartBytes: 50_000_000, maxTotalBytes: 100_000_000 };

describe('resolvePartName', () => {
  it('resolves relationship targets from the source part folder, absolute ones from the root', () => {
    expect(resolvePartName('word', 'styles.xml')).toBe('word/styles.xml');
    expect(resolvePartName('word', './media/../footnotes.xml')).toBe('word/footnotes.xml');
    expect(resolvePartName('word', '/word/styles.xml')).toBe('word/styles.xml');
    expect(resolvePartName('', 'word/document.xml')).toBe('word/document.xml');
    expect(resolvePartName('word/sub', '../../custom.xml')).toBe('custom.xml');
  });
});

describe('openDocxPackage', () => {
  it('parses the main part and the related parts it is asked for', () => {
    const pkg = openDocxPackage(fixture('docx/body-features.docx'), ROOMY);
    expect(childrenNamed(pkg.main, 'w:document')).toHaveLength(1);
    expect(childrenNamed(pkg.related('styles')!, 'w:styles')).toHaveLength(1);
    expect(childrenNamed(pkg.related('footnotes')!, 'w:footnotes')).toHaveLength(1);
    expect(pkg.related('endnotes')).not.toBeNull();
  });

  it('returns null for a related part the package does not have (the WPS template has no footnotes)', () => {
    const pkg = openDocxPackage(readFileSync('tests/fixtures/shared/corpus/govnianbao__政务公开年报模版.docx'), ROOMY);
    expect(pkg.related('footnotes')).toBeNull();
    expect(pkg.related('styles')).not.toBeNull();
  });

  it('counts related parts against the total cap when they are read (main 10 kB, styles 8 kB)', () => {
    const bytes = fixture('docx/body-features.docx');
    const pkg = openDocxPackage(bytes, { maxPartBytes: 1_000_000, maxTotalBytes: 15_000 });
    expect(() => pkg.related('styles')).toThrow(FileTooLargeError);
  });

  it('refuses what is not a DOCX package with typed errors', () => {
    expect(() => openDocxPackage(fixture('broken/truncated.docx'), ROOMY)).toThrow(InvalidFileError);
    expect(() => openDocxPackage(fixture('broken/zip-without-document.docx'), ROOMY)).toThrow(WrongFormatError);
    expect(() => openDocxPackage(fixture('broken/zip-bomb.docx'), ROOMY)).toThrow(FileTooLargeError);
  });
});
