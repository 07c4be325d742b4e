/**
 * Paragraph styles of word/styles.xml → the heading level of each style id.
 * A style is a heading of level N when its name is "heading N" (Word's built-in names, any case), its id is
 * "HeadingN" (what Word and the `docx` package write, even when styles.xml leaves the style out), or its name
 * is the N-th of the configured heading style names (标题 1 … 标题 6, as WPS names them). Otherwise its
 * outline level decides (w:outlineLvl 0–8 → heading 1–9, 9 → body text), and a style with neither inherits
 * the level of the style it is based on: a custom "报告小标题" based on "heading 3" shows in Word's
 * navigation pane as a level-3 heading.
 */
import type { AnyNode, Element } from 'domhandler';
import { attr, childrenNamed, firstChild, intVal } from './docx-xml.js';

/** Paragraph style as written: id, name, parent and own outline level. */
export type ParagraphStyle = {
  readonly id: string;
  readonly name: string | null;
  readonly basedOn: string | null;
  /** w:pPr/w:outlineLvl (0 = heading 1 … 8 = heading 9, 9 = body text), or null when not set. */
  readonly outlineLevel: number | null;
};

export type DocxStyles = {
  /** Heading level of the paragraph style with this id (undefined: body text, or no such style). */
  readonly headingLevel: (styleId: string) => number | undefined;
  /** Id of the default paragraph style (w:default="1"), used by paragraphs without w:pStyle. */
  readonly defaultStyleId: string | null;
};

/** Word's outline level for body text; levels 0–8 are headings 1–9. */
const BODY_TEXT_OUTLINE_LEVEL = 9;
const HEADING_NAME = /^heading ([1-9])$/i;
const HEADING_ID = /^Heading([1-9])$/;
/** basedOn chains longer than this are broken files (Word allows far fewer), and cycles must end. */
const MAX_BASED_ON_DEPTH = 32;

function readStyle(el: Element): ParagraphStyle | null {
  const id = attr(el, 'w:styleId');
  if (id === undefined) return null;
  const pPr = firstChild(el, 'w:pPr');
  return {
    id,
    name: attrOf(firstChild(el, 'w:name')) ?? null,
    basedOn: attrOf(firstChild(el, 'w:basedOn')) ?? null,
    outlineLevel: intVal(pPr && firstChild(pPr, 'w:outlineLvl')),
  };
}

function attrOf(el: Element | undefined): string | undefined {
  return el && attr(el, 'w:val');
}

function isParagraphStyle(el: Element): boolean {
  return attr(el, 'w:type') === 'paragraph';
}

function isDefault(el: Element): boolean {
  const value = attr(el, 'w:default');
  return value === '1' || value === 'true' || value === 'on';
}

/** The paragraph styles of a parsed styles.xml by id; the first of several with one id wins (ECMA-376 17.7.4.17). */
export function readParagraphStyles(root: AnyNode): { styles: Map<string, ParagraphStyle>; defaultStyleId: string | null } {
  const styles = new Map<string, ParagraphStyle>();
  let defaultStyleId: string | null = null;
  for (const top of childrenNamed(root, 'w:styles')) {
    for (const el of childrenNamed(top, 'w:style')) {
      if (!isParagraphStyle(el)) continue;
      const style = readStyle(el);
      if (!style || styles.has(style.id)) continue;
      styles.set(style.id, style);
      if (defaultStyleId === null && isDefault(el)) defaultStyleId = style.id;
    }
  }
  return { styles, defaultStyleId };
}

/** The level a style's own name or id gives (configured names first), before outline levels and inheritance. */
export function namedHeadingLevel(id: string, name: string | null, headingStyles: readonly string[]): number | undefined {
  if (name !== null) {
    const wanted = name.trim().toLowerCase();
    const configured = headingStyles.findIndex((h) => h.toLowerCase() === wanted);
    if (configured >= 0) return configured + 1;
    const builtIn = HEADING_NAME.exec(wanted);
    if (builtIn) return Number(builtIn[1]);
  }
  const byId = HEADING_ID.exec(id);
  return byId ? Number(byId[1]) : undefined;
}

/** A style's own level: by name or id, else by outline level; null for explicit body text, undefined to inherit. */
function ownLevel(style: ParagraphStyle, headingStyles: readonly string[]): number | null | undefined {
  const named = namedHeadingLevel(style.id, style.name, headingStyles);
  if (named !== undefined) return named;
  const outline = style.outlineLevel;
  if (outline === null || outline < 0 || outline > BODY_TEXT_OUTLINE_LEVEL) return undefined;
  return outline === BODY_TEXT_OUTLINE_LEVEL ? null : outline + 1;
}

function resolveLevel(id: string, styles: ReadonlyMap<string, ParagraphStyle>, headingStyles: readonly string[]): number | undefined {
  let style = styles.get(id);
  if (!style) return namedHeadingLevel(id, null, headingStyles);
  for (let depth = 0; style && depth < MAX_BASED_ON_DEPTH; depth++) {
    const level = ownLevel(style, headingStyles);
    if (level !== undefined) return level ?? undefined;
    style = style.basedOn === null ? undefined : styles.get(style.basedOn);
  }
  return undefined;
}

/** Heading levels of a parsed styles.xml (or of no styles part: then only "HeadingN" ids are headings). */
export function readDocxStyles(root: AnyNode | null, headingStyles: readonly string[]): DocxStyles {
  const { styles, defaultStyleId } = root ? readParagraphStyles(root) : { styles: new Map<string, ParagraphStyle>(), defaultStyleId: null };
  const levels = new Map<string, number | undefined>();
  const headingLevel = (styleId: string): number | undefined => {
    if (!levels.has(styleId)) levels.set(styleId, resolveLevel(styleId, styles, headingStyles));
    return levels.get(styleId);
  };
  return { headingLevel, defaultStyleId };
}
