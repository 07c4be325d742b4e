/**
 * Settings of the tables stage (pdfplumber's TableSettings as the model): every tolerance a named,
 * documented field; `resolve…Settings` merges a caller's values over the frozen defaults, derives the
 * per-axis values and refuses invalid ones.
 */
import { SettingsError } from '../errors.js';

export const TABLE_STRATEGIES = ['auto', 'lattice', 'stream'] as const;
export type TableStrategy = (typeof TABLE_STRATEGIES)[number];

export type TableSettings = {
  /** 'lattice' reads ruled grids, 'stream' aligned text, 'auto' lattice first and stream on the words left over. */
  readonly strategy: TableStrategy;
  /** Rulings whose positions differ by at most this many points are moved onto one line. Default 3. */
  readonly snapTolerance: number;
  readonly snapXTolerance: number;
  readonly snapYTolerance: number;
  /** Collinear rulings with a gap of at most this many points are joined into one edge. Default 3. */
  readonly joinTolerance: number;
  readonly joinXTolerance: number;
  readonly joinYTolerance: number;
  /** A horizontal and a vertical edge closer than this (pt) still intersect. Default 3. */
  readonly intersectionTolerance: number;
  readonly intersectionXTolerance: number;
  readonly intersectionYTolerance: number;
  /** Edges shorter than this (pt) are dropped after joining: ticks and underline stubs. Default 3. */
  readonly edgeMinLength: number;
  /**
   * Add a horizontal edge where at least this many vertical edges end at one height with no rule drawn:
   * a table cut by a page break is often left open there. 0 turns this off. Default 3.
   */
  readonly openEndMinEdges: number;
  /** A found table needs at least this many cells; a lone bordered box is a frame, not a table. Default 2. */
  readonly minCells: number;
  /** Words whose vertical centres differ by less than this share of their height sit on one line. Default 0.5. */
  readonly lineOverlapShare: number;
  /** A gap wider than this share of the text height between two words on a line is kept as a space. Default 0.5. */
  readonly spaceGapShare: number;
  /**
   * How far (pt) a word may stick out of its cell and still count as fitting cleanly (the table's accuracy).
   * Default 2: glyph boxes overhang thin borders a little; a word reaching further was cut by a wrong line.
   */
  readonly cellFitSlack: number;
  /**
   * A column line crosses a word only when it lies more than this far (pt) inside the word's box; only then is a
   * word set across columns (a whole row as one string) cut at its spaces. Default 1: a word touching a border
   * does not cross it.
   */
  readonly columnCrossSlack: number;
  /** Stream: a gap wider than this many text heights between words on a line separates cells. Default 1.2. */
  readonly streamColumnGap: number;
  /** Stream: a table needs at least this many consecutive rows of two or more cells. Default 3. */
  readonly streamMinRows: number;
  /** Stream: a table needs at least this many columns. Default 2. */
  readonly streamMinCols: number;
  /**
   * Stream: a line is a table row when wide gaps split it into at least this many cells; a line with fewer
   * (a wrapped label) may sit inside a run of rows but does not count as one. Default 2.
   */
  readonly streamMinRowCells: number;
  /** Stream: rows farther apart than this many line heights end the table. Default 2.5. */
  readonly streamMaxRowGap: number;
  /** Paragraphs: a vertical gap above this many line heights starts a new paragraph. Default 0.8. */
  readonly paragraphGap: number;
  /** Paragraphs: a line ending this many text heights before the right margin ends its paragraph. Default 2. */
  readonly paragraphShortLine: number;
  /**
   * Paragraphs: a change of text size by more than this ratio of line heights starts a new paragraph (a heading
   * above body text). Default 1.25: lines of one paragraph differ by rounding only, a heading is a size up.
   */
  readonly paragraphSizeChange: number;
  /**
   * Paragraphs: a line starting more than this many text heights right of the one above is indented, and starts a
   * paragraph (first-line indent); a centred line keeps this much from both margins. Default 1: Chinese body text
   * indents by two characters.
   */
  readonly paragraphIndent: number;
  /** Keep the intermediate edges, intersections and cell boxes for a review page to draw. Default false. */
  readonly debug: boolean;
};

export const DEFAULT_TABLE_SETTINGS: TableSettings = Object.freeze({
  strategy: 'auto',
  snapTolerance: 3,
  snapXTolerance: 3,
  snapYTolerance: 3,
  joinTolerance: 3,
  joinXTolerance: 3,
  joinYTolerance: 3,
  intersectionTolerance: 3,
  intersectionXTolerance: 3,
  intersectionYTolerance: 3,
  edgeMinLength: 3,
  openEndMinEdges: 3,
  minCells: 2,
  lineOverlapShare: 0.5,
  spaceGapShare: 0.5,
  cellFitSlack: 2,
  columnCrossSlack: 1,
  streamColumnGap: 1.2,
  streamMinRows: 3,
  streamMinCols: 2,
  streamMinRowCells: 2,
  streamMaxRowGap: 2.5,
  paragraphGap: 0.8,
  paragraphShortLine: 2,
  paragraphSizeChange: 1.25,
  paragraphIndent: 1,
  debug: false,
});

export type StitchSettings = {
  /** Column boundaries of two table parts match when this close (pt). Default 4. */
  readonly xTolerance: number;
  /** Share of the page height at the top and bottom where page furniture (page numbers) may sit. Default 0.12. */
  readonly marginShare: number;
  /** A paragraph in the margin band this short (characters) is page furniture, not content. Default 16. */
  readonly furnitureMaxChars: number;
  /** Drop the continuation's first rows when they repeat the header rows. Default true. */
  readonly dropRepeatedHeader: boolean;
  /** Rejoin a row (or a spanning label) cut in two by the page break. Default true. */
  readonly rejoinCutRows: boolean;
};

export const DEFAULT_STITCH_SETTINGS: StitchSettings = Object.freeze({
  xTolerance: 4,
  marginShare: 0.12,
  furnitureMaxChars: 16,
  dropRepeatedHeader: true,
  rejoinCutRows: true,
});

const PER_AXIS = ['snap', 'join', 'intersection'] as const;

/** The top and bottom margin bands together must leave part of the page between them. */
const MAX_MARGIN_SHARE = 0.5;

/** Merges `partial` over the defaults; per-axis tolerances follow the general one unless given. */
export function resolveTableSettings(partial: Partial<TableSettings> = {}): TableSettings {
  const merged: Record<string, unknown> = { ...DEFAULT_TABLE_SETTINGS, ...partial };
  for (const stem of PER_AXIS) {
    const general = partial[`${stem}Tolerance`];
    if (general === undefined) continue;
    for (const axis of ['X', 'Y'] as const) {
      const key = `${stem}${axis}Tolerance` as const;
      if (partial[key] === undefined) merged[key] = general;
    }
  }
  if (!TABLE_STRATEGIES.includes(merged['strategy'] as TableStrategy)) {
    throw new SettingsError(`unknown table strategy: ${String(merged['strategy'])} (expected ${TABLE_STRATEGIES.join(', ')})`);
  }
  checkNumbers(merged, Object.keys(DEFAULT_TABLE_SETTINGS).filter((k) => k !== 'strategy' && k !== 'debug'));
  checkWholeAtLeast(merged, { minCells: 1, streamMinRows: 2, streamMinCols: 2, streamMinRowCells: 2 });
  if ((merged['paragraphSizeChange'] as number) < 1) throw new SettingsError('paragraphSizeChange must be at least 1 (a ratio of sizes)');
  checkBooleans(merged, ['debug']);
  return Object.freeze(merged as TableSettings);
}

export function resolveStitchSettings(partial: Partial<StitchSettings> = {}): StitchSettings {
  const merged: Record<string, unknown> = { ...DEFAULT_STITCH_SETTINGS, ...partial };
  checkNumbers(merged, ['xTolerance', 'marginShare', 'furnitureMaxChars']);
  if ((merged['marginShare'] as number) >= MAX_MARGIN_SHARE) {
    throw new SettingsError(`marginShare must be below ${MAX_MARGIN_SHARE}`);
  }
  checkBooleans(merged, ['dropRepeatedHeader', 'rejoinCutRows']);
  return Object.freeze(merged as StitchSettings);
}

function checkNumbers(values: Record<string, unknown>, keys: readonly string[]): void {
  for (const key of keys) {
    const v = values[key];
    if (typeof v !== 'number' || !Number.isFinite(v) || v < 0) {
      throw new SettingsError(`${key} must be a finite number ≥ 0, got ${String(v)}`);
    }
  }
}

function checkWholeAtLeast(values: Record<string, unknown>, minima: Record<string, number>): void {
  for (const [key, min] of Object.entries(minima)) {
    const v = values[key] as number;
    if (!Number.isInteger(v) || v < min) throw new SettingsError(`${key} must be a whole number ≥ ${min}, got ${v}`);
  }
}

function checkBooleans(values: Record<string, unknown>, keys: readonly string[]): void {
  for (const key of keys) {
    if (typeof values[key] !== 'boolean') throw new SettingsError(`${key} must be true or false, got ${String(values[key])}`);
  }
}
