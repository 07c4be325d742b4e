/**
 * The base encodings of simple fonts (PDF 32000-1 Annex D): code → glyph name for
 * StandardEncoding, WinAnsiEncoding and MacRomanEncoding, and /Differences on top of one of them
 * (§9.6.6). Glyph names then give the text (glyph-names.ts) and, for the standard 14 fonts, the
 * width (standard-metrics.ts).
 */
import { isName, isNumber, type PdfResolver, type PdfValue } from './objects.js';

/** A code → glyph name table of 256 entries; '' where the encoding defines no glyph. */
export type Encoding = readonly string[];

export type BaseEncodingName = 'StandardEncoding' | 'WinAnsiEncoding' | 'MacRomanEncoding';

/** Glyph names of 0x20–0x7E where all three encodings agree except at 0x27 and 0x60. */
const ASCII_NAMES =
  'space exclam quotedbl numbersign dollar percent ampersand quotesingle parenleft parenright asterisk plus ' +
  'comma hyphen period slash zero one two three four five six seven eight nine colon semicolon less equal ' +
  'greater question at A B C D E F G H I J K L M N O P Q R S T U V W X Y Z bracketleft backslash ' +
  'bracketright asciicircum underscore grave a b c d e f g h i j k l m n o p q r s t u v w x y z braceleft ' +
  'bar braceright asciitilde';

/** ISO Latin-1 names of 0xA1–0xFF (WinAnsiEncoding's upper half after 0xA0). */
const LATIN1_NAMES =
  'exclamdown cent sterling currency yen brokenbar section dieresis copyright ordfeminine guillemotleft ' +
  'logicalnot hyphen registered macron degree plusminus twosuperior threesuperior acute mu paragraph ' +
  'periodcentered cedilla onesuperior ordmasculine guillemotright onequarter onehalf threequarters ' +
  'questiondown Agrave Aacute Acircumflex Atilde Adieresis Aring AE Ccedilla Egrave Eacute Ecircumflex ' +
  'Edieresis Igrave Iacute Icircumflex Idieresis Eth Ntilde Ograve Oacute Ocircumflex Otilde Odieresis ' +
  'multiply Oslash Ugrave Uacute Ucircumflex Udieresis Yacute Thorn germandbls agrave aacute acircumflex ' +
  'atilde adieresis aring ae ccedilla egrave eacute ecircumflex edieresis igrave iacute icircumflex ' +
  'idieresis eth ntilde ograve oacute ocircumflex otilde odieresis divide oslash ugrave uacute ucircumflex ' +
  'udieresis yacute thorn ydieresis';

/** WinAnsiEncoding 0x7F–0xA0; unused codes show a bullet (Annex D, note 4). */
const WIN_ANSI_HIGH =
  'bullet Euro bullet quotesinglbase florin quotedblbase ellipsis dagger daggerdbl circumflex perthousand ' +
  'Scaron guilsinglleft OE bullet Zcaron bullet bullet quoteleft quoteright quotedblleft quotedblright ' +
  'bullet endash emdash tilde trademark scaron guilsinglright oe bullet zcaron Ydieresis space';

/** StandardEncoding 0xA1–0xFB; '-' marks codes with no glyph. */
const STANDARD_HIGH =
  'exclamdown cent sterling fraction yen florin section currency quotesingle quotedblleft guillemotleft ' +
  'guilsinglleft guilsinglright fi fl - endash dagger daggerdbl periodcentered - paragraph bullet ' +
  'quotesinglbase quotedblbase quotedblright guillemotright ellipsis perthousand - questiondown - grave ' +
  'acute circumflex tilde macron breve dotaccent dieresis - ring cedilla - hungarumlaut ogonek caron emdash ' +
  '- - - - - - - - - - - - - - - - AE - ordfeminine - - - - Lslash Oslash OE ordmasculine - - - - - ae - ' +
  '- - dotlessi - - lslash oslash oe germandbls';

/** MacRomanEncoding 0x80–0xFF (with the Mac OS Roman symbols the PDF table leaves out). */
const MAC_ROMAN_HIGH =
  'Adieresis Aring Ccedilla Eacute Ntilde Odieresis Udieresis aacute agrave acircumflex adieresis atilde ' +
  'aring ccedilla eacute egrave ecircumflex edieresis iacute igrave icircumflex idieresis ntilde oacute ' +
  'ograve ocircumflex odieresis otilde uacute ugrave ucircumflex udieresis dagger degree cent sterling ' +
  'section bullet paragraph germandbls registered copyright trademark acute dieresis notequal AE Oslash ' +
  'infinity plusminus lessequal greaterequal yen mu partialdiff summation product pi integral ordfeminine ' +
  'ordmasculine Omega ae oslash questiondown exclamdown logicalnot radical florin approxequal Delta ' +
  'guillemotleft guillemotright ellipsis space Agrave Atilde Otilde OE oe endash emdash quotedblleft ' +
  'quotedblright quoteleft quoteright divide lozenge ydieresis Ydieresis fraction currency guilsinglleft ' +
  'guilsinglright fi fl daggerdbl periodcentered quotesinglbase quotedblbase perthousand Acircumflex ' +
  'Ecircumflex Aacute Edieresis Egrave Iacute Icircumflex Idieresis Igrave Oacute Ocircumflex - Ograve ' +
  'Uacute Ucircumflex Ugrave dotlessi circumflex tilde macron breve dotaccent ring cedilla hungarumlaut ' +
  'ogonek caron';

function build(parts: ReadonlyArray<readonly [number, string]>, replace: ReadonlyArray<readonly [number, string]> = []): Encoding {
  const table: string[] = new Array<string>(256).fill('');
  for (const [start, names] of parts) {
    names.split(' ').forEach((name, i) => {
      table[start + i] = name === '-' ? '' : name;
    });
  }
  for (const [code, name] of replace) table[code] = name;
  return Object.freeze(table);
}

export const STANDARD_ENCODING: Encoding = build(
  [
    [0x20, ASCII_NAMES],
    [0xa1, STANDARD_HIGH],
  ],
  [
    [0x27, 'quoteright'],
    [0x60, 'quoteleft'],
  ],
);

export const WIN_ANSI_ENCODING: Encoding = build([
  [0x20, ASCII_NAMES],
  [0x7f, WIN_ANSI_HIGH],
  [0xa1, LATIN1_NAMES],
]);

export const MAC_ROMAN_ENCODING: Encoding = build([
  [0x20, ASCII_NAMES],
  [0x80, MAC_ROMAN_HIGH],
]);

const BASE_ENCODINGS: Readonly<Record<BaseEncodingName, Encoding>> = {
  StandardEncoding: STANDARD_ENCODING,
  WinAnsiEncoding: WIN_ANSI_ENCODING,
  MacRomanEncoding: MAC_ROMAN_ENCODING,
};

/** The base encoding a name stands for; undefined for other names (MacExpertEncoding, typos). */
export function baseEncoding(name: string): Encoding | undefined {
  return Object.hasOwn(BASE_ENCODINGS, name) ? BASE_ENCODINGS[name as BaseEncodingName] : undefined;
}

/**
 * A /Differences array read into code → glyph name: a number sets the next code, each name takes
 * one code and moves on (§9.6.6.1). Entries that are neither are skipped.
 */
export function readDifferences(resolver: PdfResolver, value: PdfValue | undefined): Map<number, string> {
  const differences = new Map<number, string>();
  const array = resolver.get(value);
  if (!Array.isArray(array)) return differences;
  let code = 0;
  for (const raw of array) {
    const entry = resolver.get(raw);
    if (isNumber(entry)) code = Math.trunc(entry);
    else if (isName(entry)) {
      if (code >= 0 && code <= 0xff) differences.set(code, entry.name);
      code++;
    }
  }
  return differences;
}

/** A base encoding with differences applied. */
export function withDifferences(base: Encoding, differences: ReadonlyMap<number, string>): Encoding {
  if (differences.size === 0) return base;
  const table = base.slice();
  for (const [code, name] of differences) table[code] = name;
  return Object.freeze(table);
}
