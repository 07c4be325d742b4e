/**
 * A quirk of real files that pdf.js handles and so do we: a non-embedded simple font with
 * /WinAnsiEncoding whose BaseFont is the GBK name of a common Chinese font (宋体, 黑体, 楷体, …)
 * actually shows GBK-encoded text (old Chinese producers wrote it so). Codes split and map by
 * GBK-EUC-H, text comes from Adobe-GB1-UCS2; widths stay the font's one-byte /Widths, a two-byte
 * code taking the sum of its bytes' widths, as a viewer that honours the dictionary would lay it out.
 */
import { predefinedCMap } from './bcmap.js';
import { collectionText } from './font-cmaps.js';
import { CompositeFont, NO_VERTICAL } from './font-composite.js';
import { fontExtent, readDescriptor } from './font-descriptor.js';
import type { FontSettings } from './font-settings.js';
import { readSimpleWidths } from './font-widths.js';
import { isName, type Dict, type PdfResolver } from './objects.js';

/** The font names pdf.js treats so (exact BaseFont, no subset tag or style). */
const GBK_FONT_NAMES: ReadonlySet<string> = new Set(['宋体', '黑体', '楷体', '仿宋', '楷体_GB2312', '仿宋_GB2312', '隶书', '新宋', '仿宋体', '小标宋']);
const GBK_CMAP = 'GBK-EUC-H';

/** The BaseFont name's bytes (names are read as Latin-1) decoded as GBK; '' when it is plain ASCII. */
function gbkName(latin1Name: string): string {
  let high = false;
  const bytes = new Uint8Array(latin1Name.length);
  for (let i = 0; i < latin1Name.length; i++) {
    const c = latin1Name.charCodeAt(i);
    if (c > 0xff) return '';
    if (c >= 0x80) high = true;
    bytes[i] = c;
  }
  return high ? new TextDecoder('gbk').decode(bytes) : '';
}

/** Whether a simple font dictionary is one of those GBK-in-WinAnsi fonts. */
export function isGbkWinAnsiFont(resolver: PdfResolver, dict: Dict): boolean {
  const encoding = resolver.lookup(dict, 'Encoding');
  if (!isName(encoding, 'WinAnsiEncoding')) return false;
  const baseFont = resolver.lookup(dict, 'BaseFont');
  if (!isName(baseFont) || !GBK_FONT_NAMES.has(gbkName(baseFont.name))) return false;
  return readDescriptor(resolver, resolver.lookup(dict, 'FontDescriptor')).program === undefined;
}

export function createGbkWinAnsiFont(resolver: PdfResolver, dict: Dict, settings: FontSettings): CompositeFont {
  const cmap = predefinedCMap(GBK_CMAP);
  const text = collectionText('Adobe', 'GB1')!;
  const descriptor = readDescriptor(resolver, resolver.lookup(dict, 'FontDescriptor'));
  const widths = readSimpleWidths(resolver, dict);
  const byteWidth = (byte: number): number =>
    widths ? (widths.widths[byte - widths.firstChar] ?? descriptor.missingWidth) : settings.unknownLatinWidth;
  return new CompositeFont({
    extent: () => fontExtent(resolver, descriptor, settings),
    vertical: false,
    codespace: cmap.codespace,
    cidOf: (code) => cmap.cid(code) ?? 0,
    textOf: (_code, cid) => text.text(cid) ?? '',
    widthOf: (_cid, code, codeBytes) => (codeBytes === 1 ? byteWidth(code) : byteWidth(code >> 8) + byteWidth(code & 0xff)),
    verticalOf: () => NO_VERTICAL,
    notdefWidth: settings.unknownLatinWidth,
  });
}
