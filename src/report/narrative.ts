/**
 * Facts stated in the report's prose: the 信息处理费 collected (元), the number of items disclosed on the
 * agency's own initiative (主动公开, in 总体情况), and the applications received. "未收取信息处理费" and
 * "未收到…申请" are printed statements of zero, so they read as 0; silence reads as null.
 */
import { cellLookup } from './cell-index.js';
import {
  ACTIVE_COUNT,
  ACTIVE_TOPIC,
  BOOK_TITLE,
  FEE_AMOUNT,
  FEE_NONE,
  FEE_WORD,
  RECEIVED_COUNT,
  RECEIVED_NONE,
  SECTION_TWO_HEADING,
  SENTENCE_END,
} from './metadata-patterns.js';
import { SUB_SECTION_MARKER } from '../normalize/enumerators.js';
import { joinWrappedLines } from './paragraphs.js';
import type { CheckResult, KeyedCell } from './report.js';

export type NarrativeFact = {
  readonly value: number;
  readonly unit: '元' | '条' | '件';
  /** The sentence the value was read from. */
  readonly text: string;
};

export type NarrativeFacts = {
  readonly infoProcessingFee: NarrativeFact | null;
  readonly activeDisclosed: NarrativeFact | null;
  readonly requestsReceived: NarrativeFact | null;
};

/** 元 per 万元, for a fee printed in 万元. */
const YUAN_PER_WAN = 10_000;
/** A fee in 元 keeps 2 decimals (fen), so 0.07万元 is 700, not 700.0000000000001. */
const FEE_DECIMALS = 2;

function toCents(yuan: number): number {
  const scale = 10 ** FEE_DECIMALS;
  return Math.round(yuan * scale) / scale;
}

/** Prose paragraphs, cleaned and with layout line breaks undone; table rows (tab-separated cells) are left out. */
function proseOf(paragraphs: readonly string[]): string[] {
  return joinWrappedLines(paragraphs.filter((p) => !p.includes('\t')));
}

function sentencesOf(paragraph: string): string[] {
  return paragraph.split(SENTENCE_END).filter((s) => s.trim() !== '');
}

function firstNumber(sentence: string, patterns: readonly RegExp[]): RegExpExecArray | null {
  const text = sentence.replace(BOOK_TITLE, '《》');
  for (const pattern of patterns) {
    const m = pattern.exec(text);
    if (m !== null) return m;
  }
  return null;
}

function feeIn(sentence: string): number | null {
  const text = sentence.replace(BOOK_TITLE, '《》');
  if (!text.includes(FEE_WORD)) return null;
  const amount = firstNumber(text, FEE_AMOUNT);
  if (amount !== null) return toCents(Number(amount[1]) * (amount[2] === '万元' ? YUAN_PER_WAN : 1));
  return FEE_NONE.test(text) ? 0 : null;
}

function receivedIn(sentence: string): number | null {
  const count = firstNumber(sentence, RECEIVED_COUNT);
  if (count !== null) return Number(count[1]);
  return RECEIVED_NONE.test(sentence.replace(BOOK_TITLE, '《》')) ? 0 : null;
}

/** The first sentence for which `read` gives a value. */
function firstFact(
  sentences: readonly string[],
  unit: NarrativeFact['unit'],
  read: (s: string) => number | null,
): NarrativeFact | null {
  for (const text of sentences) {
    const value = read(text);
    if (value !== null) return { value, unit, text: text.trim() };
  }
  return null;
}

/** Sentences of 总体情况 about 主动公开: they say 主动公开 or sit under a 主动公开 sub-heading. */
function activeSentences(prose: readonly string[]): string[] {
  const end = prose.findIndex((p, i) => i > 0 && SECTION_TWO_HEADING.test(p));
  const overview = end < 0 ? prose : prose.slice(0, end);
  const out: string[] = [];
  let underTopic = false;
  for (const p of overview) {
    if (SUB_SECTION_MARKER.test(p)) underTopic = ACTIVE_TOPIC.test(p.slice(0, p.search(/[:：。]|$/)));
    for (const s of sentencesOf(p)) if (underTopic || ACTIVE_TOPIC.test(s)) out.push(s);
  }
  return out;
}

export function readNarrativeFacts(paragraphs: readonly string[]): NarrativeFacts {
  const prose = proseOf(paragraphs);
  const sentences = prose.flatMap(sentencesOf);
  const active = firstFact(activeSentences(prose), '条', (s) => {
    const m = firstNumber(s, ACTIVE_COUNT);
    return m === null ? null : Number(m[1]);
  });
  return {
    infoProcessingFee: firstFact(sentences, '元', feeIn),
    activeDisclosed: active,
    requestsReceived: firstFact(sentences, '件', receivedIn),
  };
}

/** S5: the applications the prose says were received equal B[new_received,total]. */
export function narrativeChecks(facts: NarrativeFacts, cells: readonly KeyedCell[]): CheckResult[] {
  const expected = facts.requestsReceived?.value ?? null;
  const actual = cellLookup(cells)('requests', 'new_received', 'total');
  const evaluable = expected !== null && actual !== null;
  const fact = facts.requestsReceived;
  const source = fact === null ? 'no count of received applications in the text' : `text: ${fact.text}`;
  return [
    {
      checkId: 'S5',
      table: 'requests',
      subject: 'row=new_received,col=total',
      expected,
      actual,
      status: !evaluable ? 'not_evaluable' : expected === actual ? 'pass' : 'fail',
      note: `received in text = B[new_received,total]; ${actual === null ? 'table cell blank or missing; ' : ''}${source}`,
    },
  ];
}
