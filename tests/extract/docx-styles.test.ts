import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import JSZip from 'jszip';
import { DOCX_HEADING_STYLES } from '../../src/extract/docx.js';
import { parseWordXml } from '../../src/extract/docx-xml.js';
import { namedHeadingLevel, readDocxStyles, readParagraphStyles } from '../../src/extract/docx-styles.js';

const TEMPLATE = 'tests/fixtures/shared/corpus/govnianbao__政务公开年报模版.docx';
const fixture = (path: string): Uint8Array => readFileSync(new URL(`../fixtures/${path}`, import.meta.url));

async function stylesOf(bytes: Uint8Array): Promise<ReturnType<typeof parseWordXml>> {
  const zip = await JSZip.loadAsync(bytes);
  return parseWordXml(await zip.file('word/styles.xml')!.async('string'));
}

const W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"';
function styles(xml: string): ReturnType<typeof parseWordXml> {
  return parseWordXml(`<w:styles ${W}>${xml}</w:styles>`);
}
const style = (id: string, name: string, extra = ''): string =>
  `<w:style w:type="paragraph" w:styleId="${id}"><w:name w:val="${name}"/>${extra}</w:style>`;

describe('readDocxStyles on real styles.xml', () => {
  it('body-features.docx (docx package): built-in names, a WPS name, basedOn and an outline level', async () => {
    const s = readDocxStyles(await stylesOf(fixture('docx/body-features.docx')), DOCX_HEADING_STYLES);
    const ids = ['Heading1', 'Heading2', 'Heading6', 'WpsHeading2', 'ReportSubheading', 'OutlineTwo', 'Title', 'Normal', 'TOC1', 'FootnoteText'];
    expect(ids.map((id) => s.headingLevel(id) ?? null)).toEqual([1, 2, 6, 2, 3, 2, null, null, null, null]);
    expect(s.defaultStyleId).toBe('Normal');
  });

  it('body-features-libreoffice.docx: LibreOffice renames custom styles (Style8, Style9) and keeps their levels', async () => {
    const s = readDocxStyles(await stylesOf(fixture('docx/body-features-libreoffice.docx')), DOCX_HEADING_STYLES);
    expect(['Heading3', '2', 'Style8', 'Style9', 'Heading', 'Contents1'].map((id) => s.headingLevel(id) ?? null)).toEqual([3, 2, 3, 2, null, null]);
  });

  it('the WPS template: numeric style ids, no heading styles', async () => {
    const root = await stylesOf(readFileSync(TEMPLATE));
    const { styles: byId, defaultStyleId } = readParagraphStyles(root);
    expect([...byId.values()].map((x) => [x.id, x.name, x.basedOn])).toEqual([
      ['1', 'Normal', null],
      ['2', 'Normal (Web)', '1'],
    ]);
    expect(defaultStyleId).toBe('1');
    const s = readDocxStyles(root, DOCX_HEADING_STYLES);
    expect([s.headingLevel('1'), s.headingLevel('2')]).toEqual([undefined, undefined]);
  });
});

describe('readDocxStyles rules', () => {
  it('matches "heading N" in any case and the configured names (those first), and "HeadingN" ids without a definition', () => {
    expect(namedHeadingLevel('x', 'HEADING 4', DOCX_HEADING_STYLES)).toBe(4);
    expect(namedHeadingLevel('x', '标题 3', DOCX_HEADING_STYLES)).toBe(3);
    expect(namedHeadingLevel('x', 'heading 1', ['报告大标题', 'heading 1'])).toBe(2);
    expect(namedHeadingLevel('x', 'Heading', DOCX_HEADING_STYLES)).toBeUndefined();
    const s = readDocxStyles(styles(''), DOCX_HEADING_STYLES);
    expect([s.headingLevel('Heading2'), s.headingLevel('heading2'), s.headingLevel('Normal')]).toEqual([2, undefined, undefined]);
  });

  it('inherits through basedOn until a style says otherwise; outline level 9 is body text', () => {
    const xml =
      style('A', 'heading 2') +
      style('B', '自定义乙', '<w:basedOn w:val="A"/>') +
      style('C', '自定义丙', '<w:basedOn w:val="B"/>') +
      style('Toc', 'TOC Heading', '<w:basedOn w:val="A"/><w:pPr><w:outlineLvl w:val="9"/></w:pPr>') +
      style('D', '自定义丁', '<w:basedOn w:val="Toc"/>') +
      style('E', '自定义戊', '<w:pPr><w:outlineLvl w:val="0"/></w:pPr>');
    const s = readDocxStyles(styles(xml), DOCX_HEADING_STYLES);
    expect(['A', 'B', 'C', 'Toc', 'D', 'E'].map((id) => s.headingLevel(id) ?? null)).toEqual([2, 2, 2, null, null, 1]);
  });

  it('survives basedOn cycles and keeps the first of two styles with one id', () => {
    const xml = style('P', '甲', '<w:basedOn w:val="Q"/>') + style('Q', '乙', '<w:basedOn w:val="P"/>') + style('R', 'heading 1') + style('R', 'heading 5');
    const s = readDocxStyles(styles(xml), DOCX_HEADING_STYLES);
    expect([s.headingLevel('P'), s.headingLevel('Q'), s.headingLevel('R')]).toEqual([undefined, undefined, 1]);
  });

  it('ignores character and table styles', () => {
    const xml = '<w:style w:type="character" w:styleId="Heading1Char"><w:name w:val="heading 1"/></w:style>';
    expect(readParagraphStyles(styles(xml)).styles.size).toBe(0);
  });
});
