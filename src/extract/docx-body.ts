/**
 * The body of word/document.xml → blocks in reading order: each w:p a paragraph (its heading level from
 * its style), each w:tbl a table (docx-tables.ts; a table nested in a cell is part of that cell's text).
 * - Text is what Word shows: w:t, w:tab / w:ptab as a tab, w:br / w:cr (any break type) as a new line,
 *   w:noBreakHyphen as '-'. Deleted and moved-away runs, field codes, symbols (w:sym: a font's private
 *   glyph) and note reference marks are not text.
 * - Wrappers (content controls, custom XML, smart tags, hyperlinks, simple fields, insertions) are read
 *   through; mc:AlternateContent through the branch docx-xml.ts picks.
 * - A text box (w:txbxContent, in w:drawing or w:pict) is read where it is anchored: the paragraph's text
 *   before it, then the box's paragraphs and tables, then the paragraph's text after it.
 * - A paragraph whose mark is a tracked deletion runs on into the next one, as Word shows it.
 * - Footnotes and endnotes referenced from the body follow the body, in the order of their references.
 */
import type { AnyNode, Element } from 'domhandler';
import { paragraph, tableBlock, type Block } from './document.js';
import { alternateBranch, attr, childrenNamed, elementChildren, firstChild } from './docx-xml.js';
import { tableFromWordXml, type DocxTableSettings } from './docx-tables.js';
import type { DocxStyles } from './docx-styles.js';
import { isText } from './html-text.js';
import type { Table } from '../tables/table.js';

export type BodyContext = {
  readonly styles: DocxStyles;
  readonly tables: DocxTableSettings;
};

export type NoteKind = 'footnote' | 'endnote';
export type NoteReference = { readonly kind: NoteKind; readonly id: string };

export type BodyReading = {
  readonly blocks: Block[];
  /** Notes referenced from the body, each once, in the order of their first reference. */
  readonly notes: NoteReference[];
};

/** Elements that stand for one character of text. */
const CHARACTERS: Readonly<Record<string, string>> = { 'w:tab': '\t', 'w:ptab': '\t', 'w:noBreakHyphen': '-' };
/** Elements whose content is never text Word shows: properties, deletions, field codes, symbols. */
const SKIPPED: ReadonlySet<string> = new Set([
  'w:pPr', 'w:rPr', 'w:tblPr', 'w:sectPr', 'w:sdtPr', 'w:sdtEndPr', 'w:del', 'w:moveFrom', 'w:delText', 'w:instrText',
  'w:delInstrText', 'w:sym', 'w:fldData', 'w:commentReference',
]);
const NOTE_REFERENCES: Readonly<Record<string, NoteKind>> = { 'w:footnoteReference': 'footnote', 'w:endnoteReference': 'endnote' };

/** Gathers run text into paragraphs and places tables between them. */
class BlockWriter {
  readonly blocks: Block[] = [];
  readonly notes: NoteReference[] = [];
  private lines: string[] = [];
  private current = '';

  text(s: string): void {
    this.current += s;
  }

  lineBreak(): void {
    this.lines.push(this.current);
    this.current = '';
  }

  /** Ends the open paragraph: its non-empty lines joined with '\n'; a blank paragraph leaves no block. */
  endParagraph(heading: number | undefined): void {
    this.lineBreak();
    const text = this.lines.filter((l) => l.length > 0).join('\n');
    this.lines = [];
    if (!/\S/u.test(text)) return;
    this.blocks.push(heading === undefined ? paragraph(text) : paragraph(text, { heading }));
  }

  table(t: Table | null): void {
    this.endParagraph(undefined);
    if (t) this.blocks.push(tableBlock(t));
  }

  noteReference(kind: NoteKind, id: string | undefined): void {
    if (id !== undefined && !this.notes.some((n) => n.kind === kind && n.id === id)) this.notes.push({ kind, id });
  }
}

function textOf(el: Element): string {
  let s = '';
  for (const c of el.children) if (isText(c)) s += c.data;
  return s;
}

function headingOf(p: Element, styles: DocxStyles): number | undefined {
  const pPr = firstChild(p, 'w:pPr');
  const pStyle = pPr && firstChild(pPr, 'w:pStyle');
  const styleId = (pStyle && attr(pStyle, 'w:val')) ?? styles.defaultStyleId;
  return styleId === null ? undefined : styles.headingLevel(styleId);
}

/** A paragraph mark recorded as deleted (w:pPr/w:rPr/w:del): the text runs on into the next paragraph. */
function markDeleted(p: Element): boolean {
  const pPr = firstChild(p, 'w:pPr');
  const rPr = pPr && firstChild(pPr, 'w:rPr');
  return rPr !== undefined && firstChild(rPr, 'w:del') !== undefined;
}

function readParagraph(p: Element, out: BlockWriter, context: BodyContext): void {
  const heading = headingOf(p, context.styles);
  walkChildren(p, out, context, heading);
  if (!markDeleted(p)) out.endParagraph(heading);
}

/** A text box: what came before it in its paragraph ends there; its own blocks follow. */
function readTextBox(box: Element, out: BlockWriter, context: BodyContext, heading: number | undefined): void {
  out.endParagraph(heading);
  walkChildren(box, out, context, undefined);
  out.endParagraph(undefined);
}

function walk(el: Element, out: BlockWriter, context: BodyContext, heading: number | undefined): void {
  const name = el.name;
  if (SKIPPED.has(name)) return;
  const ch = CHARACTERS[name];
  if (ch !== undefined) return out.text(ch);
  const note = NOTE_REFERENCES[name];
  if (note !== undefined) return out.noteReference(note, attr(el, 'w:id'));
  switch (name) {
    case 'w:t':
      return out.text(textOf(el));
    case 'w:br':
    case 'w:cr':
      return out.lineBreak();
    case 'w:p':
      return readParagraph(el, out, context);
    case 'w:tbl':
      return out.table(tableFromWordXml(el, context.tables));
    case 'w:txbxContent':
      return readTextBox(el, out, context, heading);
    case 'mc:AlternateContent': {
      const branch = alternateBranch(el);
      return branch ? walkChildren(branch, out, context, heading) : undefined;
    }
    default:
      return walkChildren(el, out, context, heading);
  }
}

function walkChildren(node: AnyNode, out: BlockWriter, context: BodyContext, heading: number | undefined): void {
  for (const child of elementChildren(node)) walk(child, out, context, heading);
}

/** Blocks of the w:body of a parsed word/document.xml, and the notes it references. */
export function readWordBody(root: AnyNode, context: BodyContext): BodyReading {
  const out = new BlockWriter();
  for (const doc of childrenNamed(root, 'w:document')) for (const body of childrenNamed(doc, 'w:body')) walkChildren(body, out, context, undefined);
  out.endParagraph(undefined);
  return { blocks: out.blocks, notes: out.notes };
}

/** Notes of a parsed footnotes.xml / endnotes.xml by id. */
export function notesById(root: AnyNode, kind: NoteKind): Map<string, Element> {
  const notes = new Map<string, Element>();
  for (const top of childrenNamed(root, `w:${kind}s`)) {
    for (const note of childrenNamed(top, `w:${kind}`)) {
      const id = attr(note, 'w:id');
      if (id !== undefined && !notes.has(id)) notes.set(id, note);
    }
  }
  return notes;
}

/** The blocks of the given notes, in the given order (notes that do not exist are passed over). */
export function readNotes(references: readonly NoteReference[], notes: (kind: NoteKind) => ReadonlyMap<string, Element>, context: BodyContext): Block[] {
  const out = new BlockWriter();
  for (const ref of references) {
    const note = notes(ref.kind).get(ref.id);
    if (note) walkChildren(note, out, context, undefined);
    out.endParagraph(undefined);
  }
  return out.blocks;
}
