/**
 * The Chinese wording the metadata, agency and narrative readers look for, as data: names' endings, title and
 * year phrases, and the sentences of 总体情况 that state a fee, a count of items or of applications.
 * Patterns run on cleaned paragraphs (NFKC: full-width digits and punctuation are ASCII).
 */
import { CHINESE_YEAR_DIGITS } from './dates.js';
import { sectionMarker } from '../normalize/enumerators.js';

function endingOf(words: readonly string[]): RegExp {
  return new RegExp(`(?:${words.join('|')})$`);
}

// ---------------------------------------------------------------------------------------------
// Names of bodies (agency.ts)

/** Endings of a township-level division's name. */
const TOWNSHIP_ENDINGS: readonly string[] = ['乡', '镇', '街道'];

/** Endings of a county-level or higher division's name (自治区 also ends in 区). */
const COUNTY_OR_ABOVE_ENDINGS: readonly string[] = ['县', '区', '市', '旗', '盟', '州', '省', '自治区'];

/** A government's own name endings (人民政府 and 政府 name one organ), longest first. */
const GOVERNMENTS: readonly string[] = ['人民政府', '政府', '办事处'];

/** Endings of an organ's name: governments, committees, bureaus, offices, centres, stations. */
const ORGAN_ENDINGS: readonly string[] = [...GOVERNMENTS, '委员会', '管委会', '办公室', '局', '委', '厅', '署', '院', '中心', '所', '站', '处'];

/** Endings of a body's name: organs, then divisions (a report may sign with the bare 乡 name). */
export const AGENCY_ENDING = endingOf([...ORGAN_ENDINGS, ...TOWNSHIP_ENDINGS, ...COUNTY_OR_ABOVE_ENDINGS]);

/** Government endings dropped to get the part that names the place (汉东回族乡人民政府 → 汉东回族乡). */
export const GOVERNMENT_ENDING = endingOf(['人民政府办公室', '人民政府', '政府办公室', '政府', '办事处']);

/** What may follow a place in the body and still be the body's name. */
export const GOVERNMENT_AFTER = new RegExp(`^(?:${GOVERNMENTS.join('|')})`);

/** A name that is only a place (汉东回族乡, 洪泽区): the body may add its government ending. */
export const BARE_PLACE = endingOf([...TOWNSHIP_ENDINGS, ...COUNTY_OR_ABOVE_ENDINGS]);

const COUNTY_OR_ABOVE_CHARS = COUNTY_OR_ABOVE_ENDINGS.filter((e) => e.length === 1).join('');

/** The organ after a name's last county-level or higher place: 财政局 in 平顶山市湛河区财政局 (group 1). */
export const ORGAN_AFTER_PLACES = new RegExp(`[${COUNTY_OR_ABOVE_CHARS}]([^${COUNTY_OR_ABOVE_CHARS}]*)$`);

/** 人民 before an organ: 人民政府 and 政府 are the same organ. */
export const PEOPLES_PREFIX = /^人民/;

/** The organ a name stands for when nothing follows its places: the government. */
export const GOVERNMENT_ORGAN = '政府';

/** Punctuation a body's name never carries. */
export const NAME_PUNCTUATION = /[。；;，,：:、《》“”"()（）!！?？]/;

/** The title's subject (group 1) ends where the year or 政府信息公开 begins. */
export const TITLE_SUBJECT = new RegExp(
  `^(.*?)\\s*(?:(?:\\d{4}|${CHINESE_YEAR_DIGITS})\\s*年度?\\s*)?(?:关于)?(?:政府信息公开|政务信息公开|政务公开|信息公开)`,
);

/** A line naming the publishing body after a label such as 单位名称： (the name is group 1). */
export const UNIT_LINE = /^(?:单位名称|发布单位|发布机关|报告单位|填报单位|机关名称)\s*[:：]\s*(\S.*)$/;

// ---------------------------------------------------------------------------------------------
// Title, year and publication date (metadata.ts)

/** What a title says: 报告 or 年报. */
export const TITLE_WORD = /报告|年报/;

/** What every annual-report title names; a title line without it is the end of a title cut by a line break. */
export const TITLE_SUBJECT_WORD = /信息公开|政务公开/;

/** The year in a title, in Arabic (group 1) or Chinese numerals (group 2). */
export const TITLE_YEAR = new RegExp(`(?<!\\d)(\\d{4})\\s*年|(${CHINESE_YEAR_DIGITS})\\s*年`);

/** "统计数据从2023年1月1日至12月31日", "截止至2023年12月31日": the reporting period names the year (group 1). */
export const PERIOD_YEAR: readonly RegExp[] = [
  /(?:从|自)\s*(\d{4})\s*年\s*1\s*月\s*1\s*日\s*(?:起\s*)?(?:至|到|—|-)/,
  /截(?:止|至)\s*(?:至|到)?\s*(\d{4})\s*年\s*12\s*月\s*31\s*日/,
];

/** Any year the body names (group 1); global, for matchAll. */
export const BODY_YEAR = /(?<!\d)(\d{4})\s*年/g;

/** The label of a publication date line (发布日期：2024年1月17日, as web pages print it). */
export const PUBLISHED_LINE = /(?:发布|印发|成文)(?:日期|时间)\s*[:：]?/;

// ---------------------------------------------------------------------------------------------
// Facts stated in the prose (narrative.ts)

/** Where a sentence ends. */
export const SENTENCE_END = /[。；;!?！？\n]/;

/** Titles of documents (《…处理费管理办法》) name rules, not facts: they are blanked before reading. */
export const BOOK_TITLE = /《[^》]*》/g;

/** The word every sentence about the 信息处理费 holds. */
export const FEE_WORD = '处理费';

/** The 信息处理费 collected: the amount (group 1) and its unit (group 2), after or before the word. */
export const FEE_AMOUNT: readonly RegExp[] = [
  /处理费用?[^，,。；\d]{0,15}?(\d+(?:\.\d+)?)\s*(万元|元)/,
  /(\d+(?:\.\d+)?)\s*(万元|元)[^，,。；\d]{0,8}?处理费/,
];

/** "未收取信息处理费" and the like: a printed statement that no fee was collected. */
export const FEE_NONE = /(?:未|没有|无|不|免)(?:收取|产生|发生|收|涉及)?[^，,。；\d]{0,12}?处理费/;

/** The number of items disclosed on the agency's own initiative (group 1). */
export const ACTIVE_COUNT: readonly RegExp[] = [
  /(?:共计?|总计|合计|累计)\s*(?:主动)?(?:公开)?(?:政府)?(?:信息)?\s*(\d+)\s*条/,
  /主动(?:公开|发布)[^，,。；\d]{0,12}?(\d+)\s*条/,
];

/** The topic of the items count: 主动公开. */
export const ACTIVE_TOPIC = /主动公开/;

/** The heading of section 二 ends 总体情况. */
export const SECTION_TWO_HEADING = sectionMarker(2);

/** The applications received (group 1). */
export const RECEIVED_COUNT: readonly RegExp[] = [
  /(?:收到|受理|新收|接收|接到)[^，,。；\d]{0,20}?申请[^，,。；\d]{0,12}?(\d+)\s*件/,
  /申请[^，,。；\d]{0,10}?(?:数量|数)\s*(?:为|是|共|达)\s*(\d+)\s*件/,
];

/** "未收到…申请": a printed statement that no application was received. */
export const RECEIVED_NONE = /(?:未|没有)(?:收到|受理|接到|接收)[^，,。；\d]{0,20}?申请/;
