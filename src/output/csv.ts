/**
 * What every CSV writer shares: the dialect (UTF-8 without BOM, RFC 4180 quoting, `\n`, a header row),
 * how values become text (plain numbers, blanks empty, never 0), the formula guard, and the
 * description of a CSV file that both its writer and `datapackage.json` read.
 */
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

/** The dialect of every CSV, as `datapackage.json` describes it (Frictionless CSV Dialect). */
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

/**
 * A field that holds the delimiter, a quote or a line break is quoted (RFC 4180). A bare \r counts as a line
 * break: most parsers would read one back as the end of the row.
 */
const NEEDS_QUOTES = /[",\n\r]/;

/** One field as written: formatted, then quoted with inner quotes doubled when it must be. */
function csvField(value: CsvValue): string {
  const text = formatValue(value);
  return NEEDS_QUOTES.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** One row as a line, `\n` included. */
export function csvLine(row: CsvRow): string {
  let line = '';
  for (let i = 0; i < row.length; i++) line += i === 0 ? csvField(row[i] ?? null) : `,${csvField(row[i] ?? null)}`;
  return `${line}\n`;
}

/** CSV text of some rows (no header), in the shared dialect. */
export function csvLines(rows: Iterable<CsvRow>): string {
  let text = '';
  for (const row of rows) text += csvLine(row);
  return text;
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
