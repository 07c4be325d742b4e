/**
 * The content-stream operators the interpreter acts on (PDF 32000-1 Annex A), as small numbers:
 * one map lookup per operator, then a jump table, instead of a chain of string comparisons.
 * Each group occupies its own range, so the interpreter dispatches by range first.
 */
export const Op = Object.freeze({
  // graphics state, XObjects, marked content
  save: 0,
  restore: 1,
  concat: 2,
  paintXObject: 3,
  extGState: 4,
  markedContent: 5,
  // path construction
  moveTo: 10,
  lineTo: 11,
  curveTo: 12,
  curveFromCurrent: 13,
  curveToEnd: 14,
  rectangle: 15,
  closePath: 16,
  // path painting
  stroke: 20,
  closeStroke: 21,
  fill: 22,
  fillStroke: 23,
  closeFillStroke: 24,
  endPath: 25,
  // text objects, state and positioning
  beginText: 30,
  setFont: 31,
  charSpacing: 32,
  wordSpacing: 33,
  hScale: 34,
  leading: 35,
  rise: 36,
  moveLine: 37,
  moveLineSetLeading: 38,
  textMatrix: 39,
  nextLine: 40,
  // text showing
  show: 50,
  showArray: 51,
  nextLineShow: 52,
  nextLineSpacingShow: 53,
});

export type OpCode = (typeof Op)[keyof typeof Op];

/** First codes of the groups after the graphics-state one. */
export const PATH_OPS = Op.moveTo;
export const PAINT_OPS = Op.stroke;
export const TEXT_OPS = Op.beginText;
export const SHOW_OPS = Op.show;

/**
 * Operators by their keyword. Anything missing (colours, images, shadings, clipping W/W*, Tr,
 * d0/d1, compatibility sections) is ignored.
 */
export const OPERATORS: ReadonlyMap<string, OpCode> = new Map<string, OpCode>([
  ['q', Op.save],
  ['Q', Op.restore],
  ['cm', Op.concat],
  ['Do', Op.paintXObject],
  ['gs', Op.extGState],
  ['BMC', Op.markedContent],
  ['BDC', Op.markedContent],
  ['EMC', Op.markedContent],
  ['m', Op.moveTo],
  ['l', Op.lineTo],
  ['c', Op.curveTo],
  ['v', Op.curveFromCurrent],
  ['y', Op.curveToEnd],
  ['re', Op.rectangle],
  ['h', Op.closePath],
  ['S', Op.stroke],
  ['s', Op.closeStroke],
  ['f', Op.fill],
  ['F', Op.fill],
  ['f*', Op.fill],
  ['B', Op.fillStroke],
  ['B*', Op.fillStroke],
  ['b', Op.closeFillStroke],
  ['b*', Op.closeFillStroke],
  ['n', Op.endPath],
  ['BT', Op.beginText],
  ['Tf', Op.setFont],
  ['Tc', Op.charSpacing],
  ['Tw', Op.wordSpacing],
  ['Tz', Op.hScale],
  ['TL', Op.leading],
  ['Ts', Op.rise],
  ['Td', Op.moveLine],
  ['TD', Op.moveLineSetLeading],
  ['Tm', Op.textMatrix],
  ['T*', Op.nextLine],
  ['Tj', Op.show],
  ['TJ', Op.showArray],
  ["'", Op.nextLineShow],
  ['"', Op.nextLineSpacingShow],
]);
