/**
 * Glyph names → Unicode text, for simple fonts whose text comes from an encoding (PDF 32000-1
 * §9.10.2): the names of the standard Latin character set (Annex D), a few more that fonts and
 * encodings use, and the `uniXXXX` / `uXXXX[XX]` forms of the Adobe Glyph List specification.
 * Suffixes (`a.sc`) are dropped and ligature names (`f_f_i`) are read part by part. Unknown names give
 * no text ('').
 */

/** Name and code point (hex), space-separated pairs. Data: PDF 32000-1 Annex D and the Adobe Glyph List. */
const NAMES_DATA = `
A 41 AE C6 Aacute C1 Acircumflex C2 Adieresis C4 Agrave C0 Aring C5 Atilde C3 B 42 C 43 Ccedilla C7 D 44
E 45 Eacute C9 Ecircumflex CA Edieresis CB Egrave C8 Eth D0 Euro 20AC F 46 G 47 H 48 I 49 Iacute CD
Icircumflex CE Idieresis CF Igrave CC J 4A K 4B L 4C Lslash 141 M 4D N 4E Ntilde D1 O 4F OE 152 Oacute D3
Ocircumflex D4 Odieresis D6 Ograve D2 Oslash D8 Otilde D5 P 50 Q 51 R 52 S 53 Scaron 160 T 54 Thorn DE
U 55 Uacute DA Ucircumflex DB Udieresis DC Ugrave D9 V 56 W 57 X 58 Y 59 Yacute DD Ydieresis 178 Z 5A
Zcaron 17D a 61 aacute E1 acircumflex E2 acute B4 adieresis E4 ae E6 agrave E0 ampersand 26 aring E5
asciicircum 5E asciitilde 7E asterisk 2A at 40 atilde E3 b 62 backslash 5C bar 7C braceleft 7B
braceright 7D bracketleft 5B bracketright 5D breve 2D8 brokenbar A6 bullet 2022 c 63 caron 2C7
ccedilla E7 cedilla B8 cent A2 circumflex 2C6 colon 3A comma 2C copyright A9 currency A4 d 64 dagger 2020
daggerdbl 2021 degree B0 dieresis A8 divide F7 dollar 24 dotaccent 2D9 dotlessi 131 e 65 eacute E9
ecircumflex EA edieresis EB egrave E8 eight 38 ellipsis 2026 emdash 2014 endash 2013 equal 3D eth F0
exclam 21 exclamdown A1 f 66 fi FB01 five 35 fl FB02 florin 192 four 34 fraction 2044 g 67 germandbls DF
grave 60 greater 3E guillemotleft AB guillemotright BB guilsinglleft 2039 guilsinglright 203A h 68
hungarumlaut 2DD hyphen 2D i 69 iacute ED icircumflex EE idieresis EF igrave EC j 6A k 6B l 6C less 3C
logicalnot AC lslash 142 m 6D macron AF minus 2212 mu B5 multiply D7 n 6E nine 39 ntilde F1 numbersign 23
o 6F oacute F3 ocircumflex F4 odieresis F6 oe 153 ogonek 2DB ograve F2 one 31 onehalf BD onequarter BC
onesuperior B9 ordfeminine AA ordmasculine BA oslash F8 otilde F5 p 70 paragraph B6 parenleft 28
parenright 29 percent 25 period 2E periodcentered B7 perthousand 2030 plus 2B plusminus B1 q 71
question 3F questiondown BF quotedbl 22 quotedblbase 201E quotedblleft 201C quotedblright 201D
quoteleft 2018 quoteright 2019 quotesinglbase 201A quotesingle 27 r 72 registered AE ring 2DA s 73
scaron 161 section A7 semicolon 3B seven 37 six 36 slash 2F space 20 sterling A3 t 74 thorn FE three 33
threequarters BE threesuperior B3 tilde 2DC trademark 2122 two 32 twosuperior B2 u 75 uacute FA
ucircumflex FB udieresis FC ugrave F9 underscore 5F v 76 w 77 x 78 y 79 yacute FD ydieresis FF yen A5
z 7A zcaron 17E zero 30
nbspace A0 nonbreakingspace A0 sfthyphen AD softhyphen AD middot B7 ff FB00 ffi FB03 ffl FB04
dotlessj 237 Delta 2206 Omega 3A9 approxequal 2248 greaterequal 2265 infinity 221E integral 222B
lessequal 2264 lozenge 25CA notequal 2260 partialdiff 2202 pi 3C0 product 220F radical 221A
summation 2211 commaaccent F6C3 apple F8FF
`;

const NAMES: ReadonlyMap<string, number> = (() => {
  const map = new Map<string, number>();
  const parts = NAMES_DATA.split(/\s+/).filter((p) => p !== '');
  for (let i = 0; i + 1 < parts.length; i += 2) map.set(parts[i]!, parseInt(parts[i + 1]!, 16));
  return map;
})();

/** Code points that are not text: the private use area holds symbol-font glyphs (apple, commaaccent). */
function isPrivateUse(cp: number): boolean {
  return cp >= 0xe000 && cp <= 0xf8ff;
}

function isHexDigits(s: string): boolean {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    // AGL asks for upper case; producers write lower case too (pdf.js reads both).
    if (!((c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x46) || (c >= 0x61 && c <= 0x66))) return false;
  }
  return s.length > 0;
}

function isScalar(cp: number): boolean {
  return cp <= 0x10ffff && (cp < 0xd800 || cp > 0xdfff);
}

/** One name without suffix or ligature parts: table, `uniXXXX…` (groups of four), `uXXXX`–`uXXXXXX`. */
function componentText(name: string): string {
  const cp = NAMES.get(name);
  if (cp !== undefined) return isPrivateUse(cp) ? '' : String.fromCodePoint(cp);
  if (name.startsWith('uni') && name.length >= 7 && (name.length - 3) % 4 === 0 && isHexDigits(name.slice(3))) {
    let text = '';
    for (let i = 3; i < name.length; i += 4) {
      const unit = parseInt(name.slice(i, i + 4), 16);
      if (!isScalar(unit)) return '';
      text += String.fromCharCode(unit);
    }
    return text;
  }
  if (name.startsWith('u') && name.length >= 5 && name.length <= 7 && isHexDigits(name.slice(1))) {
    const value = parseInt(name.slice(1), 16);
    return isScalar(value) ? String.fromCodePoint(value) : '';
  }
  return '';
}

const cache = new Map<string, string>();
/** Bound on cached names, so that a file with endless made-up names cannot grow the cache without end. */
const CACHE_LIMIT = 10_000;

/** The Unicode text of a glyph name; '' for unknown names and `.notdef`. */
export function glyphNameToUnicode(name: string): string {
  const cached = cache.get(name);
  if (cached !== undefined) return cached;
  const dot = name.indexOf('.');
  const base = dot >= 0 ? name.slice(0, dot) : name;
  const text = base.includes('_') ? base.split('_').map(componentText).join('') : componentText(base);
  if (cache.size < CACHE_LIMIT) cache.set(name, text);
  return text;
}
