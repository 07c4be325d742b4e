/**
 * HTML text helpers and the page shell of the review pages. Every text that came from a document passes
 * through `escapeHtml`; pages load nothing from outside (a Content-Security-Policy forbids it), so they
 * work from the file system with no network.
 */

const ESCAPES: Readonly<Record<string, string>> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (ch) => ESCAPES[ch] ?? ch);
}

export type AttrValue = string | number | boolean | null | undefined;

/** ` name="value"` pairs; false, null and undefined leave the attribute out, true writes it bare. */
export function attrs(values: Readonly<Record<string, AttrValue>>): string {
  return Object.entries(values)
    .map(([name, v]) => {
      if (v === false || v === null || v === undefined) return '';
      if (v === true) return ` ${name}`;
      return ` ${name}="${escapeHtml(String(v))}"`;
    })
    .join('');
}

export function element(tag: string, attributes: Readonly<Record<string, AttrValue>>, inner: string): string {
  return `<${tag}${attrs(attributes)}>${inner}</${tag}>`;
}

/** Pages may use their own inline style and script and local images, and nothing else. */
export const CONTENT_SECURITY_POLICY = "default-src 'none'; img-src 'self' file: data:; style-src 'unsafe-inline'; script-src 'unsafe-inline'";

export type PageParts = {
  readonly title: string;
  readonly style: string;
  readonly body: string;
  readonly script?: string;
};

export function htmlPage(parts: PageParts): string {
  return [
    '<!DOCTYPE html>',
    '<html lang="zh-CN">',
    '<head>',
    '<meta charset="utf-8">',
    `<meta http-equiv="Content-Security-Policy" content="${escapeHtml(CONTENT_SECURITY_POLICY)}">`,
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${escapeHtml(parts.title)}</title>`,
    `<style>${parts.style}</style>`,
    '</head>',
    '<body>',
    parts.body,
    parts.script === undefined ? '' : `<script>${parts.script}</script>`,
    '</body>',
    '</html>',
    '',
  ].join('\n');
}

/** A number as people read it in a table: plain digits, no exponent; '' for null. */
export function numberText(value: number | null): string {
  if (value === null || !Number.isFinite(value)) return '';
  return Number.isInteger(value) ? String(value) : String(Math.round(value * 1e6) / 1e6);
}

/** A rate (0..1, already rounded to 4 decimals) as a percentage with 2 decimals, so it is not rounded twice; '' for null. */
export function percentText(value: number | null): string {
  return value === null || !Number.isFinite(value) ? '' : `${(value * 100).toFixed(2)}%`;
}
