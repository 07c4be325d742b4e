/**
 * Every message and flag code, defined once. Cell-level codes go to a cell's `flags`;
 * report-level ones go to `Report.messages` and the `warnings` column.
 */
export const FLAG_CODES = [
  // cells
  'missing_rows', // the layout has the cell but the document lost it (page break, cut table)
  'misaligned', // a row carried fewer/more numbers than columns: which one moved cannot be known
  'dash_or_word', // printed as —, -, /, 无, 空: stored as blank, never 0
  'unit_inferred', // money printed without a unit: the unit was guessed from the magnitude
  'unit_converted', // money printed in 元 and converted to 万元
  'label_fuzzy', // a row/column label matched only by edit distance or a distinctive substring
  'not_a_number', // the cell holds text that is no number
  'implausible_magnitude', // a value far outside what the agency level makes plausible
  'sign_unexpected', // +n / -n outside net_change
  'not_a_count', // a count that is negative or not an integer: kept as printed
  'blank_as_zero', // a derived cell summed printed terms with blank ones counted as 0
  'terms_missing', // a derived cell left empty because a term is missing or unreadable
  // tables and reports
  'table_split', // a table was stitched across a page break
  'table_missing', // one of the three standard tables was not found
  'layout_mixed', // a table's labels mix the 2019 and 2021 layouts
  'row_unrecognized', // a table row whose label matches no canonical key
  'duplicate_row', // a canonical row appeared twice; the first was kept
  'year_missing',
  'agency_missing',
  'division_ambiguous',
  'division_not_found',
  'division_unconfirmed', // info: a township resolved by a name unique in the data, with no county or city named to confirm it
  'encoding_guessed', // the text encoding was detected, not declared
  'docx_cell_merging', // the DOCX carried merges that had to be read from the XML
  'extractor_warning', // a warning from the underlying library
  'pdf_fallback', // info: nianbao's own PDF reader does not support something in this file; pdf.js read it
] as const;

export type FlagCode = (typeof FLAG_CODES)[number];

export type Severity = 'info' | 'warning';

export type Where = {
  readonly page?: number;
  readonly table?: string;
  readonly rowKey?: string;
  readonly colKey?: string;
};

/** A message says what, where, and which rule said it (vfile-message). */
export type Message = {
  readonly code: FlagCode;
  readonly severity: Severity;
  readonly text: string;
  readonly where?: Where;
};

export function message(code: FlagCode, text: string, where?: Where, severity: Severity = 'warning'): Message {
  return where ? { code, severity, text, where } : { code, severity, text };
}

/** Removes duplicate messages (same code, text and place), keeping the first. */
export function uniqueMessages(messages: readonly Message[]): Message[] {
  const seen = new Set<string>();
  const out: Message[] = [];
  for (const m of messages) {
    const key = JSON.stringify([m.code, m.text, m.where ?? null]);
    if (!seen.has(key)) {
      seen.add(key);
      out.push(m);
    }
  }
  return out;
}
