import { describe, expect, it } from 'vitest';
import { closeOpenEnds, filterEdges, joinEdges, rulingsToEdges, snapEdges, unionBoxes, type Edge } from '../../src/tables/geometry.js';
import { clusterBy, clusterValues, nearestIndex } from '../../src/tables/cluster.js';

const hEdge = (pos: number, start: number, end: number): Edge => ({ orientation: 'h', pos, start, end });
const vEdge = (pos: number, start: number, end: number): Edge => ({ orientation: 'v', pos, start, end });

describe('edges', () => {
  it('turns rulings into horizontal and vertical edges', () => {
    expect(rulingsToEdges([{ x0: 10, y0: 5, x1: 0, y1: 5 }, { x0: 3, y0: 9, x1: 3, y1: 1 }])).toEqual([hEdge(5, 0, 10), vEdge(3, 1, 9)]);
  });

  it('snaps nearby positions per axis onto their mean', () => {
    const snapped = snapEdges([hEdge(10, 0, 5), hEdge(12, 6, 9), hEdge(20, 0, 5), vEdge(0, 0, 1), vEdge(1, 0, 1)], 3, 3);
    expect(snapped.map((e) => e.pos)).toEqual([11, 11, 20, 0.5, 0.5]);
  });

  it('joins collinear pieces across small gaps only', () => {
    const joined = joinEdges([hEdge(5, 0, 10), hEdge(5, 12, 20), hEdge(5, 30, 40), vEdge(1, 0, 4)], 3, 3);
    expect(joined).toEqual([hEdge(5, 0, 20), hEdge(5, 30, 40), vEdge(1, 0, 4)]);
    expect(filterEdges(joined, 10)).toEqual([hEdge(5, 0, 20), hEdge(5, 30, 40)]);
  });

  it('closes where three or more vertical edges end together', () => {
    const verticals = [vEdge(0, 10, 100), vEdge(50, 10, 100.5), vEdge(90, 40, 99.5)];
    const added = closeOpenEnds(verticals, 2, 3).slice(3);
    expect(added).toEqual([hEdge(100, 0, 90)]);
    expect(closeOpenEnds(verticals.slice(0, 2), 2, 3)).toHaveLength(2);
  });
});

describe('clusters and boxes', () => {
  it('clusters by chaining within the tolerance', () => {
    expect(clusterValues([5, 1, 2, 9, 10.5], 1.5)).toEqual([1.5, 5, 9.75]);
    expect(clusterBy(['a', 'bbb', 'cc'], (s) => s.length, 0)).toEqual([['a'], ['cc'], ['bbb']]);
    expect(nearestIndex([0, 10, 20], 14)).toBe(1);
    expect(nearestIndex([0, 10, 20], 16)).toBe(2);
  });

  it('unions boxes', () => {
    expect(unionBoxes([{ x0: 1, y0: 2, x1: 3, y1: 4 }, { x0: 0, y0: 3, x1: 2, y1: 9 }])).toEqual({ x0: 0, y0: 2, x1: 3, y1: 9 });
    expect(unionBoxes([])).toBeNull();
  });
});
