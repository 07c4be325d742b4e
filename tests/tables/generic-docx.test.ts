import { beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { extractDocx } from '../../src/extract/docx.js';
import { buildTables } from '../../src/tables/index.js';
import { genericTables } from '../../src/tables/header.js';
import type { GenericTable } from '../../src/report/report.js';
import {
  ACTIVE_DISCLOSURE_HEADER,
  REQUESTS_HEADER,
  REQUESTS_STUB_2021,
  REVIEW_LITIGATION_HEADER,
  activeDisclosureBody,
} from './generic-expected.js';

const TEMPLATE = 'tests/fixtures/shared/corpus/govnianbao__政务公开年报模版.docx';

describe('generic tables of the official DOCX template (empty cells)', () => {
  let tables: GenericTable[] = [];
  beforeAll(async () => {
    tables = genericTables(buildTables(await extractDocx(new Uint8Array(readFileSync(TEMPLATE)))));
  });

  it('finds the three tables in order', () => {
    expect(tables.map((t) => [t.index, t.method, t.header.length, t.rows.length])).toEqual([
      [0, 'markup', 4, 12],
      [1, 'markup', 10, 25],
      [2, 'markup', 15, 1],
    ]);
  });

  it('flattens Table A under its caption row and keeps the later blocks as body rows', () => {
    const blank = ['', '', ''] as const;
    expect(tables[0]?.header).toEqual(ACTIVE_DISCLOSURE_HEADER);
    expect(tables[0]?.rows).toEqual(
      activeDisclosureBody({ regulations: blank, normative: blank, licensing: '', penalty: '', enforcement: '', fees: '' }),
    );
  });

  it('names Table B: the note over the stub columns and the 7 flattened applicant columns', () => {
    expect(tables[1]?.header).toEqual(REQUESTS_HEADER);
    expect(tables[1]?.rows).toEqual(REQUESTS_STUB_2021.map((stub) => [...stub, ...Array<string>(7).fill('')]));
  });

  it("names Table C's 15 columns", () => {
    expect(tables[2]?.header).toEqual(REVIEW_LITIGATION_HEADER);
    expect(tables[2]?.rows).toEqual([Array<string>(15).fill('')]);
  });
});
