import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { predefinedCMap } from '../../../src/extract/pdf/bcmap.js';
import { parseCMap } from '../../../src/extract/pdf/cmap.js';

const FIXTURES = 'tests/fixtures/pdf-fonts/';
const read = (name: string): Uint8Array => new Uint8Array(readFileSync(FIXTURES + name));
const text = (source: string): Uint8Array => new Uint8Array(Buffer.from(source, 'latin1'));

/** Codes of a string split by the CMap's codespace. */
function codes(cmap: ReturnType<typeof parseCMap>, bytes: number[]): string[] {
  const data = new Uint8Array(bytes);
  const out: string[] = [];
  for (let i = 0; i < data.length; ) {
    const code = cmap.codespace.read(data, i);
    out.push(`${code.toString(16)}/${cmap.codespace.length}`);
    i += cmap.codespace.length;
  }
  return out;
}

describe('parseCMap on ToUnicode streams of real files', () => {
  it('reads the WPS ToUnicode of hzq2024 (宋体, Identity-H): bfchar blocks of 100', () => {
    const cmap = parseCMap(read('wps-identity-h.tounicode.cmap'));
    expect(cmap.name).toBe('Adobe-Identity-UCS');
    expect(cmap.vertical).toBe(false);
    // Values from the stream (qpdf --show-object=15 --filtered-stream-data).
    expect([0x13, 0x1c, 0x100, 0x101, 0x1c3, 0x2c8, 0x430, 0x4bc].map((c) => cmap.text(c))).toEqual(['0', '9', '“', '”', '、', '，', '一', '二']);
    expect(cmap.text(0x19)).toBeUndefined(); // <0019> is not in the map (no "6" on those pages)
    expect(codes(cmap, [0x04, 0x30, 0x00, 0x13])).toEqual(['430/2', '13/2']);
  });

  it('reads the Word ToUnicode of 规划和自然资源局 with bfranges between bfchars', () => {
    const cmap = parseCMap(read('word-identity-h.tounicode.cmap'));
    const mapped = [0x100, 0x101, 0x1c3, 0x1c4, 0x2c4, 0x2c5, 0x439, 0x43a, 0x4bb, 0x4bc].map((c) => cmap.text(c));
    expect(mapped).toEqual(['“', '”', '、', '。', '（', '）', '三', '上', '事', '二']);
    expect(cmap.text(0x2c8)).toBe('，');
    expect(cmap.text(0x102)).toBeUndefined();
  });

  it('reads the LibreOffice ToUnicode of a one-byte TrueType subset', () => {
    const cmap = parseCMap(read('libreoffice-truetype.tounicode.cmap'));
    expect(Array.from({ length: 12 }, (_, c) => cmap.text(c) ?? '-').join('')).toBe('-203187645.9');
    expect(codes(cmap, [0x01, 0x0a, 0x0b])).toEqual(['1/1', 'a/1', 'b/1']);
  });
});

describe('parseCMap on the forms the files above do not use', () => {
  const source = `
    %!PS-Adobe-3.0 Resource-CMap
    /CIDInit /ProcSet findresource begin 12 dict begin begincmap
    /CMapName /Test-Mixed def /WMode 1 def
    2 begincodespacerange <00> <80> <8140> <FEFE> endcodespacerange
    3 beginbfchar
      <41> <0041>
      <8140> <D840DC0B>   % a surrogate pair: U+2000B
      <8141> <00660069>   % a ligature: two characters
    endbfchar
    2 beginbfrange
      <42> <44> [<0062> <0063> <0064>]
      <8150> <8152> <4E00>
    endbfrange
    1 beginbfrange <8160> <8161> <D840DC0B> endbfrange
    1 beginbfchar <45> /eacute endbfchar
    1 begincidrange <50> <52> 100 endcidrange
    1 begincidchar <8170> 777 endcidchar
    endcmap CMapName currentdict /CMap defineresource pop end end`;
  const cmap = parseCMap(text(source));

  it('takes /CMapName, /WMode and mixed one- and two-byte codespace ranges', () => {
    expect([cmap.name, cmap.vertical]).toEqual(['Test-Mixed', true]);
    expect(codes(cmap, [0x41, 0x81, 0x40, 0x42, 0xff])).toEqual(['41/1', '8140/2', '42/1', '-1/1']);
  });

  it('decodes UTF-16BE with surrogate pairs, several characters, array and string ranges, glyph names', () => {
    expect([0x41, 0x8140, 0x8141, 0x42, 0x43, 0x44, 0x8150, 0x8152, 0x45].map((c) => cmap.text(c))).toEqual([
      'A', '\u{2000B}', 'fi', 'b', 'c', 'd', '一', '丂', 'é',
    ]);
    expect(cmap.text(0x8161)).toBe('\u{2000C}'); // the last byte counts up inside the low surrogate
  });

  it('maps cidrange and cidchar', () => {
    expect([0x50, 0x52, 0x8170, 0x53].map((c) => cmap.cid(c))).toEqual([100, 102, 777, undefined]);
  });

  it('skips malformed entries and keeps reading', () => {
    const broken = parseCMap(text('1 begincodespacerange <0000> <FFFF> endcodespacerange\n3 beginbfchar <0001> <0031> <0002> junk <0003> <0033> endbfchar\n1 beginbfrange <0010> <000F> <0041> endbfrange'));
    expect([1, 2, 3, 0x10].map((c) => broken.text(c))).toEqual(['1', undefined, '3', undefined]);
  });

  it('falls back to a usecmap parent (codespace and CIDs)', () => {
    const child = parseCMap(text('/UniGB-UCS2-H usecmap\n1 begincidchar <4E00> 1 endcidchar'), {
      loadParent: (name) => predefinedCMap(name),
    });
    const parent = predefinedCMap('UniGB-UCS2-H');
    expect(child.cid(0x4e00)).toBe(1);
    expect(child.cid(0x653f)).toBe(parent.cid(0x653f));
    expect(codes(child, [0x65, 0x3f])).toEqual(['653f/2']);
  });
});
