/**
 * Budget PDFs of the corpus through the whole tables stage (pdf.js → lattice → stitching → header flattening).
 * Every expectation was written by hand from the rendered pages (pdftoppm) and `pdftotext -layout`.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { extractPdf } from '../../src/extract/pdf.js';
import { buildTables } from '../../src/tables/index.js';
import { genericTables } from '../../src/tables/header.js';
import type { GenericTable } from '../../src/report/report.js';
import { REVIEW_LITIGATION_HEADER } from './generic-expected.js';

const CORPUS = 'tests/fixtures/shared/corpus/';

async function tablesOf(file: string): Promise<GenericTable[]> {
  return genericTables(buildTables(await extractPdf(new Uint8Array(readFileSync(CORPUS + file)))));
}

/** The table that starts on `page`. */
function startingOn(tables: readonly GenericTable[], page: number): GenericTable {
  const found = tables.find((t) => t.pages[0] === page);
  if (!found) throw new Error(`no table starts on page ${page}`);
  return found;
}

/** Rows written one per line, cells separated by '|'. */
function rows(text: string): string[][] {
  return text
    .trim()
    .split('\n')
    .map((line) => line.trim().split('|'));
}

const blankRows = (count: number, cols: number): string[][] => Array.from({ length: count }, () => Array<string>(cols).fill(''));

describe('部门决算模板.pdf (official 决算 sample, empty value cells)', () => {
  let tables: GenericTable[] = [];
  beforeAll(async () => {
    tables = await tablesOf('GovBudgetChecker__部门决算模板.pdf');
  });

  it('p5 收入支出决算总表: two header levels over income and expenditure', () => {
    const t = startingOn(tables, 5);
    expect(t.pages).toEqual([5]);
    expect(t.header).toEqual(['收入/项目', '收入/决算数', '支出/项目', '支出/决算数']);
    const income = ['一、一般公共预算财政拨款收入', '二、政府性基金预算财政拨款收入', '三、国有资本经营预算财政拨款收入', '四、上级补助收入', '五、事业收入', '六、经营收入', '七、附属单位上缴收入', '八、其他收入'];
    const spending = [
      '一、一般公共服务支出', '二、外交支出', '三、国防支出', '四、公共安全支出', '五、教育支出', '六、科学技术支出',
      '七、文化旅游体育与传媒支出', '八、社会保障和就业支出', '九、卫生健康支出', '十、节能环保支出', '十一、城乡社区支出',
      '十二、农林水支出', '十三、交通运输支出', '十四、资源勘探工业信息等支出', '十五、商业服务业等支出', '十六、金融支出',
      '十七、援助其他地区支出', '十八、自然资源海洋气象等支出', '十九、住房保障支出', '二十、粮油物资储备支出',
      '二十一、国有资本经营预算支出', '二十二、灾害防治及应急管理支出', '二十三、其他支出', '二十四、抗疫特别国债安排的支出',
    ];
    expect(t.rows).toEqual([
      ...spending.map((s, i) => [income[i] ?? '', '', s, '']),
      ...rows(`
        本年收入合计||本年支出合计|
        使用非财政拨款结余||结余分配|
        年初结转和结余||年末结转和结余|
        总计||总计|`),
    ]);
  });

  it('p6 收入决算表: 项目 over code and name, body labels only', () => {
    const t = startingOn(tables, 6);
    expect(t.header).toEqual(['项目/功能分类科目编码', '项目/科目名称', '本年收入合计', '财政拨款收入', '上级补助收入', '事业收入', '经营收入', '附属单位上缴收入', '其他收入']);
    const blanks = '|||||||';
    expect(t.rows).toEqual(
      rows(`
        合计|${blanks}
        205|教育支出${blanks}
        20502|普通教育${blanks}
        2050205|高等教育${blanks}
        …|…${blanks}
        207|文化旅游体育与传媒支出${blanks}
        20799|其他文化旅游体育与传媒支出${blanks}
        ………|…${blanks}`),
    );
  });

  it('p12 三公 table: the whole-width title is a caption, three header levels below it', () => {
    const t = startingOn(tables, 12);
    const money = ['预算数', '决算数'];
    const groups = ['合计', '因公出国（境）费', '公务用车购置及运行维护费/小计', '公务用车购置及运行维护费/公务用车购置费', '公务用车购置及运行维护费/公务用车运行维护费', '公务接待费'];
    expect(t.header).toEqual(groups.flatMap((g) => money.map((m) => `${g}/${m}`)));
    expect(t.rows).toEqual(blankRows(1, 12));
  });
});

describe('上海市财政局25年预算.pdf (Excel 2007 export)', () => {
  let tables: GenericTable[] = [];
  beforeAll(async () => {
    tables = await tablesOf('tianbaoxitong__上海市财政局25年预算.pdf');
  });

  it('p7 财务收支预算总表: four header levels on the expenditure side', () => {
    const t = startingOn(tables, 7);
    expect(t.header).toEqual([
      '本年收入/项目', '本年收入/预算数', '本年支出/项目', '本年支出/预算数/合计',
      '本年支出/预算数/基本支出/人员经费', '本年支出/预算数/基本支出/公用经费', '本年支出/预算数/项目支出',
    ]);
    expect(t.rows).toEqual([
      ...rows(`
        一、财政拨款收入|171,915,169|一、一般公共服务支出|127,886,849|60,330,260|24,531,459|43,025,130
        1、一般公共预算资金|171,915,169|二、社会保障和就业支出|17,560,320|15,714,000|646,320|1,200,000
        2、政府性基金||三、卫生健康支出|4,668,000|4,620,000||48,000
        3、国有资本经营预算||四、住房保障支出|21,800,000|21,800,000||
        二、事业收入||||||
        三、事业单位经营收入||||||
        四、其他收入||||||`),
      ...blankRows(4, 7),
      ...rows('收入总计|171,915,169|支出总计|171,915,169|102,464,260|25,177,779|44,273,130'),
    ]);
  });

  it('pp8–9 收入预算总表: stitched, the repeated header on page 9 dropped', () => {
    const t = startingOn(tables, 8);
    expect(t.pages).toEqual([8, 9]);
    expect(t.header).toEqual([
      '项目/功能分类科目编码/类', '项目/功能分类科目编码/款', '项目/功能分类科目编码/项', '项目/功能分类科目名称',
      '收入预算/合计', '收入预算/财政拨款收入', '收入预算/事业收入', '收入预算/事业单位经营收入', '收入预算/其他收入',
    ]);
    expect(t.rows).toEqual(
      rows(`
        201|||一般公共服务支出|127,886,849|127,886,849|||
        201|06||财政事务|127,886,849|127,886,849|||
        201|06|01|行政运行|84,861,719|84,861,719|||
        201|06|02|一般行政管理事务|28,544,130|28,544,130|||
        201|06|04|预算改革业务|370,000|370,000|||
        201|06|05|财政国库业务|14,111,000|14,111,000|||
        208|||社会保障和就业支出|17,560,320|17,560,320|||
        208|05||行政事业单位养老支出|16,360,320|16,360,320|||
        208|05|01|行政单位离退休|4,109,920|4,109,920|||
        208|05|05|机关事业单位基本养老保险缴费支出|8,000,000|8,000,000|||
        208|05|06|机关事业单位职业年金缴费支出|4,200,000|4,200,000|||
        208|05|99|其他行政事业单位养老支出|50,400|50,400|||
        208|08||抚恤|1,200,000|1,200,000|||
        208|08|01|死亡抚恤|1,200,000|1,200,000|||
        210|||卫生健康支出|4,668,000|4,668,000|||
        210|11||行政事业单位医疗|4,620,000|4,620,000|||
        210|11|01|行政单位医疗|4,620,000|4,620,000|||
        210|99||其他卫生健康支出|48,000|48,000|||
        210|99|99|其他卫生健康支出|48,000|48,000|||
        221|||住房保障支出|21,800,000|21,800,000|||
        221|02||住房改革支出|21,800,000|21,800,000|||
        221|02|01|住房公积金|10,000,000|10,000,000|||
        221|02|03|购房补贴|11,800,000|11,800,000|||
        合计||||171,915,169|171,915,169|||`),
    );
  });

  it('p20 三公 and 机关运行经费 table', () => {
    const t = startingOn(tables, 20);
    expect(t.header).toEqual([
      '“三公”经费预算数/合计', '“三公”经费预算数/因公出国(境)费', '“三公”经费预算数/公务接待费',
      '“三公”经费预算数/公务用车购置及运行费/小计', '“三公”经费预算数/公务用车购置及运行费/购置费',
      '“三公”经费预算数/公务用车购置及运行费/运行费', '机关运行经费预算数',
    ]);
    expect(t.rows).toEqual(rows('346.30|288.70|25.40|32.20||32.20|2,517.78'));
  });
});

describe('区政府办公室25年预算.pdf (WPS表格 export)', () => {
  let tables: GenericTable[] = [];
  beforeAll(async () => {
    tables = await tablesOf('GovBudgetChecker__区政府办公室25年预算.pdf');
  });

  it('p8 财务收支预算总表', () => {
    const t = startingOn(tables, 8);
    expect(t.header).toEqual(['本年收入/项目', '本年收入/预算数', '本年支出/项目', '本年支出/预算数']);
    expect(t.rows).toEqual([
      ...rows(`
        一、财政拨款收入|91,016,775.35|一、一般公共服务支出|82,096,797.42
        1.一般公共预算资金|91,016,775.35|二、社会保障和就业支出|4,213,779.28
        2.政府性基金||三、卫生健康支出|1,097,073.43
        3.国有资本经营预算||四、住房保障支出|3,609,125.22
        二、事业收入|||
        三、事业单位经营收入|||
        四、其他收入|||`),
      ...blankRows(6, 4),
      ...rows('收入总计|91,016,775.35|支出总计|91,016,775.35'),
    ]);
  });

  it('pp18–19 基本支出经济分类预算表: stitched across a page without a repeated header', () => {
    const t = startingOn(tables, 18);
    expect(t.pages).toEqual([18, 19]);
    expect(t.header).toEqual([
      '项目/部门预算经济分类科目编码/类', '项目/部门预算经济分类科目编码/款', '项目/经济分类科目名称',
      '一般公共预算基本支出/合计', '一般公共预算基本支出/人员经费', '一般公共预算基本支出/公用经费',
    ]);
    expect(t.rows).toEqual(
      rows(`
        301||工资福利支出|21,170,337.81|21,170,337.81|
        301|01|基本工资|2,540,192.00|2,540,192.00|
        301|02|津贴补贴|9,572,367.00|9,572,367.00|
        301|07|绩效工资|2,335,998.00|2,335,998.00|
        301|08|机关事业单位基本养老保险缴费|1,763,159.52|1,763,159.52|
        301|09|职业年金缴费|881,579.76|881,579.76|
        301|10|职工基本医疗保险缴费|1,097,073.43|1,097,073.43|
        301|12|其他社会保障缴费|45,013.88|45,013.88|
        301|13|住房公积金|1,741,445.22|1,741,445.22|
        301|99|其他工资福利支出|1,193,509.00|1,193,509.00|
        302||商品和服务支出|1,932,777.54||1,932,777.54
        302|01|办公费|259,400.00||259,400.00
        302|02|印刷费|20,000.00||20,000.00
        302|04|手续费|2,000.00||2,000.00
        302|07|邮电费|30,000.00||30,000.00
        302|11|差旅费|50,000.00||50,000.00
        302|15|会议费|10,000.00||10,000.00
        302|16|培训费|30,000.00||30,000.00
        302|17|公务接待费|185,000.00||185,000.00
        302|26|劳务费|30,000.00||30,000.00
        302|28|工会经费|248,117.54||248,117.54
        302|29|福利费|483,840.00||483,840.00
        302|39|其他交通费用|379,600.00||379,600.00
        302|99|其他商品和服务支出|204,820.00||204,820.00
        303||对个人和家庭的补助|1,303,660.00|1,303,660.00|
        303|01|离休费|114,940.00|114,940.00|
        303|02|退休费|1,188,720.00|1,188,720.00|
        310||资本性支出|200,000.00||200,000.00
        310|02|办公设备购置|200,000.00||200,000.00
        合计|||24,606,775.35|22,473,997.81|2,132,777.54`),
    );
  });

  it('p20 三公 table with blank car-cost cells', () => {
    const t = startingOn(tables, 20);
    expect(t.header[3]).toBe('“三公”经费预算数/公务用车购置及运行费/小计');
    expect(t.rows).toEqual(rows('867.50|839.00|28.50||||213.28'));
  });
});

describe('洪泽区 2024 report (WPS PDF): Table C with a parent cell cut by a stray ruling', () => {
  it('names the 15 columns as the official layout does', async () => {
    const tables = await tablesOf('KIROGOVCOMPARE__hzq2024_working.pdf');
    const c = tables.find((t) => t.header.length === 15);
    expect(c?.header).toEqual(REVIEW_LITIGATION_HEADER);
    expect(c?.rows).toEqual(rows('1|1|0|0|2|1|0|0|0|1|2|0|1|0|3'));
  });
});
