/**
 * Writes small PDFs byte by byte for tests of damaged structure (wrong startxref, shifted offsets,
 * missing tables). Objects are raw PDF syntax; `stream(...)` makes a stream object with its /Length.
 */

export type BuildOptions = {
  /** Added to every offset written in the xref table (a table a few bytes off). */
  readonly offsetShift?: number;
  /** The startxref value to write instead of the right one. */
  readonly startxref?: number;
  /** The first object number of the table's subsection, written instead of 0 (a producer bug). */
  readonly firstNum?: number;
  /** Writes no xref table, trailer or startxref at all. */
  readonly noXref?: boolean;
  /** Trailer keys. */
  readonly trailer?: string;
};

export function stream(dict: string, content: string, length = Buffer.byteLength(content, 'latin1')): string {
  return `<< ${dict} /Length ${length} >>\nstream\n${content}\nendstream`;
}

/** Objects numbered from 1; the result as bytes. */
export function buildPdf(objects: readonly string[], options: BuildOptions = {}): Uint8Array {
  let body = '%PDF-1.4\n%\xE2\xE3\xCF\xD3\n';
  const offsets: number[] = [];
  objects.forEach((obj, i) => {
    offsets.push(Buffer.byteLength(body, 'latin1'));
    body += `${i + 1} 0 obj\n${obj}\nendobj\n`;
  });
  if (!options.noXref) {
    const xref = Buffer.byteLength(body, 'latin1');
    body += `xref\n${options.firstNum ?? 0} ${objects.length + 1}\n0000000000 65535 f \n`;
    for (const off of offsets) body += `${String(off + (options.offsetShift ?? 0)).padStart(10, '0')} 00000 n \n`;
    body += `trailer\n<< /Size ${objects.length + 1} ${options.trailer ?? '/Root 1 0 R'} >>\nstartxref\n${options.startxref ?? xref}\n%%EOF\n`;
  }
  return new Uint8Array(Buffer.from(body, 'latin1'));
}

/** A catalog, a one-page tree and a page with the given extra page keys and content. */
export function onePage(pageKeys: string, content: string): string[] {
  return [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    `<< /Type /Page /Parent 2 0 R ${pageKeys} /Contents 4 0 R >>`,
    stream('', content),
  ];
}
