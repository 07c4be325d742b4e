/**
 * The parts of a DOCX package (a zip) that nianbao reads: the main document part named by _rels/.rels,
 * and the parts its relationships name (styles, footnotes, endnotes). A part is inflated only when first
 * asked for, with a size cap on its own and on all parts read so far together, so a zip bomb fails fast
 * with FileTooLargeError whether it hides in one part or spreads over several; parts never read (images,
 * custom XML, headers) are never inflated.
 */
import type { Document as XmlDocument } from 'domhandler';
import { attr, childrenNamed, decodeXml, parseWordXml } from './docx-xml.js';
import { inflateEntry, readZipDirectory, type ZipEntry } from './zip-directory.js';
import { FileTooLargeError, InvalidFileError, megabytes, WrongFormatError } from '../errors.js';

export type PartLimits = {
  /** Largest inflated size of one part (bytes). */
  readonly maxPartBytes: number;
  /** Largest inflated size of all parts read, together (bytes). */
  readonly maxTotalBytes: number;
};

/** Relationship types of the main part that the reader follows, by the last segment of their URI. */
export type PartRelation = 'styles' | 'footnotes' | 'endnotes';

export type DocxPackage = {
  /** The parsed main document part (word/document.xml in practice). */
  readonly main: XmlDocument;
  /** The parsed part the main part relates to this way, or null when the package has none. */
  readonly related: (relation: PartRelation) => XmlDocument | null;
};

const MAIN_PART = 'word/document.xml';
const PACKAGE_RELS = '_rels/.rels';
const OFFICE_DOCUMENT = 'officeDocument';
export const NOT_WORD = `zip archive, but not a Word document (no ${MAIN_PART})`;

/** Inflates parts on demand, counting what all of them took against the total cap. */
class PartReader {
  private used = 0;
  private readonly entries = new Map<string, ZipEntry>();

  constructor(
    private readonly bytes: Uint8Array,
    entries: readonly ZipEntry[],
    private readonly limits: PartLimits,
  ) {
    for (const e of entries) if (!this.entries.has(e.name)) this.entries.set(e.name, e);
  }

  has(name: string): boolean {
    return this.entries.has(name);
  }

  /** The part's text, or null when there is no such part. */
  text(name: string): string | null {
    const entry = this.entries.get(name);
    if (!entry) return null;
    const part = this.inflate(entry);
    this.used += part.length;
    return decodeXml(part);
  }

  private inflate(entry: ZipEntry): Uint8Array {
    const left = this.limits.maxTotalBytes - this.used;
    if (left >= this.limits.maxPartBytes) return inflateEntry(this.bytes, entry, this.limits.maxPartBytes);
    try {
      return inflateEntry(this.bytes, entry, Math.max(0, left));
    } catch (e) {
      if (!(e instanceof FileTooLargeError)) throw e;
      const text = `too large: the XML parts inflate to more than ${megabytes(this.limits.maxTotalBytes)} in total (limit), at ${entry.name}`;
      throw new FileTooLargeError(text, { cause: e });
    }
  }
}

type Relationship = { readonly type: string; readonly target: string; readonly external: boolean };

function readRelationships(xml: string | null): Relationship[] {
  if (xml === null) return [];
  const root = parseWordXml(xml);
  return childrenNamed(root, 'Relationships')
    .flatMap((r) => childrenNamed(r, 'Relationship'))
    .map((el) => ({ type: attr(el, 'Type') ?? '', target: attr(el, 'Target') ?? '', external: attr(el, 'TargetMode') === 'External' }));
}

function targetOf(relations: readonly Relationship[], relation: string): string | undefined {
  return relations.find((r) => !r.external && r.type.endsWith(`/${relation}`))?.target;
}

/** A relationship target as a zip entry name: absolute targets from the root, others from the source's folder. */
export function resolvePartName(folder: string, target: string): string {
  const segments = target.startsWith('/') ? [] : folder.split('/').filter((s) => s.length > 0);
  for (const s of target.split('/')) {
    if (s === '..') segments.pop();
    else if (s !== '.' && s.length > 0) segments.push(s);
  }
  return segments.join('/');
}

function folderOf(name: string): string {
  return name.slice(0, Math.max(0, name.lastIndexOf('/')));
}

/** The relationships part of a part: word/document.xml → word/_rels/document.xml.rels. */
function relationshipsPartOf(name: string): string {
  const folder = folderOf(name);
  const file = name.slice(folder.length > 0 ? folder.length + 1 : 0);
  return `${folder.length > 0 ? `${folder}/` : ''}_rels/${file}.rels`;
}

function mainPartName(parts: PartReader): string {
  const target = targetOf(readRelationships(parts.text(PACKAGE_RELS)), OFFICE_DOCUMENT);
  const name = target === undefined ? undefined : resolvePartName('', target);
  return name !== undefined && parts.has(name) ? name : MAIN_PART;
}

/** Opens the package: reads the zip directory and parses the main part; other parts wait until asked for. */
export function openDocxPackage(bytes: Uint8Array, limits: PartLimits): DocxPackage {
  const entries = readZipDirectory(bytes);
  if (!entries) throw new InvalidFileError('not a valid DOCX (zip) file: no zip directory (truncated, or not a zip file)');
  const parts = new PartReader(bytes, entries, limits);
  const mainName = mainPartName(parts);
  const mainText = parts.text(mainName);
  if (mainText === null) throw new WrongFormatError(NOT_WORD);
  const main = parseWordXml(mainText);
  let relations: Relationship[] | undefined;
  const read = new Map<PartRelation, XmlDocument | null>();
  const related = (relation: PartRelation): XmlDocument | null => {
    if (read.has(relation)) return read.get(relation) ?? null;
    relations ??= readRelationships(parts.text(relationshipsPartOf(mainName)));
    const name = resolvePartName(folderOf(mainName), targetOf(relations, relation) ?? `${relation}.xml`);
    const text = parts.text(name);
    const part = text === null ? null : parseWordXml(text);
    read.set(relation, part);
    return part;
  };
  return { main, related };
}
