/**
 * Links a publishing body to its official division code: township (9 digits) for 乡/镇/街道 bodies, county (6)
 * for county governments and their departments, city (4), province (2). A name found many times (城关镇) is
 * narrowed by the places the agency name and the report's text mention; what stays ambiguous is left empty.
 */
import { compactText } from '../normalize/text.js';
import { message, type Message } from './flags.js';
import {
  countyCore,
  displayName,
  divisionIndex,
  lineageOf,
  townshipKey,
  type Division,
  type DivisionIndex,
  type DivisionLevel,
} from './division-data.js';

export type DivisionMatch = {
  /** The division code, or null when the name was not found or stayed ambiguous. */
  readonly code: string | null;
  readonly level: DivisionLevel | null;
  readonly province: string | null;
  readonly city: string | null;
  readonly county: string | null;
  readonly township: string | null;
  readonly messages: readonly Message[];
};

export type DivisionSettings = {
  /** Longest place or township name tried, in characters (the longest in the data is ~15). */
  readonly maxNameLength: number;
  /** How many candidate codes an ambiguity message lists before it says "…". */
  readonly listedCandidates: number;
};

export const DEFAULT_DIVISION_SETTINGS: DivisionSettings = Object.freeze({ maxNameLength: 20, listedCandidates: 5 });

/** A name is not taken as a place when the next character shows it is only part of a longer name (河北乡). */
const CONTINUES_NAME = /^[乡镇街区县市村路族]/;

type Segment = { readonly text: string; readonly candidates: readonly Division[] };

const NO_NAMES = { province: null, city: null, county: null, township: null } as const;
const NO_MATCH: DivisionMatch = { code: null, level: null, ...NO_NAMES, messages: [] };

/** Shortest name tried, in characters: no division name is a single character. */
const MIN_NAME_LENGTH = 2;

/**
 * The longest prefix of `text` (at most `maxLength` characters) that `lookup` knows as a name, skipping a
 * prefix the next character shows to be only part of a longer name.
 */
function longestPrefix(
  text: string,
  maxLength: number,
  lookup: (name: string) => readonly Division[] | undefined,
): Segment | null {
  for (let end = Math.min(text.length, maxLength); end >= MIN_NAME_LENGTH; end--) {
    if (CONTINUES_NAME.test(text.slice(end))) continue;
    const name = text.slice(0, end);
    const candidates = lookup(name);
    if (candidates !== undefined) return { text: name, candidates };
  }
  return null;
}

/** The longest place name (province, city, county; a county also by its core) that starts `text`. */
function placeAt(index: DivisionIndex, text: string, maxLength: number): Segment | null {
  return longestPrefix(text, maxLength, (name) => {
    const core = countyCore(name);
    return index.placeByName.get(name) ?? (core === null ? undefined : index.countyByCore.get(core));
  });
}

/** The longest township name (exact, else by kind and core: 汉东乡 → 汉东回族乡) that starts `text`. */
function townshipAt(index: DivisionIndex, text: string, maxLength: number): Segment | null {
  return longestPrefix(text, maxLength, (name) => {
    const key = townshipKey(name);
    return index.townshipByName.get(name) ?? (key === null ? undefined : index.townshipByKey.get(key));
  });
}

/**
 * Place names at the start of the agency name, then the rest. A leading non-place (中共, 国家税务总局) is skipped,
 * unless the name starts with a township name.
 */
function peelPlaces(index: DivisionIndex, name: string, maxLength: number): { places: Segment[]; rest: string } {
  let start = 0;
  if (placeAt(index, name, maxLength) === null && townshipAt(index, name, maxLength) === null) {
    while (start < name.length && placeAt(index, name.slice(start), maxLength) === null) start++;
    if (start === name.length) start = 0;
  }
  const places: Segment[] = [];
  let rest = name.slice(start);
  for (let place = placeAt(index, rest, maxLength); place !== null; place = placeAt(index, rest, maxLength)) {
    places.push(place);
    rest = rest.slice(place.text.length);
  }
  return { places, rest: places.length > 0 ? rest : name };
}

/** A government between the county and the township is skipped: 普陀区人民政府万里街道办事处 is the 街道. */
const LEADING_GOVERNMENT = /^(?:人民政府|政府)/;

function townshipAfterGovernment(index: DivisionIndex, rest: string, maxLength: number): Segment | null {
  const direct = townshipAt(index, rest, maxLength);
  if (direct !== null) return direct;
  const government = LEADING_GOVERNMENT.exec(rest)?.[0];
  return government === undefined ? null : townshipAt(index, rest.slice(government.length), maxLength);
}

function isInside(division: Division, scope: readonly Division[]): boolean {
  return scope.some((s) => division.code !== s.code && division.code.startsWith(s.code));
}

/** Each segment narrowed to the divisions inside the previous one; null when two segments contradict. */
function narrowChain(segments: readonly Segment[]): Segment[] | null {
  const out: Segment[] = [];
  for (const segment of segments) {
    const scope = out.at(-1)?.candidates;
    const inside = scope === undefined ? segment.candidates : segment.candidates.filter((d) => isInside(d, scope));
    if (inside.length === 0) return null;
    out.push({ text: segment.text, candidates: inside });
  }
  return out;
}

/** Narrows candidates by the county, then city, then province names the text mentions. */
function narrowByText(index: DivisionIndex, candidates: readonly Division[], text: string): readonly Division[] {
  let current = candidates;
  for (const level of ['county', 'city', 'province'] as const) {
    if (current.length <= 1) break;
    const named = current.filter((d) => {
      const above = lineageOf(index, d).find((a) => a.level === level && a.code !== d.code);
      const name = above === undefined ? null : displayName(index, above);
      return name !== null && text.includes(name);
    });
    if (named.length > 0) current = named;
  }
  return current;
}

/** Province/city/county/township names that every candidate shares (all of them when there is one). */
type Names = Pick<DivisionMatch, DivisionLevel>;

function sharedNames(index: DivisionIndex, candidates: readonly Division[]): Names {
  const names: Record<DivisionLevel, string | null> = { ...NO_NAMES };
  const lineages = candidates.map((d) => lineageOf(index, d));
  for (const level of ['province', 'city', 'county', 'township'] as const) {
    const codes = new Set(lineages.map((l) => l.find((d) => d.level === level)?.code));
    const first = lineages[0]?.find((d) => d.level === level);
    if (codes.size === 1 && first !== undefined) names[level] = displayName(index, first);
  }
  return names;
}

function describe(candidates: readonly Division[], listed: number): string {
  const codes = candidates.slice(0, listed).map((d) => d.code);
  return codes.join(', ') + (candidates.length > listed ? ', …' : '');
}

/** True when the township's county or city is named in the agency or the text, not only its own name. */
function isConfirmed(index: DivisionIndex, township: Division, places: readonly Segment[], text: string): boolean {
  if (places.length > 0) return true;
  return lineageOf(index, township).some((d) => {
    const name = d.level === 'county' || d.level === 'city' ? displayName(index, d) : null;
    return name !== null && text.includes(name);
  });
}

/**
 * The division of a publishing body (西宁市湟中区汉东回族乡人民政府 → 630106202). `fullText` is the report's text,
 * searched for county/city/province names when the agency name alone is ambiguous.
 */
export function resolveDivision(
  agency: string,
  fullText: string,
  settings: DivisionSettings = DEFAULT_DIVISION_SETTINGS,
): DivisionMatch {
  const name = compactText(agency);
  if (name === '') return NO_MATCH;
  const index = divisionIndex();
  const { places, rest } = peelPlaces(index, name, settings.maxNameLength);
  const chain = narrowChain(places);
  if (chain === null) {
    const named = places.map((p) => p.text).join(' / ');
    return notFound(`${agency}: the places it names (${named}) do not nest in the division data`);
  }
  const township = townshipAfterGovernment(index, rest, settings.maxNameLength);
  const scope = chain.at(-1);
  if (township === null) {
    if (scope === undefined) return notFound(`${agency}: no province, city, county or township name found`);
    return pick(index, scope, chain, fullText, settings);
  }
  const inScope = scope === undefined ? township.candidates : township.candidates.filter((d) => isInside(d, scope.candidates));
  if (inScope.length === 0) {
    const outside = notFound(`${township.text} is not a township of ${scope?.text ?? ''} in the division data`);
    return { ...outside, ...sharedNames(index, scope?.candidates ?? []), township: township.text };
  }
  return pick(index, { text: township.text, candidates: inScope }, chain, fullText, settings);
}

/** The one candidate left after narrowing by the text, or an ambiguity message. */
function pick(
  index: DivisionIndex,
  target: Segment,
  chain: readonly Segment[],
  fullText: string,
  settings: DivisionSettings,
): DivisionMatch {
  const text = compactText(fullText);
  const remaining = narrowByText(index, target.candidates, text);
  const [only] = remaining;
  if (remaining.length !== 1 || only === undefined) {
    const listed = describe(remaining, settings.listedCandidates);
    const note = `${target.text} matches ${remaining.length} divisions (${listed}); no place in the report tells them apart`;
    const township = remaining.every((d) => d.level === 'township') ? target.text : null;
    const messages = [message('division_ambiguous', note)];
    return { code: null, level: null, ...sharedNames(index, remaining), township, messages };
  }
  const unconfirmed = only.level === 'township' && !isConfirmed(index, only, chain, text);
  const note = `${only.name} → ${only.code}: the only township of that name; no county or city in the report confirms it`;
  const messages = unconfirmed ? [message('division_unconfirmed', note, undefined, 'info')] : [];
  return { code: only.code, level: only.level, ...sharedNames(index, [only]), messages };
}

function notFound(text: string): DivisionMatch {
  return { ...NO_MATCH, messages: [message('division_not_found', text)] };
}
