/**
 * What every CSV writer shares: the dialect (UTF-8 without BOM, RFC 4180 quoting, `\n`, a header row),
 * how values become text (plain numbers, blanks empty, never 0), the formula guard, and the
 * description of a CSV file that both its writer and `datapackage.json` read.
 */
import { stringify, type Options } from 'csv-stringify/sync';

/** Frictionless Table Schema field types used by nianbao's CSVs. */
export type FieldType = 'string' | 'integer' | 'number' | 'date';

export type Field = {
  readonly name: string;
  readonly type: FieldType;
  readonly description: string;
  /** Unit of a numeric field (件, 万元, ratio); a custom property in the schema. */
  readonly unit?: string;
  /** The only values the field takes (besides blank). */
  readonly enum?: readonly string[];
};

/** A cell as writers hand it over: text, a number, or null for a blank. */
export type CsvValue = string | number | null;
export type CsvRow = readonly CsvValue[];

/** One CSV file: where it goes, what it holds and its rows (one value per field, in field order). */
export type CsvResource = {
  /** Frictionless resource name: lowercase letters, digits, `-`, `_`, `.`. */
  readonly name: string;
  /** Path relative to the output folder, with `/`. */
  readonly path: string;
  readonly title: string;
  readonly description: string;
  readonly fields: readonly Field[];
  readonly primaryKey?: readonly string[];
  /** Rows are produced lazily so a big file is streamed, not held as one string. */
  readonly rows: () => Iterable<CsvRow>;
};

/** The dialect of every CSV, in csv-stringify's terms. */
export const CSV_OPTIONS: Readonly<Options> = Object.freeze({
  delimiter: ',',
  quote: '"',
  record_delimiter: '\n',
  // A bare \r inside a field would read back as a line break in most parsers.
  quote_record_delimiter: true,
  bom: false,
  eof: true,
});

/** The same dialect, as `datapackage.json` describes it (Frictionless CSV Dialect). */
export const CSV_DIALECT = Object.freeze({
  delimiter: ',',
  lineTerminator: '\n',
  quoteChar: '"',
  doubleQuote: true,
  header: true,
});

/** Characters that make a spreadsheet read a cell as a formula (OWASP CSV injection, plus tab and CR). */
const FORMULA_START = /^[=+\-@\t\r]/;
/** A plain decimal number: a spreadsheet reads it as a number, never as a formula. */
const PLAIN_NUMBER = /^[+-]?\d+(\.\d+)?$/;

/** Prefixes text that would run as a formula with a single quote; plain numbers like `-5` stay as they are. */
export function guardFormula(text: string): string {
  return FORMULA_START.test(text) && !PLAIN_NUMBER.test(text) ? `'${text}` : text;
}

/** A number without exponent or thousands separators; non-finite numbers become blank. */
export function plainNumber(n: number): string {
  if (!Number.isFinite(n)) return '';
  const text = String(n);
  const match = /^(-?)(\d)(?:\.(\d+))?e([+-]\d+)$/.exec(text);
  if (match === null) return text;
  // Exponent form only appears for |n| >= 1e21 or |n| < 1e-6: move the point in the shortest digits JS gave.
  const [, sign = '', head = '', tail = '', exp = '0'] = match;
  const digits = head + tail;
  const point = 1 + Number(exp);
  if (point <= 0) return `${sign}0.${'0'.repeat(-point)}${digits}`;
  return `${sign}${digits.padEnd(point, '0')}`;
}

/** How one value is written: numbers plain, null empty, text guarded. */
export function formatValue(value: CsvValue): string {
  if (value === null) return '';
  if (typeof value === 'number') return plainNumber(value);
  return guardFormula(value);
}

/** CSV text of some rows (no header), in the shared dialect. */
export function csvLines(rows: readonly CsvRow[]): string {
  if (rows.length === 0) return '';
  return stringify(
    rows.map((r) => r.map(formatValue)),
    CSV_OPTIONS,
  );
}

/** The header line of a resource. Field names are written through the guard like any text. */
export function csvHeader(fields: readonly Field[]): string {
  return csvLines([fields.map((f) => f.name)]);
}

/** Rows per chunk when streaming a CSV to disk. */
export const DEFAULT_CSV_CHUNK_ROWS = 2000;

/** The whole file as chunks of text: header first, then batches of rows. */
export function* csvChunks(resource: CsvResource, chunkRows: number = DEFAULT_CSV_CHUNK_ROWS): Generator<string> {
  yield csvHeader(resource.fields);
  let batch: CsvRow[] = [];
  for (const row of resource.rows()) {
    batch.push(row);
    if (batch.length >= chunkRows) {
      yield csvLines(batch);
      batch = [];
    }
  }
  if (batch.length > 0) yield csvLines(batch);
}

/** Joins codes with ';' (the flags and warnings columns). */
export function joinCodes(codes: readonly string[]): string {
  return codes.join(';');
}
