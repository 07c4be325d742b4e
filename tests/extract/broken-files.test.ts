/** Every unusable file in tests/fixtures/broken/ ends in one typed error with a plain message. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { extractDocument, sniffFormat } from '../../src/extract/index.js';
import { isNianbaoError, type ErrorCode } from '../../src/errors.js';

const fixture = (name: string): Uint8Array => readFileSync(new URL(`../fixtures/broken/${name}`, import.meta.url));

async function failure(name: string): Promise<{ name: string; code: ErrorCode; message: string }> {
  try {
    await extractDocument(fixture(name), name);
  } catch (e) {
    if (!isNianbaoError(e)) throw e;
    return { name: e.name, code: e.code, message: e.message };
  }
  throw new Error(`${name} was extracted`);
}

describe('broken files through extractDocument', () => {
  it.each([
    ['empty.docx', 'EmptyFileError', 'empty', 'empty file (0 bytes)'],
    ['random-bytes.bin', 'InvalidFileError', 'invalid', 'not a PDF, Word, HTML or text file (unrecognised bytes)'],
    ['zip-without-document.docx', 'WrongFormatError', 'wrong_format', 'zip archive, but not a Word document (no word/document.xml)'],
    ['truncated.docx', 'InvalidFileError', 'invalid', 'not a valid DOCX (zip) file: no zip directory (truncated, or not a zip file)'],
    ['ole-workbook.doc', 'WrongFormatError', 'wrong_format', 'an Excel (.xls) workbook, not a Word document'],
    ['zip-bomb.docx', 'FileTooLargeError', 'too_large', 'too large: word/document.xml inflates to more than 50 MB (limit)'],
    ['zip-bomb-lying.docx', 'FileTooLargeError', 'too_large', 'too large: word/document.xml inflates to more than 50 MB (limit)'],
  ])('%s → %s', async (file, name, code, message) => {
    expect(await failure(file)).toEqual({ name, code, message });
  });

  it('a PDF renamed .docx is sent to the PDF reader, not the DOCX one', () => {
    expect(sniffFormat(fixture('pdf-renamed.docx'), 'pdf-renamed.docx')).toBe('pdf');
  });
});
