/**
 * One resource dictionary (a page's or a form's) as the interpreter asks it: fonts, graphics
 * state parameter dictionaries and XObjects by name, each sub-dictionary looked up once.
 */
import type { FontCache, PdfFont } from './font-model.js';
import { isDict, isName, type Dict, type Name, type PdfResolver, type PdfValue } from './objects.js';

export class ResourceScope {
  private fonts: Dict | null | undefined;
  /** Fonts by resource name (names are interned): a page sets its few fonts hundreds of times. */
  private readonly fontsByName = new Map<Name, PdfFont>();
  private extGStates: Dict | null | undefined;
  private xobjects: Dict | null | undefined;

  constructor(
    private readonly resolver: PdfResolver,
    readonly dict: Dict | undefined,
  ) {}

  /** The font the Font dictionary names `name`, from the document's cache; undefined if absent. */
  font(name: PdfValue | undefined, cache: FontCache): PdfFont | undefined {
    if (!isName(name)) return undefined;
    let font = this.fontsByName.get(name);
    if (font) return font;
    if (this.fonts === undefined) this.fonts = this.sub('Font');
    const value = this.fonts?.raw(name.name);
    if (value === undefined) return undefined;
    font = cache.font(value);
    this.fontsByName.set(name, font);
    return font;
  }

  extGState(name: PdfValue | undefined): PdfValue | undefined {
    if (this.extGStates === undefined) this.extGStates = this.sub('ExtGState');
    return isName(name) && this.extGStates ? this.resolver.lookup(this.extGStates, name.name) : undefined;
  }

  xobject(name: PdfValue | undefined): PdfValue | undefined {
    if (this.xobjects === undefined) this.xobjects = this.sub('XObject');
    return isName(name) && this.xobjects ? this.resolver.lookup(this.xobjects, name.name) : undefined;
  }

  private sub(key: string): Dict | null {
    const d = this.dict ? this.resolver.lookup(this.dict, key) : undefined;
    return isDict(d) ? d : null;
  }
}
