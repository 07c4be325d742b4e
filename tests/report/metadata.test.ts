import { readFileSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readMetadata } from '../../src/report/metadata.js';

const SEEDS = 'tests/fixtures/shared/seeds';

function seed(prefix: string): string[] {
  const file = readdirSync(SEEDS).find((f) => f.startsWith(prefix));
  if (file === undefined) throw new Error(`no seed ${prefix}`);
  return readFileSync(`${SEEDS}/${file}`, 'utf8').split('\n');
}

describe('readMetadata on the seeds', () => {
  it('000: title without year or full name; the signature gives both name and date', () => {
    const { meta, messages } = readMetadata(seed('000'));
    expect(meta).toEqual({
      agency: '西宁市湟中区汉东回族乡人民政府',
      township: '汉东回族乡',
      county: '湟中区',
      city: '西宁市',
      province: '青海省',
      divisionCode: '630106202',
      year: 2023,
      publishedOn: '2024-01-17',
      title: '汉东回族乡政府信息公开工作年度报告',
    });
    expect(messages).toEqual([]);
  });

  it('001: DOCX dump with a bookmark artefact and an indented signature', () => {
    const { meta, messages } = readMetadata(seed('001'));
    expect(meta).toEqual({
      agency: '乌苏市夹河子乡人民政府',
      township: '夹河子乡',
      county: '乌苏市',
      city: '塔城地区',
      province: '新疆维吾尔自治区',
      divisionCode: '654202201',
      year: 2023,
      publishedOn: '2024-01-16',
      title: '夹河子乡政府信息公开工作2023年度报告',
    });
    expect(messages).toEqual([]);
  });

  it('002: the agency is a heading above a title that starts with the year; no signature', () => {
    const { meta, messages } = readMetadata(seed('002'));
    expect(meta).toEqual({
      agency: '海原县李俊乡人民政府',
      township: '李俊乡',
      county: '海原县',
      city: '中卫市',
      province: '宁夏回族自治区',
      divisionCode: '640522211',
      year: 2023,
      publishedOn: null,
      title: '海原县李俊乡人民政府2023年政府信息公开工作年度报告',
    });
    expect(messages).toEqual([]);
  });

  it('003: 年报 title with only the township; resolved as the only 东方红乡, flagged unconfirmed', () => {
    const { meta, messages } = readMetadata(seed('003'));
    expect(meta).toMatchObject({
      agency: '东方红乡政府',
      township: '东方红乡',
      divisionCode: '230406202',
      year: 2019,
      publishedOn: null,
      title: '东方红乡2019年政府信息公开年报',
    });
    expect(messages.map((m) => m.code)).toEqual(['division_unconfirmed']);
  });

  it('004: the body gives the fuller name (平顶山市…) than the title', () => {
    const { meta, messages } = readMetadata(seed('004'));
    expect(meta).toEqual({
      agency: '平顶山市湛河区曹镇乡人民政府',
      township: '曹镇乡',
      county: '湛河区',
      city: '平顶山市',
      province: '河南省',
      divisionCode: '410411200',
      year: 2023,
      publishedOn: null,
      title: '湛河区曹镇乡人民政府2023年政府信息公开工作年度报告',
    });
    expect(messages).toEqual([]);
  });
});

describe('readMetadata on PDF lines', () => {
  it('洪泽区 2023: agency heading above the title, fuller name in the body, year from the title', () => {
    // First lines as pdf.js gives them for shared/corpus/KIROGOVCOMPARE__hzq2023_working.pdf.
    const { meta, messages } = readMetadata([
      '洪泽区人民政府',
      '2023 年政府信息公开工作年度报告',
      '本报告由淮安市洪泽区人民政府办公室根据 《中华人民共和',
      '要求编制此报告。报告中所列数据统计期限自 2023 年 1 月 1 日',
      '起至 2023 年 12 月 31 日止。如对本报告有疑问，请与淮安市洪',
      '一、总体情况',
      '2023 年， 洪泽区人民政府坚持以习近平新时代中国特色社会',
      '- 5 -',
    ]);
    expect(meta).toEqual({
      agency: '淮安市洪泽区人民政府',
      township: null,
      county: '洪泽区',
      city: '淮安市',
      province: '江苏省',
      divisionCode: '320813',
      year: 2023,
      publishedOn: null,
      title: '洪泽区人民政府2023年政府信息公开工作年度报告',
    });
    expect(messages).toEqual([]);
  });
});

describe('readMetadata: year and date', () => {
  it('takes the year from the title, not from the signature date of the next year', () => {
    const { meta } = readMetadata([
      '洪泽区人民政府办公室2023年度政府信息公开工作年度报告',
      '一、总体情况',
      '2024年，我办将继续推进政务公开。2024年重点做好以下工作。',
      '洪泽区人民政府办公室',
      '2024年1月20日',
    ]);
    expect(meta.year).toBe(2023);
    expect(meta.publishedOn).toBe('2024-01-20');
    expect(meta.divisionCode).toBe('320813');
  });

  it('takes the year from the reporting period when the title has none', () => {
    const { meta } = readMetadata([
      '淮安市人民政府政府信息公开工作年度报告',
      '本报告统计数据从2022年1月1日至12月31日止。',
      '二〇二三年一月三十日',
    ]);
    expect(meta.year).toBe(2022);
    expect(meta.publishedOn).toBe('2023-01-30');
    expect(meta).toMatchObject({ agency: '淮安市人民政府', divisionCode: '3208', city: '淮安市', county: null, township: null });
  });

  it('takes the year from the body, ignoring years at or after publication', () => {
    const { meta } = readMetadata([
      '某某乡政府信息公开工作年度报告',
      '2021年，我乡认真贯彻条例。全年2021年度预算已公开。',
      '2022年，我乡将进一步完善制度。',
      '某某乡人民政府 2022-01-15',
    ]);
    expect(meta.year).toBe(2021);
    expect(meta.publishedOn).toBe('2022-01-15');
    expect(meta.agency).toBe('某某乡人民政府');
  });

  it('reads a 发布日期 line when there is no signature', () => {
    const { meta } = readMetadata(['湛河区财政局2023年政府信息公开工作年度报告', '发布日期：2024/1/9', '一、总体情况']);
    expect(meta.publishedOn).toBe('2024-01-09');
    expect(meta).toMatchObject({ agency: '湛河区财政局', divisionCode: '410411', county: '湛河区' });
  });

  it('says so when year and agency are missing', () => {
    const { meta, messages } = readMetadata(['工作报告', '我们做了很多工作。']);
    expect(meta.agency).toBeNull();
    expect(meta.year).toBeNull();
    expect(messages.map((m) => m.code)).toEqual(['agency_missing', 'year_missing']);
  });

  it('uses a 单位名称 line', () => {
    const { meta } = readMetadata(['政府信息公开工作年度报告（2023年）', '单位名称：五河县城关镇人民政府']);
    expect(meta).toMatchObject({ agency: '五河县城关镇人民政府', county: '五河县', year: 2023 });
  });
});

describe('readMetadata: a title wrapped over two lines', () => {
  it('joins the start of a title cut mid-word (as pdftotext gives a LibreOffice PDF)', () => {
    const { meta } = readMetadata([
      '示例县示例镇人民政府 2023 年政府信息公开工',
      '作年度报告',
      '本报告根据《中华人民共和国政府信息公开条例》第五十条规定，由示例县示例镇人民政府编制。',
      '示例县示例镇人民政府',
      '2024 年 1 月 17 日',
    ]);
    expect(meta).toMatchObject({ title: '示例县示例镇人民政府2023年政府信息公开工作年度报告', agency: '示例县示例镇人民政府', year: 2023 });
  });

  it('leaves a complete title alone when a heading-like line above it is no part of it', () => {
    const { meta } = readMetadata(['附件1', '某某乡人民政府2023年政府信息公开工作年度报告', '一、总体情况']);
    expect(meta.title).toBe('某某乡人民政府2023年政府信息公开工作年度报告');
    const { meta: dated } = readMetadata(['洪政办发〔2024〕3号', '2023年政府信息公开工作年度报告', '一、总体情况']);
    expect(dated.title).toBe('2023年政府信息公开工作年度报告');
  });
});
