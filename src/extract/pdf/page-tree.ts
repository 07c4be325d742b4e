/**
 * The page tree (PDF 32000-1 §7.7.3): pages in order with their inherited attributes, and each
 * page's PdfPageInfo (boxes normalised, rotation as a multiple of 90, content streams decoded).
 * Per-node and per-number work is done by module-level functions and loops (no closures), so V8 keeps
 * its optimized code across GCs.
 */
import { Dict, isDict, isName, isStream, type PdfResolver, type PdfPageInfo, type PdfValue } from './objects.js';

/** Attributes a page takes from its ancestors when it lacks them (§7.7.3.4). */
const INHERITED_KEYS = ['Resources', 'MediaBox', 'CropBox', 'Rotate'] as const;
type Inherited = ReadonlyMap<string, PdfValue>;

/** A page dictionary with the attributes it inherits. */
export type PageNode = { readonly dict: Dict; readonly inherited: Inherited };

/** Deeper trees than this are loops or damage. */
const MAX_TREE_DEPTH = 64;
/** US Letter, pdf.js's default when a page has no usable MediaBox. */
const LETTER: readonly [number, number, number, number] = Object.freeze([0, 0, 612, 792]);

/** Pages under the /Pages root in order; loops and non-dictionary kids are skipped. */
export function collectPages(resolver: PdfResolver, root: Dict): PageNode[] {
  const walk: TreeWalk = { resolver, pages: [], visited: new Set() };
  walkNode(walk, root, new Map(), 0);
  return walk.pages;
}

/** What a walk of the page tree carries along. */
type TreeWalk = { readonly resolver: PdfResolver; readonly pages: PageNode[]; readonly visited: Set<Dict> };

function walkNode(walk: TreeWalk, node: Dict, inherited: Inherited, depth: number): void {
  const { resolver, pages, visited } = walk;
  const kids = resolver.lookup(node, 'Kids');
  const type = resolver.lookup(node, 'Type');
  if (isName(type, 'Page') || (!Array.isArray(kids) && !isName(type, 'Pages'))) {
    pages.push({ dict: node, inherited });
    return;
  }
  // Only inner nodes can close a loop; a leaf page listed twice counts twice, as in viewers.
  if (!Array.isArray(kids) || visited.has(node) || depth > MAX_TREE_DEPTH) return;
  visited.add(node);
  const passed = inheritFrom(node, inherited);
  for (const kid of kids) {
    const child = resolver.get(kid);
    if (isDict(child)) walkNode(walk, child, passed, depth + 1);
  }
}

function inheritFrom(node: Dict, inherited: Inherited): Inherited {
  let out: Map<string, PdfValue> | undefined;
  for (const key of INHERITED_KEYS) {
    const v = node.raw(key);
    if (v === undefined) continue;
    out ??= new Map(inherited);
    out.set(key, v);
  }
  return out ?? inherited;
}

/** A page found outside the tree: its inherited attributes from the /Parent chain. */
export function pageFromParents(resolver: PdfResolver, dict: Dict): PageNode {
  const chain: Dict[] = [];
  const seen = new Set<Dict>([dict]);
  for (let p = resolver.lookup(dict, 'Parent'); isDict(p) && !seen.has(p) && chain.length < MAX_TREE_DEPTH; p = resolver.lookup(p, 'Parent')) {
    seen.add(p);
    chain.push(p);
  }
  let inherited: Inherited = new Map();
  for (let i = chain.length - 1; i >= 0; i--) inherited = inheritFrom(chain[i]!, inherited);
  return { dict, inherited };
}

/** The page's own attribute, else the inherited one, references followed. */
function attribute(resolver: PdfResolver, node: PageNode, key: string): PdfValue | undefined {
  return resolver.get(node.dict.raw(key) ?? node.inherited.get(key));
}

export function pageInfo(resolver: PdfResolver, node: PageNode): PdfPageInfo {
  const mediaBox = rectangle(resolver, attribute(resolver, node, 'MediaBox')) ?? LETTER;
  const crop = rectangle(resolver, attribute(resolver, node, 'CropBox'));
  const resources = attribute(resolver, node, 'Resources');
  return {
    mediaBox,
    cropBox: crop ? intersect(crop, mediaBox) : mediaBox,
    rotate: normaliseRotate(attribute(resolver, node, 'Rotate')),
    resources: isDict(resources) ? resources : undefined,
    contents: contentStreams(resolver, node.dict),
  };
}

type Box = readonly [number, number, number, number];

/** Four numbers, normalised so that x0 < x1 and y0 < y1; undefined when unusable or empty. */
function rectangle(resolver: PdfResolver, value: PdfValue | undefined): Box | undefined {
  if (!Array.isArray(value) || value.length < 4) return undefined;
  const a = resolver.get(value[0]);
  const b = resolver.get(value[1]);
  const c = resolver.get(value[2]);
  const d = resolver.get(value[3]);
  if (typeof a !== 'number' || typeof b !== 'number' || typeof c !== 'number' || typeof d !== 'number') return undefined;
  const box: Box = [Math.min(a, c), Math.min(b, d), Math.max(a, c), Math.max(b, d)];
  return box[2] > box[0] && box[3] > box[1] ? box : undefined;
}

/** The crop box clipped to the media box; the media box when they do not overlap (as pdf.js does). */
function intersect(crop: Box, media: Box): Box {
  const box: Box = [Math.max(crop[0], media[0]), Math.max(crop[1], media[1]), Math.min(crop[2], media[2]), Math.min(crop[3], media[3])];
  return box[2] > box[0] && box[3] > box[1] ? box : media;
}

function normaliseRotate(value: PdfValue | undefined): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value % 90 !== 0) return 0;
  return ((value % 360) + 360) % 360;
}

/** /Contents: one stream or an array of streams, decoded; entries that are not streams are skipped. */
function contentStreams(resolver: PdfResolver, page: Dict): Uint8Array[] {
  const contents = resolver.lookup(page, 'Contents');
  const list = Array.isArray(contents) ? contents : contents === undefined ? [] : [contents];
  const out: Uint8Array[] = [];
  for (const item of list) {
    const stream = resolver.get(item);
    if (isStream(stream)) out.push(resolver.streamData(stream));
  }
  return out;
}
