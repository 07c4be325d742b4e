/**
 * The domain as data: the three standard tables of the 政府信息公开工作年度报告 in their 2019 and 2021
 * layouts (DOMAIN.md §1–§2). Labels are verbatim; keys are DOMAIN.md's canonical keys.
 * Code asks this module (`layoutCells`, `rowDef`, …) and never spells out a Chinese label itself.
 */
import type { Layout, TableId, Unit } from './report.js';

/** The two official layouts; 'mixed' (Table B only) is the 2021 layout with （六） printed as one leaf. */
export type Edition = '2019' | '2021';

export type ValueKind = 'count' | 'signed_count' | 'money';

export type ColumnDef = {
  readonly key: string;
  /** Verbatim header label (the 2021 wording where the editions differ). */
  readonly label: string;
  /** Other printed forms: the other edition's wording, typos and aliases seen in real reports. */
  readonly variants: readonly string[];
  readonly kind: ValueKind;
  /** Never printed: computed from other cells. */
  readonly derived?: boolean;
  readonly description: string;
};

export type RowDef = {
  readonly key: string;
  readonly label: string;
  readonly variants: readonly string[];
  /** Substrings that identify the row on their own (unique within the table), tried after exact matching. */
  readonly distinctive: readonly string[];
  /** Layouts in which the row is printed. Empty for rows that are always derived. */
  readonly printedIn: readonly Layout[];
  /** Layouts in which the row is computed from `sumOf` (never printed there). */
  readonly derivedIn: readonly Layout[];
  readonly sumOf?: readonly string[];
  /** Table A only: the 第二十条 block the row belongs to. */
  readonly block?: string;
  /**
   * A group row that some layouts print as one leaf while others print its sub-items instead (（六）其他处理:
   * a leaf in 2019 and 'mixed', sub-items in 2021): read as a data row, it is evidence of the leaf form.
   */
  readonly leafForm?: boolean;
};

/** Table A: each 第二十条 block has its own header row, whose columns differ by edition. */
export type BlockDef = {
  readonly key: string;
  readonly label: string;
  readonly variants: readonly string[];
  readonly columns: Readonly<Partial<Record<Edition, readonly string[]>>>;
};

/** One slot of a flat data row: the (row, column) its number belongs to. */
export type FlatSlot = { readonly rowKey: string; readonly colKey: string };

/**
 * Which header rows a data row reads its columns from: 'block' = the nearest header row above it (Table A, whose
 * 第二十条 blocks each print their own header), 'table' = every header row of its table block (Tables B, C).
 */
export type HeaderScope = 'block' | 'table';

export type TableDef = {
  readonly id: TableId;
  /** The section heading that introduces the table. */
  readonly title: string;
  /** Substrings of the heading that find it in any wording. */
  readonly titleDistinctive: readonly string[];
  readonly rows: readonly RowDef[];
  readonly columns: readonly ColumnDef[];
  readonly blocks: readonly BlockDef[];
  /**
   * Row labels are printed as row stubs (Tables A, B). Table C prints none: its row labels head column groups
   * (行政复议 over 结果维持 … 总计), so they are header words and its numbers come in one flat data row.
   */
  readonly rowLabelsPrinted: boolean;
  readonly headerScope: HeaderScope;
  /** For a table printed as one label-less data row (Table C): the slot of each number, in printed order. */
  readonly flatRowOrder?: readonly FlatSlot[];
};

const BOTH: readonly Layout[] = ['2019', '2021', 'mixed'];
const ONLY_2019: readonly Layout[] = ['2019'];
const ONLY_2021: readonly Layout[] = ['2021'];
const NOT_2021: readonly Layout[] = ['2019', 'mixed'];

function row(
  key: string,
  label: string,
  distinctive: readonly string[],
  extra: Partial<Omit<RowDef, 'key' | 'label' | 'distinctive'>> = {},
): RowDef {
  return { key, label, distinctive, variants: [], printedIn: BOTH, derivedIn: [], ...extra };
}

function col(key: string, label: string, kind: ValueKind, description: string, extra: Partial<ColumnDef> = {}): ColumnDef {
  return { key, label, kind, description, variants: [], ...extra };
}

// ---------------------------------------------------------------------------------------------
// Table A — 二、主动公开政府信息情况

const ACTIVE_DISCLOSURE: TableDef = {
  id: 'active_disclosure',
  title: '二、主动公开政府信息情况',
  titleDistinctive: ['主动公开政府信息情况'],
  rowLabelsPrinted: true,
  headerScope: 'block',
  blocks: [
    {
      key: 'art20_1',
      label: '第二十条第（一）项',
      variants: ['第二十条第(一)项'],
      columns: { '2021': ['issued', 'repealed', 'in_force'], '2019': ['newly_made', 'newly_published', 'total_published'] },
    },
    {
      key: 'art20_5',
      label: '第二十条第（五）项',
      variants: ['第二十条第(五)项'],
      columns: { '2021': ['decisions'], '2019': ['prior_year_items', 'net_change', 'decisions'] },
    },
    {
      key: 'art20_6',
      label: '第二十条第（六）项',
      variants: ['第二十条第(六)项'],
      columns: { '2021': ['decisions'], '2019': ['prior_year_items', 'net_change', 'decisions'] },
    },
    {
      key: 'art20_8',
      label: '第二十条第（八）项',
      variants: ['第二十条第(八)项'],
      columns: { '2021': ['fee_amount'], '2019': ['prior_year_items', 'net_change'] },
    },
    {
      key: 'art20_9',
      label: '第二十条第（九）项',
      variants: ['第二十条第(九)项'],
      columns: { '2019': ['procurement_projects', 'procurement_amount'] },
    },
  ],
  rows: [
    row('art20_1.regulations', '规章', ['规章'], { block: 'art20_1' }),
    row('art20_1.normative_documents', '行政规范性文件', ['规范性文件'], { block: 'art20_1', variants: ['规范性文件'] }),
    row('art20_5.administrative_licensing', '行政许可', ['行政许可'], { block: 'art20_5' }),
    row('art20_5.other_external_services', '其他对外管理服务事项', ['对外管理服务'], { block: 'art20_5', printedIn: ONLY_2019 }),
    row('art20_6.administrative_penalty', '行政处罚', ['行政处罚'], { block: 'art20_6' }),
    row('art20_6.administrative_coercion', '行政强制', ['行政强制'], { block: 'art20_6' }),
    row('art20_8.administrative_fees', '行政事业性收费', ['事业性收费'], { block: 'art20_8' }),
    row('art20_9.centralized_procurement', '政府集中采购', ['集中采购'], { block: 'art20_9', printedIn: ONLY_2019 }),
  ],
  columns: [
    col('issued', '本年制发件数', 'count', 'Documents issued this year (2021 layout)'),
    col('repealed', '本年废止件数', 'count', 'Documents repealed this year (2021 layout)', { variants: ['本年度止件数'] }),
    col('in_force', '现行有效件数', 'count', 'Documents in force at year end, a stock (2021 layout)'),
    col('newly_made', '本年新制作数量', 'count', 'Documents newly made this year (2019 layout)'),
    col('newly_published', '本年新公开数量', 'count', 'Documents newly published this year (2019 layout)'),
    col('total_published', '对外公开总数量', 'count', 'Documents published in total, cumulative (2019 layout)'),
    col('prior_year_items', '上一年项目数量', 'count', 'Items at the end of the previous year, a stock (2019 layout)'),
    col('net_change', '本年增/减', 'signed_count', 'Change in items this year, signed (2019 layout)', { variants: ['本年增减', '本年增'] }),
    col('decisions', '本年处理决定数量', 'count', 'Decisions made this year', { variants: ['处理决定数量'] }),
    col('fee_amount', '本年收费金额（单位：万元）', 'money', 'Fees collected this year in 万元 (2021 layout)', {
      variants: ['本年收费金额'],
    }),
    col('procurement_projects', '采购项目数量', 'count', 'Centralized procurement projects (2019 layout)'),
    col('procurement_amount', '采购总金额', 'money', 'Centralized procurement amount, normalized to 万元 (2019 layout)'),
  ],
};

// ---------------------------------------------------------------------------------------------
// Table B — 三、收到和处理政府信息公开申请情况

const WITHHELD = [
  'result.withheld.state_secret',
  'result.withheld.prohibited_by_law',
  'result.withheld.security_stability',
  'result.withheld.third_party_rights',
  'result.withheld.internal_affairs',
  'result.withheld.process_information',
  'result.withheld.enforcement_case_file',
  'result.withheld.administrative_inquiry',
];
const UNABLE = ['result.unable.not_held', 'result.unable.requires_creation', 'result.unable.unclear_after_correction'];
const NOT_PROCESSED = [
  'result.not_processed.petition_complaint',
  'result.not_processed.duplicate',
  'result.not_processed.publication',
  'result.not_processed.excessive',
  'result.not_processed.confirm_or_reissue',
];
const OTHER = ['result.other.no_correction', 'result.other.fee_unpaid', 'result.other.other'];

const REQUESTS: TableDef = {
  id: 'requests',
  title: '三、收到和处理政府信息公开申请情况',
  titleDistinctive: ['收到和处理政府信息公开申请'],
  rowLabelsPrinted: true,
  headerScope: 'table',
  blocks: [],
  rows: [
    row('new_received', '一、本年新收政府信息公开申请数量', ['本年新收']),
    row('carried_over', '二、上年结转政府信息公开申请数量', ['上年结转']),
    row('result.disclosed', '（一）予以公开', ['予以公开']),
    row('result.partially_disclosed', '（二）部分公开（区分处理的，只计这一情形，不计其他情形）', ['部分公开', '区分处理']),
    row('result.withheld.subtotal', '（三）不予公开', [], { printedIn: [], derivedIn: BOTH, sumOf: WITHHELD }),
    row('result.withheld.state_secret', '1.属于国家秘密', ['国家秘密']),
    row('result.withheld.prohibited_by_law', '2.其他法律行政法规禁止公开', ['行政法规禁止', '规禁止公开', '止公开'], {
      variants: ['2.其他法律行政止公开'],
    }),
    row('result.withheld.security_stability', '3.危及“三安全一稳定”', ['三安全一稳定', '三安全']),
    row('result.withheld.third_party_rights', '4.保护第三方合法权益', ['第三方']),
    row('result.withheld.internal_affairs', '5.属于三类内部事务信息', ['内部事务']),
    row('result.withheld.process_information', '6.属于四类过程性信息', ['过程性']),
    row('result.withheld.enforcement_case_file', '7.属于行政执法案卷', ['执法案卷']),
    row('result.withheld.administrative_inquiry', '8.属于行政查询事项', ['行政查询']),
    row('result.unable.subtotal', '（四）无法提供', [], { printedIn: [], derivedIn: BOTH, sumOf: UNABLE }),
    row('result.unable.not_held', '1.本机关不掌握相关政府信息', ['不掌握']),
    row('result.unable.requires_creation', '2.没有现成信息需要另行制作', ['另行制作', '没有现成']),
    row('result.unable.unclear_after_correction', '3.补正后申请内容仍不明确', ['补正后', '仍不明确']),
    row('result.not_processed.subtotal', '（五）不予处理', [], { printedIn: [], derivedIn: BOTH, sumOf: NOT_PROCESSED }),
    row('result.not_processed.petition_complaint', '1.信访举报投诉类申请', ['信访']),
    row('result.not_processed.duplicate', '2.重复申请', ['重复申请']),
    row('result.not_processed.publication', '3.要求提供公开出版物', ['出版物']),
    row('result.not_processed.excessive', '4.无正当理由大量反复申请', ['大量反复']),
    row('result.not_processed.confirm_or_reissue', '5.要求行政机关确认或重新出具已获取信息', ['确认或重新出具', '重新出具']),
    row('result.other.subtotal', '（六）其他处理', ['其他处理'], {
      printedIn: NOT_2021,
      derivedIn: ONLY_2021,
      sumOf: OTHER,
      leafForm: true,
    }),
    row('result.other.no_correction', '1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请', ['逾期不补正'], {
      printedIn: ONLY_2021,
    }),
    row('result.other.fee_unpaid', '2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请', ['缴纳费用', '逾期未缴费', '收费通知'], {
      printedIn: ONLY_2021,
    }),
    row('result.other.other', '3.其他', [], { printedIn: ONLY_2021 }),
    row('result.total', '（七）总计', [], { variants: ['（七）合计', '办理结果合计'] }),
    row('carried_forward', '四、结转下年度继续办理', ['结转下年度', '继续办理']),
  ],
  columns: [
    col('natural_person', '自然人', 'count', 'Applications from natural persons'),
    col('legal_person.commercial', '商业企业', 'count', 'Applications from commercial enterprises', { variants: ['企业'] }),
    col('legal_person.research', '科研机构', 'count', 'Applications from research institutions'),
    col('legal_person.public_interest', '社会公益组织', 'count', 'Applications from public-interest organisations', {
      variants: ['社会组织', '公益组织'],
    }),
    col('legal_person.legal_services', '法律服务机构', 'count', 'Applications from legal-service institutions', {
      variants: ['法律服务'],
    }),
    col('legal_person.other', '其他', 'count', 'Applications from other legal persons or organisations'),
    col('total', '总计', 'count', 'All applicants', { variants: ['合计'] }),
    col('legal_person.subtotal', '法人或其他组织', 'count', 'All legal persons and other organisations (never printed)', {
      derived: true,
    }),
  ],
};

/** Group and header labels of Table B that carry no numbers of their own. */
export const REQUESTS_GROUP_LABELS = {
  results: '三、本年度办理结果',
  note: '（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）',
  applicants: '申请人情况',
  legalPersons: '法人或其他组织',
} as const;

// ---------------------------------------------------------------------------------------------
// Table C — 四、政府信息公开行政复议、行政诉讼情况

const REVIEW_LITIGATION_ROWS: readonly RowDef[] = [
  row('review', '行政复议', ['行政复议']),
  row('litigation.direct', '未经复议直接起诉', ['未经复议']),
  row('litigation.after_review', '复议后起诉', ['复议后起诉']),
  row('litigation.all', '行政诉讼', [], {
    printedIn: [],
    derivedIn: BOTH,
    sumOf: ['litigation.direct', 'litigation.after_review'],
  }),
];

const REVIEW_LITIGATION_COLUMNS: readonly ColumnDef[] = [
  col('upheld', '结果维持', 'count', 'Cases where the decision was upheld'),
  col('corrected', '结果纠正', 'count', 'Cases where the decision was corrected'),
  col('other', '其他结果', 'count', 'Cases with another result'),
  col('pending', '尚未审结', 'count', 'Cases not yet concluded'),
  col('total', '总计', 'count', 'All cases', { variants: ['合计'] }),
];

/**
 * Table C: the flat data row maps to these (row, column) pairs in order (DOMAIN.md §2.3b): each printed row
 * (review, litigation.direct, litigation.after_review) with every outcome column.
 */
export const REVIEW_LITIGATION_ORDER: readonly FlatSlot[] = REVIEW_LITIGATION_ROWS.filter((r) => r.printedIn.length > 0).flatMap(
  (r) => REVIEW_LITIGATION_COLUMNS.map((c) => ({ rowKey: r.key, colKey: c.key })),
);

const REVIEW_LITIGATION: TableDef = {
  id: 'review_litigation',
  title: '四、政府信息公开行政复议、行政诉讼情况',
  titleDistinctive: ['行政复议、行政诉讼情况', '行政复议行政诉讼情况', '行政复议、行政诉讼'],
  rowLabelsPrinted: false,
  headerScope: 'table',
  flatRowOrder: REVIEW_LITIGATION_ORDER,
  blocks: [],
  rows: REVIEW_LITIGATION_ROWS,
  columns: REVIEW_LITIGATION_COLUMNS,
};

export const TABLES: Readonly<Record<TableId, TableDef>> = {
  active_disclosure: ACTIVE_DISCLOSURE,
  requests: REQUESTS,
  review_litigation: REVIEW_LITIGATION,
};

/**
 * Header words of each table that are neither a row label nor a column label (Table C's row groups head its
 * columns): a row made of these and column labels, with no numbers, is a header row.
 */
export const HEADER_LABELS: Readonly<Record<TableId, readonly string[]>> = {
  active_disclosure: ['信息内容'],
  requests: [REQUESTS_GROUP_LABELS.applicants, REQUESTS_GROUP_LABELS.note],
  review_litigation: REVIEW_LITIGATION_ROWS.map((r) => r.label),
};

/** Substrings that mark a header cell in any wording (the Table B note wraps and varies). */
export const HEADER_DISTINCTIVE: Readonly<Record<TableId, readonly string[]>> = {
  active_disclosure: [],
  requests: ['勾稽关系'],
  review_litigation: [],
};

/**
 * Words that label rows and columns of almost any table (budget 部门预算/决算 tables print 合计, 总计 and 其他 on
 * every page). Some are labels of Tables B and C too, so they still key cells there, but on their own they never
 * count as evidence that a standard table is present (table-evidence.ts). 企业 is a Table B column variant that
 * reads as a plain word just as well.
 */
export const GENERIC_LABELS: readonly string[] = ['其他', '其它', '合计', '总计', '小计', '企业'];

/**
 * Headings of pre-2019 reports (2008 条例, free-form statistics): a document with none of the standard tables
 * and one of these is in the 'legacy' layout (DOMAIN.md §0.3, §4.4).
 */
export const LEGACY_MARKERS: readonly string[] = ['依申请公开政府信息情况', '收费及减免', '咨询处理'];

/** Labels whose presence decides a table's edition (DOMAIN.md §4.4). Matched on normalized labels. */
export const EDITION_MARKERS: Readonly<Record<Edition, readonly string[]>> = {
  '2021': ['本年制发件数', '本年废止件数', '本年度止件数', '现行有效件数', '本年收费金额', '行政规范性文件', '逾期不补正', '缴纳费用'],
  '2019': ['本年新制作数量', '本年新公开数量', '对外公开总数量', '上一年项目数量', '本年增', '其他对外管理服务事项', '第二十条第(九)项', '采购总金额'],
};

// ---------------------------------------------------------------------------------------------
// Questions the code asks of the data

export type CellSpec = { readonly rowKey: string; readonly colKey: string; readonly derived: boolean };

export function rowDef(table: TableId, key: string): RowDef | undefined {
  return TABLES[table].rows.find((r) => r.key === key);
}

export function columnDef(table: TableId, key: string): ColumnDef | undefined {
  return TABLES[table].columns.find((c) => c.key === key);
}

/** The edition whose columns a layout uses ('mixed' reports print the 2021 columns). */
export function editionOf(layout: Layout): Edition {
  return layout === '2019' ? '2019' : '2021';
}

/** Every cell a table has in a layout, printed and derived, in a stable order (rows, then columns). */
export function layoutCells(table: TableId, layout: Layout): CellSpec[] {
  if (layout === 'absent' || layout === 'legacy') return [];
  const def = TABLES[table];
  const out: CellSpec[] = [];
  for (const r of def.rows) {
    const printed = r.printedIn.includes(layout);
    const derivedRow = r.derivedIn.includes(layout);
    if (!printed && !derivedRow) continue;
    for (const colKey of columnsOfRow(def, r, layout)) {
      const derivedCol = columnDef(table, colKey)?.derived === true;
      out.push({ rowKey: r.key, colKey, derived: derivedRow || derivedCol });
    }
  }
  return out;
}

function columnsOfRow(def: TableDef, r: RowDef, layout: Layout): readonly string[] {
  if (r.block === undefined) return def.columns.map((c) => c.key);
  const block = def.blocks.find((b) => b.key === r.block);
  return block?.columns[editionOf(layout)] ?? [];
}

/** Unit of a canonical cell: money in 万元, everything else a count (件). */
export function unitOf(table: TableId, colKey: string): Unit {
  return columnDef(table, colKey)?.kind === 'money' ? '万元' : '件';
}

/** Every column key of a table across layouts, in layout order (the columns of the wide CSVs). */
export function allColumnKeys(table: TableId): string[] {
  return TABLES[table].columns.map((c) => c.key);
}
