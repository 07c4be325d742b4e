import { beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { extractHtml } from '../../src/extract/html.js';
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

const PINGTAN = 'tests/fixtures/shared/corpus/pingtan-gov-zwgk-archive__2024_report_body.transcribed.html';

/** The seven applicant columns of each Table B row, read by eye from the published page. */
const REQUESTS_VALUES: readonly string[] = [
  '217 1 0 0 0 0 218', // 一、本年新收
  '0 0 0 0 0 0 0', // 二、上年结转
  '71 0 0 0 0 0 71', // （一）予以公开
  '29 0 0 0 0 0 29', // （二）部分公开
  '4 0 0 0 0 0 4', // （三）1
  '0 0 0 0 0 0 0',
  '0 0 0 0 0 0 0',
  '3 0 0 0 0 0 3', // （三）4
  '32 0 0 0 0 0 32', // （三）5
  '0 0 0 0 0 0 0',
  '0 0 0 0 0 0 0',
  '0 0 0 0 0 0 0',
  '75 0 0 0 0 0 75', // （四）1
  '0 0 0 0 0 0 0',
  '0 0 0 0 0 0 0',
  '0 0 0 0 0 0 0', // （五）1
  '1 0 0 0 0 0 1', // （五）2
  '0 0 0 0 0 0 0',
  '0 0 0 0 0 0 0',
  '0 0 0 0 0 0 0',
  '1 0 0 0 0 0 1', // （六）1
  '0 0 0 0 0 0 0',
  '1 1 0 0 0 0 2', // （六）3
  '217 1 0 0 0 0 218', // （七）总计
  '0 0 0 0 0 0 0', // 四、结转下年度
];

describe('generic tables of the 平潭 2024 report (HTML with rowspan/colspan and <p>-split labels)', () => {
  let tables: GenericTable[] = [];
  beforeAll(async () => {
    tables = genericTables(buildTables(await extractHtml(new Uint8Array(readFileSync(PINGTAN)))));
  });

  it('finds the three tables', () => {
    expect(tables.map((t) => [t.index, t.method, t.header.length, t.rows.length])).toEqual([
      [0, 'markup', 4, 12],
      [1, 'markup', 10, 25],
      [2, 'markup', 15, 1],
    ]);
  });

  it('reads Table A with its numbers', () => {
    expect(tables[0]?.header).toEqual(ACTIVE_DISCLOSURE_HEADER);
    expect(tables[0]?.rows).toEqual(
      activeDisclosureBody({
        regulations: ['0', '0', '0'],
        normative: ['62', '33', '440'],
        licensing: '4529',
        penalty: '1100',
        enforcement: '65',
        fees: '18651.06',
      }),
    );
  });

  it('joins labels split over <p> and &nbsp; runs ("商业</p><p>企业") and reads every Table B row', () => {
    expect(tables[1]?.header).toEqual(REQUESTS_HEADER);
    expect(tables[1]?.rows).toEqual(REQUESTS_STUB_2021.map((stub, i) => [...stub, ...REQUESTS_VALUES[i]!.split(' ')]));
  });

  it('reads Table C with its 15 names', () => {
    expect(tables[2]?.header).toEqual(REVIEW_LITIGATION_HEADER);
    expect(tables[2]?.rows).toEqual([['2', '1', '3', '1', '7', '0', '0', '0', '0', '0', '13', '2', '4', '0', '19']]);
  });
});
