import { describe, expect, it } from 'vitest';
import { GENERIC_LABELS } from '../../src/report/layouts.js';
import { isGenericLabel, LABEL_INDEX } from '../../src/report/label-index.js';
import { matchLabel, normalizeLabel } from '../../src/report/labels.js';
import { TABLE_IDS } from '../../src/report/report.js';

const evidence = (table: (typeof TABLE_IDS)[number], text: string) => matchLabel(text, LABEL_INDEX.evidence[table])?.target ?? null;

describe('generic labels and the evidence index', () => {
  it('isGenericLabel: generic words in any print form, never a specific label that contains one', () => {
    expect(['（七）总计', '合 计', '其他', '3.其它', '小计', '企业'].map(isGenericLabel)).toEqual([true, true, true, true, true, true]);
    expect(['其他结果', '办理结果合计', '商业企业', '其他处理', '上年结转资金'].map(isGenericLabel)).toEqual([false, false, false, false, false]);
  });

  it('holds no generic word as a name or a distinctive substring of any table', () => {
    const generic = new Set(GENERIC_LABELS.map(normalizeLabel));
    for (const t of TABLE_IDS) {
      for (const e of LABEL_INDEX.evidence[t]) {
        expect(e.names.filter((n) => generic.has(n)), `${t} ${e.target}`).toEqual([]);
        expect(e.distinctive.filter((d) => generic.has(normalizeLabel(d))), `${t} ${e.target}`).toEqual([]);
      }
      for (const word of GENERIC_LABELS) expect(evidence(t, word), `${t} ${word}`).toBeNull();
    }
  });

  it('names each specific label of a table by a key of its own', () => {
    expect(evidence('requests', '四、结转下年度继续办理')).toBe('row:carried_forward');
    expect(evidence('requests', '办理结果合计')).toBe('row:result.total');
    expect(evidence('requests', '法人或其他组织')).toBe('column:legal_person.subtotal');
    expect(evidence('requests', '申请人情况')).toBe('word:申请人情况');
    expect(evidence('active_disclosure', '第二十条第（八）项')).toBe('block:art20_8');
    expect(evidence('review_litigation', '复议后起诉')).toBe('group:litigation.after_review');
    expect(evidence('review_litigation', '其他结果')).toBe('column:other');
    // A label of another table is no evidence of this one.
    expect(evidence('requests', '结果维持')).toBeNull();
  });
});
