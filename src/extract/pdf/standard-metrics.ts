/**
 * Widths of the standard 14 fonts (PDF 32000-1 §9.6.2.2) by glyph name, for simple fonts that name
 * one of them, are not embedded and give no /Widths (old or hand-made files). Figures from Adobe's
 * Core 14 AFM files (Helvetica, Times, Courier families); Helvetica-Oblique and -BoldOblique share the
 * upright widths, every Courier glyph is 600. Names a table lacks have no width here (the caller
 * decides). Arial, Times New Roman and Courier New are metric-compatible aliases.
 */

const GLYPHS =
  'space exclam quotedbl numbersign dollar percent ampersand quoteright parenleft parenright asterisk ' +
  'plus comma minus period slash zero one two three four five six seven eight nine colon semicolon less ' +
  'equal greater question at A B C D E F G H I J K L M N O P Q R S T U V W X Y Z bracketleft backslash ' +
  'bracketright asciicircum underscore quoteleft a b c d e f g h i j k l m n o p q r s t u v w x y z ' +
  'braceleft bar braceright asciitilde dotlessi grave acute circumflex tilde macron breve dotaccent ' +
  'dieresis ring cedilla hungarumlaut ogonek caron exclamdown cent sterling currency yen brokenbar ' +
  'section copyright ordfeminine guillemotleft logicalnot hyphen registered degree plusminus ' +
  'twosuperior threesuperior mu paragraph periodcentered onesuperior ordmasculine guillemotright ' +
  'onequarter onehalf threequarters questiondown Agrave Aacute Acircumflex Atilde Adieresis Aring AE ' +
  'Ccedilla Egrave Eacute Ecircumflex Edieresis Igrave Iacute Icircumflex Idieresis Eth Ntilde Ograve ' +
  'Oacute Ocircumflex Otilde Odieresis multiply Oslash Ugrave Uacute Ucircumflex Udieresis Yacute Thorn ' +
  'germandbls agrave aacute acircumflex atilde adieresis aring ae ccedilla egrave eacute ecircumflex ' +
  'edieresis igrave iacute icircumflex idieresis eth ntilde ograve oacute ocircumflex otilde odieresis ' +
  'divide oslash ugrave uacute ucircumflex udieresis yacute thorn ydieresis quotesingle fraction florin ' +
  'quotedblleft guilsinglleft guilsinglright fi fl endash dagger daggerdbl bullet quotesinglbase ' +
  'quotedblbase quotedblright ellipsis perthousand emdash Lslash OE lslash oe Scaron scaron Zcaron ' +
  'zcaron Ydieresis trademark';
const HELVETICA =
  '278 278 355 556 556 889 667 222 333 333 389 584 278 584 278 278 556 556 556 556 556 556 556 556 556 ' +
  '556 278 278 584 584 584 556 1015 667 667 722 722 667 611 778 722 278 500 667 556 833 722 778 667 778 ' +
  '722 667 611 722 667 944 667 667 611 278 278 278 469 556 222 556 556 500 556 556 278 556 556 222 222 ' +
  '500 222 833 556 556 556 556 333 500 278 556 500 722 500 500 500 334 260 334 584 278 333 333 333 333 ' +
  '333 333 333 333 333 333 333 333 333 333 556 556 556 556 260 556 737 370 556 584 333 737 400 584 333 ' +
  '333 556 537 278 333 365 556 834 834 834 611 667 667 667 667 667 667 1000 722 667 667 667 667 278 278 ' +
  '278 278 722 722 778 778 778 778 778 584 778 722 722 722 722 667 667 611 556 556 556 556 556 556 889 ' +
  '500 556 556 556 556 278 278 278 278 556 556 556 556 556 556 556 584 611 556 556 556 556 500 556 500 ' +
  '191 167 556 333 333 333 500 500 556 556 556 350 222 333 333 1000 1000 1000 556 1000 222 944 667 500 ' +
  '611 500 667 1000';
const HELVETICA_BOLD =
  '278 333 474 556 556 889 722 278 333 333 389 584 278 584 278 278 556 556 556 556 556 556 556 556 556 ' +
  '556 333 333 584 584 584 611 975 722 722 722 722 667 611 778 722 278 556 722 611 833 722 778 667 778 ' +
  '722 667 611 722 667 944 667 667 611 333 278 333 584 556 278 556 611 556 611 556 333 611 611 278 278 ' +
  '556 278 889 611 611 611 611 389 556 333 611 556 778 556 556 500 389 280 389 584 278 333 333 333 333 ' +
  '333 333 333 333 333 333 333 333 333 333 556 556 556 556 280 556 737 370 556 584 333 737 400 584 333 ' +
  '333 611 556 278 333 365 556 834 834 834 611 722 722 722 722 722 722 1000 722 667 667 667 667 278 278 ' +
  '278 278 722 722 778 778 778 778 778 584 778 722 722 722 722 667 667 611 556 556 556 556 556 556 889 ' +
  '556 556 556 556 556 278 278 278 278 611 611 611 611 611 611 611 584 611 611 611 611 611 556 611 556 ' +
  '238 167 556 500 333 333 611 611 556 556 556 350 278 500 500 1000 1000 1000 611 1000 278 944 667 556 ' +
  '611 500 667 1000';
const TIMES_ROMAN =
  '250 333 408 500 500 833 778 333 333 333 500 564 250 564 250 278 500 500 500 500 500 500 500 500 500 ' +
  '500 278 278 564 564 564 444 921 722 667 667 722 611 556 722 722 333 389 722 611 889 722 722 556 722 ' +
  '667 556 611 722 722 944 722 722 611 333 278 333 469 500 333 444 500 444 500 444 333 500 500 278 278 ' +
  '500 278 778 500 500 500 500 333 389 278 500 500 722 500 500 444 480 200 480 541 278 333 333 333 333 ' +
  '333 333 333 333 333 333 333 333 333 333 500 500 500 500 200 500 760 276 500 564 333 760 400 564 300 ' +
  '300 500 453 250 300 310 500 750 750 750 444 722 722 722 722 722 722 889 667 611 611 611 611 333 333 ' +
  '333 333 722 722 722 722 722 722 722 564 722 722 722 722 722 722 556 500 444 444 444 444 444 444 667 ' +
  '444 444 444 444 444 278 278 278 278 500 500 500 500 500 500 500 564 500 500 500 500 500 500 500 500 ' +
  '180 167 500 444 333 333 556 556 500 500 500 350 333 444 444 1000 1000 1000 611 889 278 722 556 389 ' +
  '611 444 722 980';
const TIMES_BOLD =
  '250 333 555 500 500 1000 833 333 333 333 500 570 250 570 250 278 500 500 500 500 500 500 500 500 500 ' +
  '500 333 333 570 570 570 500 930 722 667 722 722 667 611 778 778 389 500 778 667 944 722 778 611 778 ' +
  '722 556 667 722 722 1000 722 722 667 333 278 333 581 500 333 500 556 444 556 444 333 500 556 278 333 ' +
  '556 278 833 556 500 556 556 444 389 333 556 500 722 500 500 444 394 220 394 520 278 333 333 333 333 ' +
  '333 333 333 333 333 333 333 333 333 333 500 500 500 500 220 500 747 300 500 570 333 747 400 570 300 ' +
  '300 556 540 250 300 330 500 750 750 750 500 722 722 722 722 722 722 1000 722 667 667 667 667 389 389 ' +
  '389 389 722 722 778 778 778 778 778 570 778 722 722 722 722 722 611 556 500 500 500 500 500 500 722 ' +
  '444 444 444 444 444 278 278 278 278 500 556 500 500 500 500 500 570 500 556 556 556 556 500 556 500 ' +
  '278 167 500 500 333 333 556 556 500 500 500 350 333 500 500 1000 1000 1000 667 1000 278 722 556 389 ' +
  '667 444 722 1000';
const TIMES_ITALIC =
  '250 333 420 500 500 833 778 333 333 333 500 675 250 675 250 278 500 500 500 500 500 500 500 500 500 ' +
  '500 333 333 675 675 675 500 920 611 611 667 722 611 611 722 722 333 444 667 556 833 667 722 611 722 ' +
  '611 500 556 722 611 833 611 556 556 389 278 389 422 500 333 500 500 444 500 444 278 500 500 278 278 ' +
  '444 278 722 500 500 500 500 389 389 278 500 444 667 444 444 389 400 275 400 541 278 333 333 333 333 ' +
  '333 333 333 333 333 333 333 333 333 389 500 500 500 500 275 500 760 276 500 675 333 760 400 675 300 ' +
  '300 500 523 250 300 310 500 750 750 750 500 611 611 611 611 611 611 889 667 611 611 611 611 333 333 ' +
  '333 333 722 667 722 722 722 722 722 675 722 722 722 722 722 556 611 500 500 500 500 500 500 500 667 ' +
  '444 444 444 444 444 278 278 278 278 500 500 500 500 500 500 500 675 500 500 500 500 500 444 500 444 ' +
  '214 167 500 556 333 333 500 500 500 500 500 350 333 556 556 889 1000 889 556 944 278 667 500 389 556 ' +
  '389 556 980';
const TIMES_BOLD_ITALIC =
  '250 389 555 500 500 833 778 333 333 333 500 570 250 606 250 278 500 500 500 500 500 500 500 500 500 ' +
  '500 333 333 570 570 570 500 832 667 667 667 722 667 667 722 778 389 500 667 611 889 722 722 611 722 ' +
  '667 556 611 722 667 889 667 611 611 333 278 333 570 500 333 500 500 444 500 444 333 500 556 278 278 ' +
  '500 278 778 556 500 500 500 389 389 278 556 444 667 500 444 389 348 220 348 570 278 333 333 333 333 ' +
  '333 333 333 333 333 333 333 333 333 389 500 500 500 500 220 500 747 266 500 606 333 747 400 570 300 ' +
  '300 576 500 250 300 300 500 750 750 750 500 667 667 667 667 667 667 944 667 667 667 667 667 389 389 ' +
  '389 389 722 722 722 722 722 722 722 570 722 722 722 722 722 611 611 500 500 500 500 500 500 500 722 ' +
  '444 444 444 444 444 278 278 278 278 500 556 500 500 500 500 500 570 500 556 556 556 556 444 500 444 ' +
  '278 167 500 500 333 333 556 556 500 500 500 350 333 500 500 1000 1000 1000 611 944 278 722 556 389 ' +
  '611 389 611 1000';

/** Courier and Courier New: a fixed pitch. */
const COURIER_WIDTH = 600;
/**
 * Ascent and descent of the Helvetica family as pdf.js gives them (not the AFM's 718/−207): it draws
 * Helvetica with Liberation Sans and reads that font's hhea (1854 and −434 per 2048 units). For Times
 * and Courier (drawn with Foxit Type 1 fonts) it reports none, and so do we.
 */
const HELVETICA_EXTENT = Object.freeze([(1854 * 1000) / 2048, (-434 * 1000) / 2048] as const);

export type StandardFontMetrics = {
  /** The standard font whose widths these are (e.g. 'Helvetica-Bold'). */
  readonly name: string;
  /** Ascent and descent (glyph units) as pdf.js reports them for this font, when it reports any. */
  readonly extent?: readonly [number, number];
  /** Width of a glyph in 1/1000 em; undefined for names the font's AFM lacks. */
  width(glyphName: string): number | undefined;
};

function table(widths: string): ReadonlyMap<string, number> {
  const names = GLYPHS.split(' ');
  const values = widths.split(' ').map(Number);
  if (names.length !== values.length) throw new Error('standard-metrics: widths do not match glyph names');
  return new Map(names.map((name, i) => [name, values[i]!]));
}

const TABLES: Readonly<Record<string, string>> = {
  Helvetica: HELVETICA,
  'Helvetica-Bold': HELVETICA_BOLD,
  'Times-Roman': TIMES_ROMAN,
  'Times-Bold': TIMES_BOLD,
  'Times-Italic': TIMES_ITALIC,
  'Times-BoldItalic': TIMES_BOLD_ITALIC,
};
const parsed = new Map<string, ReadonlyMap<string, number>>();
const courierNames = new Set(GLYPHS.split(' '));

/** The metrics of a standard-14 font or alias by its BaseFont name; undefined for other fonts. */
export function standardFontMetrics(baseFont: string): StandardFontMetrics | undefined {
  const name = standardFontName(baseFont);
  if (name === undefined) return undefined;
  if (name.startsWith('Courier')) {
    return { name, width: (glyph) => (courierNames.has(glyph) ? COURIER_WIDTH : undefined) };
  }
  const tableName = name.replace('Oblique', '').replace(/-$/, '');
  let widths = parsed.get(tableName);
  if (!widths) {
    widths = table(TABLES[tableName]!);
    parsed.set(tableName, widths);
  }
  const found = widths;
  const width = (glyph: string): number | undefined => found.get(glyph);
  return name.startsWith('Helvetica') ? { name, extent: HELVETICA_EXTENT, width } : { name, width };
}

/**
 * The standard font a BaseFont name stands for: the subset tag dropped, Arial → Helvetica,
 * Times New Roman → Times, Courier New → Courier, style words (Bold, Italic, Oblique) kept.
 */
export function standardFontName(baseFont: string): string | undefined {
  const plus = baseFont.indexOf('+');
  const name = (plus === 6 ? baseFont.slice(7) : baseFont).toLowerCase().replace(/[\s,_-]/g, '');
  if (/narrow|black|unicode|light|condensed/.test(name)) return undefined;
  const bold = name.includes('bold');
  const italic = name.includes('italic') || name.includes('oblique');
  if (name.startsWith('helvetica') || name.startsWith('arial')) {
    return bold ? (italic ? 'Helvetica-BoldOblique' : 'Helvetica-Bold') : italic ? 'Helvetica-Oblique' : 'Helvetica';
  }
  if (name.startsWith('times')) {
    return bold ? (italic ? 'Times-BoldItalic' : 'Times-Bold') : italic ? 'Times-Italic' : 'Times-Roman';
  }
  if (name.startsWith('courier')) {
    return bold ? (italic ? 'Courier-BoldOblique' : 'Courier-Bold') : italic ? 'Courier-Oblique' : 'Courier';
  }
  return undefined;
}
