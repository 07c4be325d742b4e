/**
 * Hand-written expectations shared by the generic-table tests: the flattened names of the standard tables,
 * written from DOMAIN.md §1 (the official layouts), not from any output of the code.
 */

export const REQUESTS_NOTE = '（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）';

/**
 * The names of the `count` columns one header cell spans, by the documented naming rule (src/tables/header.ts,
 * rules 2 and 4): every spanned column carries the label, and in column order the first keeps it while the
 * later ones get " (2)", " (3)"…
 */
export function spannedNames(label: string, count: number): string[] {
  return Array.from({ length: count }, (_, i) => (i === 0 ? label : `${label} (${i + 1})`));
}

/** Table B: the note cell spans the three stub columns (rule 2, then 4), then the seven applicant columns. */
export const REQUESTS_HEADER = [
  ...spannedNames(REQUESTS_NOTE, 3),
  '申请人情况/自然人',
  '申请人情况/法人或其他组织/商业企业',
  '申请人情况/法人或其他组织/科研机构',
  '申请人情况/法人或其他组织/社会公益组织',
  '申请人情况/法人或其他组织/法律服务机构',
  '申请人情况/法人或其他组织/其他',
  '申请人情况/总计',
];

const RESULTS = ['结果维持', '结果纠正', '其他结果', '尚未审结', '总计'];

/** Table C: 行政复议 × 5, then 行政诉讼 / (未经复议直接起诉 | 复议后起诉) × 5. */
export const REVIEW_LITIGATION_HEADER = [
  ...RESULTS.map((r) => `行政复议/${r}`),
  ...RESULTS.map((r) => `行政诉讼/未经复议直接起诉/${r}`),
  ...RESULTS.map((r) => `行政诉讼/复议后起诉/${r}`),
];

/** Table A (2021): the first block's header row names the four columns. */
export const ACTIVE_DISCLOSURE_HEADER = ['信息内容', '本年制发件数', '本年废止件数', '现行有效件数'];

/** Table B's row stub (2021 layout) as the three stub columns print it: anchor text, '' where a span covers. */
export const REQUESTS_STUB_2021: readonly (readonly [string, string, string])[] = [
  ['一、本年新收政府信息公开申请数量', '', ''],
  ['二、上年结转政府信息公开申请数量', '', ''],
  ['三、本年度办理结果', '（一）予以公开', ''],
  ['', '（二）部分公开（区分处理的，只计这一情形，不计其他情形）', ''],
  ['', '（三）不予公开', '1.属于国家秘密'],
  ['', '', '2.其他法律行政法规禁止公开'],
  ['', '', '3.危及“三安全一稳定”'],
  ['', '', '4.保护第三方合法权益'],
  ['', '', '5.属于三类内部事务信息'],
  ['', '', '6.属于四类过程性信息'],
  ['', '', '7.属于行政执法案卷'],
  ['', '', '8.属于行政查询事项'],
  ['', '（四）无法提供', '1.本机关不掌握相关政府信息'],
  ['', '', '2.没有现成信息需要另行制作'],
  ['', '', '3.补正后申请内容仍不明确'],
  ['', '（五）不予处理', '1.信访举报投诉类申请'],
  ['', '', '2.重复申请'],
  ['', '', '3.要求提供公开出版物'],
  ['', '', '4.无正当理由大量反复申请'],
  ['', '', '5.要求行政机关确认或重新出具已获取信息'],
  ['', '（六）其他处理', '1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请'],
  ['', '', '2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请'],
  ['', '', '3.其他'],
  ['', '（七）总计', ''],
  ['四、结转下年度继续办理', '', ''],
];

/** Table A (2021) body below its first header row, with `values` giving each data row's printed numbers. */
export function activeDisclosureBody(values: {
  regulations: readonly [string, string, string];
  normative: readonly [string, string, string];
  licensing: string;
  penalty: string;
  enforcement: string;
  fees: string;
}): string[][] {
  return [
    ['规章', ...values.regulations],
    ['行政规范性文件', ...values.normative],
    ['第二十条第（五）项', '', '', ''],
    ['信息内容', '本年处理决定数量', '', ''],
    ['行政许可', values.licensing, '', ''],
    ['第二十条第（六）项', '', '', ''],
    ['信息内容', '本年处理决定数量', '', ''],
    ['行政处罚', values.penalty, '', ''],
    ['行政强制', values.enforcement, '', ''],
    ['第二十条第（八）项', '', '', ''],
    ['信息内容', '本年收费金额（单位：万元）', '', ''],
    ['行政事业性收费', values.fees, '', ''],
  ];
}
