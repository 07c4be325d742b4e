import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import iconv from 'iconv-lite';
import { looksLikeText, sniffFormat } from '../../src/extract/sniff.js';
import { EmptyFileError, InvalidFileError, WrongFormatError } from '../../src/errors.js';

const fixture = (path: string): Uint8Array => readFileSync(new URL(`../fixtures/${path}`, import.meta.url));
const utf8 = (s: string): Uint8Array => new TextEncoder().encode(s);

describe('sniffFormat by magic numbers', () => {
  it('reads the real corpus files as their formats', () => {
    expect(sniffFormat(readFileSync('tests/fixtures/shared/corpus/KIROGOVCOMPARE__hzq2023_working.pdf'), 'a.pdf')).toBe('pdf');
    expect(sniffFormat(readFileSync('tests/fixtures/shared/corpus/govnianbao__政务公开年报模版.docx'), 'a.docx')).toBe('docx');
    expect(sniffFormat(readFileSync('tests/fixtures/shared/corpus/pingtan-gov-zwgk-archive__2024_report_body.transcribed.html'), 'a.html')).toBe('html');
    for (const seed of readdirSync('tests/fixtures/shared/seeds')) expect(sniffFormat(readFileSync(`tests/fixtures/shared/seeds/${seed}`), seed)).toBe('text');
  });

  it('goes by the bytes, not the name: a .doc named .docx is doc, a PDF named .docx is pdf', () => {
    expect(sniffFormat(fixture('doc/merged-table.doc'), 'report.docx')).toBe('doc');
    expect(sniffFormat(fixture('broken/pdf-renamed.docx'), 'report.docx')).toBe('pdf');
  });

  it('finds %PDF after a little junk in the first KB', () => {
    const pdf = fixture('broken/pdf-renamed.docx');
    const junk = utf8('HTTP/1.1 200 OK\r\nContent-Type: application/pdf\r\n\r\n');
    expect(sniffFormat(new Uint8Array([...junk, ...pdf]), 'x.pdf')).toBe('pdf');
  });

  it('takes HTML by its markers after a BOM and whitespace, in UTF-8 or GBK', () => {
    expect(sniffFormat(new Uint8Array([0xef, 0xbb, 0xbf, ...utf8('\r\n  <!DOCTYPE HTML><p>x')]), 'a')).toBe('html');
    expect(sniffFormat(fixture('html/gbk-no-charset.html'), 'a.txt')).toBe('html');
    expect(sniffFormat(utf8('<table><tr><td>1</td></tr></table>'), 'a')).toBe('html');
    expect(sniffFormat(iconv.encode('\uFEFF<html><body>年报</body></html>', 'utf-16le'), 'a')).toBe('html');
  });

  it('takes UTF-8 and GBK text as text; an .html name decides for markup-less text', () => {
    expect(sniffFormat(iconv.encode('二、主动公开政府信息情况\n规章\t0\t0\t3\n', 'gbk'), 'a.txt')).toBe('text');
    expect(sniffFormat(utf8('一、总体情况\n本年度…'), 'a.md')).toBe('text');
    expect(sniffFormat(utf8('一、总体情况'), 'page.htm')).toBe('html');
  });
});

/** The error a sniff throws (fails the test when it throws none). */
function sniffError(path: string, name: string): unknown {
  try {
    sniffFormat(fixture(path), name);
  } catch (e) {
    return e;
  }
  throw new Error(`${path} sniffed without an error`);
}

describe('sniffFormat refusals', () => {
  it('empty → EmptyFileError, naming the file', () => {
    const err = sniffError('broken/empty.docx', 'dir/empty.docx');
    expect(err).toBeInstanceOf(EmptyFileError);
    expect(err).toMatchObject({ code: 'empty', file: 'dir/empty.docx', message: 'empty file (0 bytes)' });
  });

  it('random bytes → InvalidFileError with a plain message', () => {
    const err = sniffError('broken/random-bytes.bin', 'x.bin');
    expect(err).toBeInstanceOf(InvalidFileError);
    expect(err).toMatchObject({ message: 'not a PDF, Word, HTML or text file (unrecognised bytes)' });
  });

  it('a zip without word/document.xml → WrongFormatError', () => {
    const err = sniffError('broken/zip-without-document.docx', 'x.docx');
    expect(err).toBeInstanceOf(WrongFormatError);
    expect(err).toMatchObject({ message: 'zip archive, but not a Word document (no word/document.xml)' });
  });

  it('an OLE file that is not Word → WrongFormatError naming what it is', () => {
    const err = sniffError('broken/ole-workbook.doc', 'x.doc');
    expect(err).toBeInstanceOf(WrongFormatError);
    expect(err).toMatchObject({ message: 'an Excel (.xls) workbook, not a Word document' });
  });

  it('a truncated DOCX still sniffs as docx (the extractor then says it is truncated)', () => {
    expect(sniffFormat(fixture('broken/truncated.docx'), 'x.docx')).toBe('docx');
  });
});

describe('looksLikeText', () => {
  it('refuses binary with control characters and accepts text with tabs and CRLF', () => {
    expect(looksLikeText(new Uint8Array([0x00, 0x01, 0x02, 0x41, 0x42, 0x03, 0x04, 0x05]))).toBe(false);
    expect(looksLikeText(utf8('a\tb\r\nc\f'))).toBe(true);
  });
});
