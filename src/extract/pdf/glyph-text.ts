/**
 * What a glyph's Unicode text means for building runs, as pdf.js classifies it: white-space is
 * only advanced over, combining marks take no width, invisible format marks are dropped; and the
 * Unicode normalisation pdf.js applies to each finished text item.
 */

export enum GlyphKind {
  /** Anything that prints. */
  Regular,
  /** Starts with white-space (incl. U+00A0 and the ideographic space U+3000). */
  Space,
  /** Holds a combining mark (Unicode Mn): placed without width. */
  Mark,
  /** Ends with an invisible format character (Unicode Cf: soft hyphen, zero-width space…): dropped. */
  Invisible,
}

/** The same classification pdf.js makes (leftmost match wins, as in its regular expression). */
const SPECIAL = /^(\s)|(\p{Mn})|(\p{Cf})$/u;
/** Bound on the classification cache (fonts may map codes to arbitrary strings). */
const CACHE_LIMIT = 10_000;
const cache = new Map<string, GlyphKind>();

const SPACE = 0x20;
const PRINTABLE_ASCII = [0x21, 0x7e] as const;
const CJK_UNIFIED = [0x4e00, 0x9fff] as const;
const FULLWIDTH_FORMS = [0xff01, 0xff5e] as const;

function within(c: number, range: readonly [number, number]): boolean {
  return c >= range[0] && c <= range[1];
}

export function glyphKind(text: string): GlyphKind {
  if (text.length === 1) {
    const c = text.charCodeAt(0);
    // Most glyphs of these reports: decided without a lookup.
    if (within(c, CJK_UNIFIED) || within(c, PRINTABLE_ASCII) || within(c, FULLWIDTH_FORMS)) return GlyphKind.Regular;
    if (c === SPACE) return GlyphKind.Space;
  }
  let kind = cache.get(text);
  if (kind === undefined) {
    kind = classify(text);
    if (cache.size < CACHE_LIMIT) cache.set(text, kind);
  }
  return kind;
}

function classify(text: string): GlyphKind {
  const m = SPECIAL.exec(text);
  if (!m) return GlyphKind.Regular;
  if (m[1] !== undefined) return GlyphKind.Space;
  return m[2] !== undefined ? GlyphKind.Mark : GlyphKind.Invisible;
}

/**
 * Characters pdf.js replaces by their compatibility form (NFKC) in text items: micro sign, Greek
 * question mark, Lao AM, ohm sign, narrow no-break space, Latin/Hebrew/Arabic presentation forms.
 */
const COMPATIBILITY = /[\u00b5\u037e\u0eb3\u202f\u2126\ufb00-\ufb04\ufb06\ufb20-\ufdfb\ufe71-\ufe7d]+/gu;
/** U+FB05 (ſt ligature) has no NFKC form pdf.js accepts: it is spelled out. */
const LONG_S_T = /\ufb05/gu;
const PRESENTATION_FORMS = [0xfb00, 0xfe7d] as const;
const COMPATIBILITY_SINGLES: ReadonlySet<number> = new Set([0xb5, 0x37e, 0xeb3, 0x202f, 0x2126]);
const LAST_SINGLE = 0x2126;

/**
 * pdf.js's normalisation of a finished text item (it lists the presentation forms one by one; this
 * takes their whole blocks, which only differs on unassigned code points).
 */
export function normalizeRunText(text: string): string {
  let candidate = false;
  for (let i = 0; i < text.length && !candidate; i++) {
    const c = text.charCodeAt(i);
    candidate = c >= PRESENTATION_FORMS[0] ? c <= PRESENTATION_FORMS[1] : c <= LAST_SINGLE && COMPATIBILITY_SINGLES.has(c);
  }
  if (!candidate) return text;
  return text.replace(COMPATIBILITY, (s) => s.normalize('NFKC')).replace(LONG_S_T, 'ſt');
}
