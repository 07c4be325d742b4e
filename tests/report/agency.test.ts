import { describe, expect, it } from 'vitest';
import { isAgencyShaped, organPartOf, placePartOf } from '../../src/report/agency.js';

describe('parts of a body name', () => {
  it('gives the place part: the name without its government ending', () => {
    expect(placePartOf('汉东回族乡人民政府')).toBe('汉东回族乡');
    expect(placePartOf('洪泽区人民政府办公室')).toBe('洪泽区');
    expect(placePartOf('万里街道办事处')).toBe('万里街道');
    expect(placePartOf('平顶山市湛河区财政局')).toBe('平顶山市湛河区财政局');
  });

  it('gives the organ part: what follows the county-level places, a government being 政府', () => {
    expect(organPartOf('平顶山市湛河区财政局')).toBe('财政局');
    expect(organPartOf('海原县财政局')).toBe(organPartOf('中卫市海原县财政局'));
    expect(organPartOf('洪泽区人民政府')).toBe('政府');
    expect(organPartOf('洪泽区政府')).toBe('政府');
    expect(organPartOf('洪泽区人民政府办公室')).toBe('政府办公室');
    expect(organPartOf('洪泽区')).toBe('政府');
    // A township is no county-level place: its name stays in the organ, apart from the county's government.
    expect(organPartOf('海原县李俊乡人民政府')).toBe('李俊乡人民政府');
  });

  it('accepts names ending like an organ or a division, without punctuation or digits', () => {
    expect(isAgencyShaped('西宁市湟中区汉东回族乡人民政府')).toBe(true);
    expect(isAgencyShaped('汉东回族乡')).toBe(true);
    expect(isAgencyShaped('2023年政府信息公开工作年度报告')).toBe(false);
    expect(isAgencyShaped('本机关，人民政府')).toBe(false);
  });
});
