import type { ReportParts, Text } from '../../src/output/report-parts.js';

/** The parts with every big piece (lines, the jsonl line's three, generic tables, text) passed through `f`. */
export function mapPartTexts(parts: ReportParts, f: (text: Text) => Text): ReportParts {
  const { head, checks, tail } = parts.jsonl;
  return {
    ...parts,
    lines: Object.fromEntries(Object.entries(parts.lines).map(([path, t]) => [path, f(t)])),
    jsonl: { head: f(head), checks: f(checks), tail: f(tail) },
    generic: parts.generic.map((g) => ({ ...g, csv: f(g.csv) })),
    text: parts.text === null ? null : { path: parts.text.path, content: f(parts.text.content) },
  };
}
