/**
 * What fonts read from a FontDescriptor (PDF 32000-1 §9.8): the flags that decide a simple font's
 * built-in encoding, /MissingWidth, the embedded program, and ascent and descent for word boxes.
 */
import type { FontSettings } from './font-settings.js';
import { GLYPH_UNITS } from './font-glyphs.js';
import { programExtent, type Extent } from './font-program.js';
import { isDict, isName, isNumber, isStream, type PdfResolver, type PdfValue, type Stream } from './objects.js';

/** Font flags (Table 123). */
export const FLAG_SYMBOLIC = 1 << 2;
export const FLAG_NONSYMBOLIC = 1 << 5;

export type FontProgramKind = 'FontFile' | 'FontFile2' | 'FontFile3';

export type FontDescriptorInfo = {
  readonly flags: number;
  /** Glyph units; 0 when absent. */
  readonly missingWidth: number;
  /** /Ascent and /Descent (glyph units) when both are numbers. */
  readonly extent?: Extent;
  /** The embedded font program, if any. */
  readonly program?: { readonly kind: FontProgramKind; readonly stream: Stream };
};

const PROGRAM_KEYS: readonly FontProgramKind[] = ['FontFile2', 'FontFile', 'FontFile3'];

/** Reads a descriptor; a font without one (a standard 14 font) gives flags 0 and nothing else. */
export function readDescriptor(resolver: PdfResolver, value: PdfValue | undefined): FontDescriptorInfo {
  if (!isDict(value)) return { flags: 0, missingWidth: 0 };
  const get = (key: string): number | undefined => {
    const v = resolver.lookup(value, key);
    return isNumber(v) ? v : undefined;
  };
  const ascent = get('Ascent');
  const descent = get('Descent');
  const info = {
    flags: get('Flags') ?? 0,
    missingWidth: get('MissingWidth') ?? 0,
    ...(ascent !== undefined && descent !== undefined && { extent: [ascent, descent] as const }),
  };
  for (const kind of PROGRAM_KEYS) {
    const stream = resolver.lookup(value, kind);
    if (isStream(stream)) return { ...info, program: { kind, stream } };
  }
  return info;
}

/**
 * Ascent and descent (fractions of the font size) as pdf.js takes them: from an embedded
 * TrueType/OpenType program's hhea table, else the descriptor, else `fallback` (a standard font's
 * AFM figures); the first plausible one, or the settings' fallbacks.
 */
export function fontExtent(resolver: PdfResolver, info: FontDescriptorInfo, settings: FontSettings, fallback?: Extent): [number, number] {
  const program = info.program;
  const sfnt =
    program &&
    (program.kind === 'FontFile2' || (program.kind === 'FontFile3' && isName(resolver.lookup(program.stream.dict, 'Subtype'), 'OpenType')));
  for (const candidate of [sfnt ? programExtent(resolver, program.stream) : undefined, info.extent, fallback]) {
    const extent = candidate && plausibleExtent(candidate, settings);
    if (extent) return extent;
  }
  return [settings.fallbackAscent, settings.fallbackDescent];
}

/** Ascent and descent (/1000) when ascent > 0, descent < 0 and their span is plausible. */
export function plausibleExtent([ascent, descent]: Extent, settings: FontSettings): [number, number] | undefined {
  const a = ascent / GLYPH_UNITS;
  const d = descent / GLYPH_UNITS;
  const span = a - d;
  return a > 0 && d < 0 && span >= settings.minExtent && span <= settings.maxExtent ? [a, d] : undefined;
}
