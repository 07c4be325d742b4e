/**
 * The path under construction (PDF 32000-1 §8.5.2), in user space, as the flat draw-code list
 * pdf.js ≥ 5.1 puts in its operator list (0 moveTo x y, 1 lineTo x y, 2 curveTo x1 y1 x2 y2 x y,
 * 4 closePath), so that rulings.ts's `decodeDrawPath` turns it into subpaths for both readers.
 */
const MOVE_TO = 0;
const LINE_TO = 1;
const CURVE_TO = 2;
const CLOSE_PATH = 4;

export class PathBuffer {
  readonly codes: number[] = [];
  private x = 0;
  private y = 0;

  get empty(): boolean {
    return this.codes.length === 0;
  }

  moveTo(x: number, y: number): void {
    this.codes.push(MOVE_TO, x, y);
    this.x = x;
    this.y = y;
  }

  lineTo(x: number, y: number): void {
    this.codes.push(LINE_TO, x, y);
    this.x = x;
    this.y = y;
  }

  /** `c`: both control points given. */
  curveTo(x1: number, y1: number, x2: number, y2: number, x: number, y: number): void {
    this.codes.push(CURVE_TO, x1, y1, x2, y2, x, y);
    this.x = x;
    this.y = y;
  }

  /** `v`: the first control point is the current point. */
  curveFromCurrent(x2: number, y2: number, x: number, y: number): void {
    this.curveTo(this.x, this.y, x2, y2, x, y);
  }

  /** `y`: the second control point is the end point. */
  curveToEnd(x1: number, y1: number, x: number, y: number): void {
    this.curveTo(x1, y1, x, y, x, y);
  }

  /** `re`: a closed four-point subpath; a zero width or height makes a closed line (as pdf.js does). */
  rectangle(x: number, y: number, width: number, height: number): void {
    const xw = x + width;
    const yh = y + height;
    this.moveTo(x, y);
    if (width === 0 || height === 0) {
      this.lineTo(xw, yh);
    } else {
      this.lineTo(xw, y);
      this.lineTo(xw, yh);
      this.lineTo(x, yh);
    }
    this.close();
    this.x = x;
    this.y = y;
  }

  close(): void {
    this.codes.push(CLOSE_PATH);
  }

  clear(): void {
    this.codes.length = 0;
  }
}
