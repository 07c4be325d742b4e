import iconv from 'iconv-lite';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { deflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { FileTooLargeError } from '../../../src/errors.js';
import { createFontCache } from '../../../src/extract/pdf/font.js';
import type { GlyphInfo, PdfFont } from '../../../src/extract/pdf/font-model.js';
import { UnsupportedPdfError, type Dict, type PdfValue, type Stream } from '../../../src/extract/pdf/objects.js';
import { dict, hex, latin1, MemoryResolver, names, stream } from './font-doubles.js';

const pdfjsDir = dirname(createRequire(import.meta.url).resolve('pdfjs-dist/package.json'));
const liberationSans = new Uint8Array(readFileSync(join(pdfjsDir, 'standard_fonts/LiberationSans-Regular.ttf')));

const texts = (glyphs: readonly GlyphInfo[]): string[] => glyphs.map((g) => g.text);
const widths = (glyphs: readonly GlyphInfo[]): number[] => glyphs.map((g) => g.width);

/** A ToUnicode stream from bfchar pairs (hex code → hex UTF-16BE). */
function toUnicode(pairs: ReadonlyArray<readonly [string, string]>, codespace = '<0000> <FFFF>'): PdfValue {
  const body = pairs.map(([c, u]) => `<${c}> <${u}>`).join('\n');
  return stream({}, `/CIDInit /ProcSet findresource begin 12 dict begin begincmap\n1 begincodespacerange ${codespace} endcodespacerange\n${pairs.length} beginbfchar\n${body}\nendbfchar\nendcmap end end`);
}

function fontOf(font: Dict, resolver = new MemoryResolver()): PdfFont {
  return createFontCache(resolver).font(resolver.add(font));
}

describe('simple fonts', () => {
  it('reads a TrueType font with WinAnsiEncoding and /Widths (Word subsets without ToUnicode)', () => {
    const descriptor = dict({ Type: 'FontDescriptor', Flags: 32, Ascent: 859, Descent: -141, MissingWidth: 250 });
    const font = fontOf(dict({ Subtype: 'TrueType', BaseFont: 'ABCDEE+Calibri', Encoding: 'WinAnsiEncoding', FirstChar: 32, LastChar: 65, Widths: [226, ...Array<number>(32).fill(507), 579], FontDescriptor: descriptor }));
    const glyphs = font.decode(latin1('A 2\x92\x80'));
    expect(texts(glyphs)).toEqual(['A', ' ', '2', '’', '€']);
    expect(widths(glyphs)).toEqual([0.579, 0.226, 0.507, 0.25, 0.25]); // 0x92 and 0x80 lie past /LastChar: MissingWidth
    expect(glyphs.map((g) => g.wordSpace)).toEqual([false, true, false, false, false]);
    expect([font.vertical, font.ascent, font.descent]).toEqual([false, 0.859, -0.141]);
  });

  it('lays /Differences over the base encoding and reads the names', () => {
    const encoding = dict({ Type: 'Encoding', BaseEncoding: 'WinAnsiEncoding', Differences: [65, ...names('uni4E00', 'fi', 'g17')] });
    const font = fontOf(dict({ Subtype: 'Type1', BaseFont: 'Test', Encoding: encoding, FirstChar: 65, Widths: [1000, 556, 600, 500] }));
    expect(texts(font.decode(latin1('ABCD')))).toEqual(['一', 'ﬁ', '', 'D']);
  });

  it('gives non-embedded standard 14 fonts without /Widths their AFM widths in StandardEncoding, and Helvetica pdf.js\'s extent', () => {
    const font = fontOf(dict({ Subtype: 'Type1', BaseFont: 'Helvetica' }));
    const glyphs = font.decode(latin1("It's \xae"));
    expect(texts(glyphs)).toEqual(['I', 't', '’', 's', ' ', 'ﬁ']);
    expect(widths(glyphs)).toEqual([0.278, 0.278, 0.222, 0.5, 0.278, 0.5]);
    expect([font.ascent, font.descent].map((v) => v.toFixed(3))).toEqual(['0.905', '-0.212']);
    const times = fontOf(dict({ Subtype: 'Type1', BaseFont: 'Times-Roman', Encoding: 'WinAnsiEncoding' }));
    expect(widths(times.decode(latin1('Hello')))).toEqual([0.722, 0.444, 0.278, 0.278, 0.5]);
    expect([times.ascent, times.descent]).toEqual([0.86, -0.14]); // pdf.js reports none for Times: the fallbacks
  });

  it('guesses widths for an unknown font without /Widths: half an em for Latin, a full em for CJK', () => {
    const encoding = dict({ Differences: [0xb0, ...names('uni5E74')] });
    const font = fontOf(dict({ Subtype: 'TrueType', BaseFont: 'SomeFont', Encoding: encoding }));
    expect(widths(font.decode(latin1('a\xb0')))).toEqual([0.5, 1]);
  });

  it('takes ToUnicode first; codes it lacks come from /Encoding when there is one, else give no text', () => {
    const unicode = toUnicode([['41', '0042'], ['42', '0000'], ['43', '0009']], '<00> <FF>');
    const withEncoding = fontOf(dict({ Subtype: 'TrueType', BaseFont: 'X', ToUnicode: unicode, Encoding: 'WinAnsiEncoding' }));
    expect(texts(withEncoding.decode(latin1('ABCD')))).toEqual(['B', '', '', 'D']); // U+0000 and TAB give no text
    const withoutEncoding = fontOf(dict({ Subtype: 'TrueType', BaseFont: 'X', ToUnicode: unicode }));
    expect(texts(withoutEncoding.decode(latin1('AD')))).toEqual(['B', '']);
  });

  it('reads the built-in encoding of an embedded Type 1 program', () => {
    const program = '%!PS-AdobeFont-1.0: Test 001\n/Encoding 256 array\n0 1 255 {1 index exch /.notdef put} for\ndup 65 /eacute put\ndup 66 /uni4E00 put\nreadonly def\ncurrentfile eexec\n\x9a\x01dup 67 /C put';
    const descriptor = dict({ Flags: 4, FontFile: stream({ Length1: program.indexOf('\x9a') }, program) });
    const font = fontOf(dict({ Subtype: 'Type1', BaseFont: 'ABCDEF+Test', FontDescriptor: descriptor, FirstChar: 65, Widths: [500, 1000, 500] }));
    expect(texts(font.decode(latin1('ABC')))).toEqual(['é', '一', '']);
  });

  it('reads a symbolic TrueType without Encoding or ToUnicode through its cmap, and its extent from hhea', () => {
    const program = stream({ Filter: 'FlateDecode', Length1: liberationSans.length }, new Uint8Array(deflateSync(liberationSans)));
    const descriptor = dict({ Flags: 4, Ascent: 1000, Descent: -300, FontFile2: program });
    const resolver = new MemoryResolver();
    const font = fontOf(dict({ Subtype: 'TrueType', BaseFont: 'ABCDEF+LiberationSans', FontDescriptor: descriptor, FirstChar: 32, Widths: [278] }), resolver);
    // The program's (1,0) subtable takes the codes: 0x8A is ä in Mac Roman.
    expect(texts(font.decode(latin1('Hello, \x8a'))).join('')).toBe('Hello, ä');
    // Liberation Sans hhea: ascender 1854, descender −434 per 2048 units (what pdf.js reports), not the descriptor's.
    expect([font.ascent, font.descent].map((v) => v.toFixed(4))).toEqual(['0.9053', '-0.2119']);
  });

  it('does not read a non-embedded symbol font without ToUnicode (pdf.js does)', () => {
    const font = fontOf(dict({ Subtype: 'Type1', BaseFont: 'Symbol' }));
    expect(font.decode(new Uint8Array())).toEqual([]);
    expect(() => font.decode(latin1('a'))).toThrow(UnsupportedPdfError);
  });

  it('does not read a font none of whose codes has text (a LibreOffice Type 1 subset stripped of its ToUnicode)', () => {
    const program = readFileSync('tests/fixtures/pdf-fonts/libreoffice-noto-sans-cjk-subset.t1');
    const descriptor = dict({ Flags: 4, FontFile: stream({ Length1: 1695 }, new Uint8Array(program)) });
    const font = fontOf(dict({ Subtype: 'Type1', BaseFont: 'BAAAAA+NotoSansCJKjp-Regular-VKana', FontDescriptor: descriptor }));
    expect(() => font.decode(new Uint8Array([1]))).toThrow(UnsupportedPdfError); // its names are /cid28816 and such
  });

  it('reads GBK bytes shown with a non-embedded WinAnsi font named 宋体 (as pdf.js does)', () => {
    const name = iconv.encode('宋体', 'gbk').toString('latin1');
    const font = fontOf(dict({ Subtype: 'TrueType', BaseFont: name, Encoding: 'WinAnsiEncoding', FirstChar: 32, Widths: Array<number>(224).fill(500) }));
    const glyphs = font.decode(new Uint8Array(iconv.encode('政府2024年', 'gbk')));
    expect(texts(glyphs)).toEqual(['政', '府', '2', '0', '2', '4', '年']);
    expect(widths(glyphs)).toEqual([1, 1, 0.5, 0.5, 0.5, 0.5, 1]);
    const embedded = fontOf(dict({ Subtype: 'TrueType', BaseFont: name, Encoding: 'WinAnsiEncoding', FontDescriptor: dict({ Flags: 32, FontFile2: stream({}, liberationSans) }) }));
    expect(texts(embedded.decode(latin1('A\xd5')))).toEqual(['A', 'Õ']);
  });
});

describe('composite fonts', () => {
  const identityFont = (extra: Record<string, PdfValue | string>, descendant: Record<string, PdfValue | string> = {}): Dict =>
    dict({
      Subtype: 'Type0',
      BaseFont: 'ABCDEF+SimSun',
      Encoding: 'Identity-H',
      DescendantFonts: [dict({ Subtype: 'CIDFontType2', CIDSystemInfo: dict({ Registry: latin1('Adobe'), Ordering: latin1('Identity') }), ...descendant })],
      ...extra,
    });

  it('splits Identity-H strings in two-byte codes, reads ToUnicode and /W in both forms', () => {
    const font = fontOf(
      identityFont(
        { ToUnicode: toUnicode([['0003', '0020'], ['0013', '0030'], ['0430', '4E00'], ['0500', 'D840DC0B']]) },
        { DW: 1000, W: [3, [250], 19, 28, 500], FontDescriptor: dict({ Ascent: 859, Descent: -140 }) },
      ),
    );
    const glyphs = font.decode(hex('0003 0013 0430 001C 0500 04'));
    expect(glyphs.map((g) => g.code)).toEqual([3, 0x13, 0x430, 0x1c, 0x500, 4]);
    expect(texts(glyphs)).toEqual([' ', '0', '一', '', '\u{2000B}', '']); // 001C is not in ToUnicode; the odd last byte is notdef
    expect(widths(glyphs)).toEqual([0.25, 0.5, 1, 0.5, 1, 1]);
    expect(glyphs.some((g) => g.wordSpace)).toBe(false); // two-byte codes never take word spacing
    expect([font.vertical, font.ascent, font.descent]).toEqual([false, 0.859, -0.14]);
  });

  it('gives Identity-V fonts vertical metrics from /W2, else /DW2 (or [880 −1000]) with vx = w0 / 2', () => {
    const font = fontOf(identityFont({ Encoding: 'Identity-V', ToUnicode: toUnicode([['0430', '4E00']]) }, { W: [0x430, [500]], W2: [0x431, [-900, 250, 800], 0x432, 0x433, -500, 120, 700] }));
    const [a, b, c] = font.decode(hex('0430 0431 0433'));
    expect(font.vertical).toBe(true);
    expect([a!.width, a!.vertical]).toEqual([0.5, { advance: -1, vx: 0.25, vy: 0.88 }]);
    expect(b!.vertical).toEqual({ advance: -0.9, vx: 0.25, vy: 0.8 });
    expect(c!.vertical).toEqual({ advance: -0.5, vx: 0.12, vy: 0.7 });
    const dw2 = fontOf(identityFont({ Encoding: 'Identity-V', ToUnicode: toUnicode([['0001', '4E00']]) }, { DW2: [900, -1100] }));
    expect(dw2.decode(hex('0001'))[0]!.vertical).toEqual({ advance: -1.1, vx: 0.5, vy: 0.9 });
  });

  it('reads UniGB-UCS2-H fonts without ToUnicode: the code is the text, widths by CID', () => {
    const font = fontOf(
      dict({
        Subtype: 'Type0',
        BaseFont: 'STSong-Light',
        Encoding: 'UniGB-UCS2-H',
        DescendantFonts: [dict({ Subtype: 'CIDFontType0', CIDSystemInfo: dict({ Registry: latin1('Adobe'), Ordering: latin1('GB1') }), DW: 1000, W: [34, [600]] })],
      }),
    );
    const glyphs = font.decode(hex('653F 5E9C 0041'));
    expect(texts(glyphs)).toEqual(['政', '府', 'A']);
    expect(widths(glyphs)).toEqual([1, 1, 0.6]); // 'A' is CID 34 in Adobe-GB1
  });

  it('reads GBK-EUC-H fonts without ToUnicode through Adobe-GB1-UCS2 (mixed one- and two-byte codes)', () => {
    const font = fontOf(dict({ Subtype: 'Type0', BaseFont: 'SimSun', Encoding: 'GBK-EUC-H', DescendantFonts: [dict({ Subtype: 'CIDFontType2', CIDSystemInfo: dict({ Registry: latin1('Adobe'), Ordering: latin1('GB1') }), W: [814, 907, 500, 7716, [500]] })] })); // GBK-EUC-H puts ASCII at CIDs 814–907, space at 7716
    const glyphs = font.decode(new Uint8Array(iconv.encode('政府 A，', 'gbk')));
    expect(texts(glyphs)).toEqual(['政', '府', ' ', 'A', '，']);
    expect(widths(glyphs)).toEqual([1, 1, 0.5, 0.5, 1]);
    expect(glyphs.map((g) => g.wordSpace)).toEqual([false, false, true, false, false]); // a one-byte 32 takes word spacing
  });

  it('reads Identity-H CIDs of the Adobe-GB1 collection without ToUnicode', () => {
    const font = fontOf(identityFont({}, { CIDSystemInfo: dict({ Registry: latin1('Adobe'), Ordering: latin1('GB1'), Supplement: 5 }) }));
    expect(texts(font.decode(hex('119F 0022')))).toEqual(['政', 'A']); // CID 4511 and 34
  });

  it('cannot give text for Identity-H without ToUnicode outside the Adobe collections: decoding throws', () => {
    const font = fontOf(identityFont({}));
    expect(font.decode(new Uint8Array())).toEqual([]);
    expect(() => font.decode(hex('0430'))).toThrow(UnsupportedPdfError);
  });

  it('ignores a ToUnicode it cannot read and takes the next rule', () => {
    const broken = stream({ Filter: 'FlateDecode' }, 'not deflate data');
    const font = fontOf(identityFont({ ToUnicode: broken }, { CIDSystemInfo: dict({ Registry: latin1('Adobe'), Ordering: latin1('GB1') }) }));
    expect(texts(font.decode(hex('119F')))).toEqual(['政']);
  });

  it('reads an embedded encoding CMap (cidrange, usecmap parent)', () => {
    const cmap = stream({ Type: 'CMap', CMapName: 'Test-H', UseCMap: 'UniGB-UCS2-H' }, '1 begincodespacerange <0000> <FFFF> endcodespacerange 1 begincidrange <E000> <E001> 34 endcidrange');
    const font = fontOf(dict({ Subtype: 'Type0', BaseFont: 'X', Encoding: cmap, DescendantFonts: [dict({ Subtype: 'CIDFontType0', CIDSystemInfo: dict({ Registry: latin1('Adobe'), Ordering: latin1('GB1') }) })] }));
    expect(texts(font.decode(hex('E000 E001 653F')))).toEqual(['A', 'B', '政']);
  });
});

describe('createFontCache', () => {
  it('builds each font once per reference and per dictionary, and hands out the same glyphs', () => {
    const resolver = new MemoryResolver();
    const fontDict = dict({ Subtype: 'TrueType', BaseFont: 'Arial', Encoding: 'WinAnsiEncoding' });
    const ref = resolver.add(fontDict);
    const alias = resolver.add(ref);
    const cache = createFontCache(resolver);
    const font = cache.font(ref);
    expect(cache.font(ref)).toBe(font);
    expect(cache.font(alias)).toBe(font);
    expect(cache.font(fontDict)).toBe(font);
    expect(font.decode(latin1('a'))[0]).toBe(font.decode(latin1('ba'))[1]);
  });

  it('loads fonts it cannot read and throws only when they show text', () => {
    const resolver = new MemoryResolver();
    const cache = createFontCache(resolver);
    const type3 = cache.font(resolver.add(dict({ Subtype: 'Type3', FontMatrix: [0.001, 0, 0, 0.001, 0, 0] })));
    const missing = cache.font(resolver.add(null));
    const noDescendant = cache.font(resolver.add(dict({ Subtype: 'Type0', Encoding: 'Identity-H' })));
    const unknownCMap = cache.font(resolver.add(dict({ Subtype: 'Type0', Encoding: 'NoSuch-H', DescendantFonts: [dict({})] })));
    for (const font of [type3, missing, noDescendant, unknownCMap]) {
      expect(font.decode(new Uint8Array())).toEqual([]);
      expect(() => font.decode(latin1('A'))).toThrow(UnsupportedPdfError);
    }
  });
});

describe('decompression bombs in fonts', () => {
  /** A resolver whose streams all decode past the limit, as a bomb's do (OpenPdf throws this). */
  class BombResolver extends MemoryResolver {
    override streamData(_stream: Stream): Uint8Array {
      throw new FileTooLargeError('too large: a stream decodes to more than 64 MB (limit)');
    }
  }

  it('fail the file instead of sending it to pdf.js as a font nianbao cannot read', () => {
    const unicode = toUnicode([['41', '4E00']], '<00> <FF>');
    const program = stream({}, liberationSans);
    const encodingCMap = stream({}, '/CIDInit /ProcSet findresource begin begincmap\n1 begincodespacerange <0000> <FFFF> endcodespacerange\n1 begincidrange <0000> <FFFF> 0 endcidrange\nendcmap end');
    const fonts: Record<string, Dict> = {
      ToUnicode: dict({ Subtype: 'TrueType', BaseFont: 'X', ToUnicode: unicode, Encoding: 'WinAnsiEncoding' }),
      FontFile2: dict({ Subtype: 'TrueType', BaseFont: 'X', Encoding: 'WinAnsiEncoding', FontDescriptor: dict({ Flags: 32, FontFile2: program }) }),
      // An embedded encoding CMap is read while the font loads, where any other error makes an unsupported font.
      'Type0 /Encoding stream': dict({
        Subtype: 'Type0',
        BaseFont: 'X',
        Encoding: encodingCMap,
        ToUnicode: toUnicode([['0041', '4E00']]),
        DescendantFonts: [dict({ Subtype: 'CIDFontType2', CIDSystemInfo: dict({ Registry: latin1('Adobe'), Ordering: latin1('Identity') }) })],
      }),
    };
    const use = (font: PdfFont): unknown => [font.decode(latin1('A')), font.ascent, font.descent];
    for (const [where, font] of Object.entries(fonts)) {
      expect(() => use(fontOf(font, new BombResolver())), where).toThrow(FileTooLargeError);
      // Any other failure to read the stream is the font's own problem: it is read without it, or by pdf.js.
      expect(() => use(fontOf(font)), where).not.toThrow();
    }
  });
});
