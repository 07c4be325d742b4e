/**
 * Table structure of a Word 97-2003 file, read from its paragraph properties (PAPX FKPs, [MS-DOC] 2.9.175),
 * so that the DOC extractor can end each table row with a newline and keep a cell's own paragraph breaks
 * inside the row. word-extractor marks row ends from sprmPFTtp only when that sprm sits directly in the
 * FKP; rows whose properties live in the Data stream (sprmPHugePapx, usual for wide tables) and sprms
 * after sprmTDefTable (a 2-byte length) are missed, so every row of such a table ran into one line.
 */

/** Paragraph properties that matter for table layout. */
export type ParagraphRun = {
  /** Byte offsets in the WordDocument stream: the paragraph's text is [fcStart, fcEnd), its mark last. */
  readonly fcStart: number;
  readonly fcEnd: number;
  readonly inTable: boolean;
  /** Table-terminating paragraph: its mark ends a row of an outermost table. */
  readonly rowEnd: boolean;
  /** Row end or cell end of a table nested in a cell. */
  readonly innerMark: boolean;
};

const SPRM_P_IN_TABLE = 0x2416;
const SPRM_P_TTP = 0x2417;
const SPRM_P_INNER_TABLE_CELL = 0x244a;
const SPRM_P_INNER_TTP = 0x244b;
const SPRM_P_HUGE_PAPX = 0x6646;
const SPRM_T_DEF_TABLE = 0xd608;
const SPRM_T_DEF_TABLE_10 = 0xd606;
const SPRM_P_CHG_TABS = 0xc615;
/** Operand sizes by spra (bits 13–15 of a sprm); 6 = variable. */
const OPERAND_SIZE = [1, 1, 2, 4, 2, 2, -1, 3] as const;
const FKP_PAGE = 512;
const BX_PAP_SIZE = 13;
/** FibRgFcLcb97 offsets of fcPlcfBtePapx / lcbPlcfBtePapx in the FIB. */
const FIB_FC_PLCF_BTE_PAPX = 0x0102;
const FIB_LCB_PLCF_BTE_PAPX = 0x0106;

/** Size of a variable-length operand at `at` (after the sprm code). */
function variableOperandSize(buf: Uint8Array, dv: DataView, sprm: number, at: number): number {
  if (sprm === SPRM_T_DEF_TABLE || sprm === SPRM_T_DEF_TABLE_10) return dv.getUint16(at, true) + 1;
  const cb = buf[at]!;
  if (sprm === SPRM_P_CHG_TABS && cb === 255) {
    const del = buf[at + 1] ?? 0; // PChgTabsDelClose: cTabs, rgdxaDel, rgdxaClose
    const add = buf[at + 2 + del * 4] ?? 0; // PChgTabsAdd: cTabs, rgdxaAdd, rgtbdAdd
    return 1 + 1 + del * 4 + 1 + add * 3;
  }
  return cb + 1;
}

/** Calls visit(sprm, operandOffset) for each sprm of a grpprl in buf[start, end). */
export function walkSprms(buf: Uint8Array, start: number, end: number, visit: (sprm: number, at: number) => void): void {
  const dv = new DataView(buf.buffer, buf.byteOffset, buf.byteLength);
  let p = start;
  while (p + 2 <= end) {
    const sprm = dv.getUint16(p, true);
    const at = p + 2;
    const fixed = OPERAND_SIZE[(sprm >> 13) & 7]!;
    const size = fixed >= 0 ? fixed : at < end ? variableOperandSize(buf, dv, sprm, at) : end;
    if (at + size > end) return;
    visit(sprm, at);
    p = at + size;
  }
}

type Flags = { inTable: boolean; rowEnd: boolean; innerMark: boolean };

function readFlags(buf: Uint8Array, start: number, end: number, data: Uint8Array, flags: Flags): void {
  walkSprms(buf, start, end, (sprm, at) => {
    const on = buf[at] === 1;
    if (sprm === SPRM_P_IN_TABLE) flags.inTable = on;
    else if (sprm === SPRM_P_TTP) flags.rowEnd = on;
    else if (sprm === SPRM_P_INNER_TTP || sprm === SPRM_P_INNER_TABLE_CELL) flags.innerMark ||= on;
    else if (sprm === SPRM_P_HUGE_PAPX) {
      const offset = new DataView(buf.buffer, buf.byteOffset, buf.byteLength).getUint32(at, true);
      if (offset + 2 > data.length) return;
      const cb = data[offset]! | (data[offset + 1]! << 8);
      readFlags(data, offset + 2, Math.min(data.length, offset + 2 + cb), data, flags);
    }
  });
}

/** The paragraphs of one PAPX FKP page. */
function runsOfPage(page: Uint8Array, data: Uint8Array): ParagraphRun[] {
  const dv = new DataView(page.buffer, page.byteOffset, page.byteLength);
  const crun = page[FKP_PAGE - 1]!;
  const runs: ParagraphRun[] = [];
  for (let j = 0; j < crun; j++) {
    const flags: Flags = { inTable: false, rowEnd: false, innerMark: false };
    const papx = page[(crun + 1) * 4 + j * BX_PAP_SIZE]! * 2;
    if (papx > 0) {
      const cb = page[papx]!;
      const start = cb !== 0 ? papx + 1 : papx + 2;
      const size = cb !== 0 ? 2 * cb - 1 : 2 * page[papx + 1]!;
      readFlags(page, start + 2, Math.min(FKP_PAGE - 1, start + size), data, flags); // +2 skips the istd
    }
    runs.push({ fcStart: dv.getUint32(j * 4, true), fcEnd: dv.getUint32((j + 1) * 4, true), ...flags });
  }
  return runs;
}

/** Every paragraph with its table flags, from the WordDocument, table (0Table/1Table) and Data streams. */
export function readParagraphRuns(wordDocument: Uint8Array, tableStream: Uint8Array, data: Uint8Array): ParagraphRun[] {
  const fib = new DataView(wordDocument.buffer, wordDocument.byteOffset, wordDocument.byteLength);
  const fc = fib.getUint32(FIB_FC_PLCF_BTE_PAPX, true);
  const lcb = fib.getUint32(FIB_LCB_PLCF_BTE_PAPX, true);
  if (lcb < 4 || fc + lcb > tableStream.length) return [];
  const plc = new DataView(tableStream.buffer, tableStream.byteOffset + fc, lcb);
  const count = (lcb - 4) / 8;
  const runs: ParagraphRun[] = [];
  for (let i = 0; i < count; i++) {
    const pn = plc.getUint32((count + 1) * 4 + i * 4, true);
    const page = wordDocument.subarray(pn * FKP_PAGE, (pn + 1) * FKP_PAGE);
    if (page.length === FKP_PAGE) runs.push(...runsOfPage(page, data));
  }
  return runs;
}
