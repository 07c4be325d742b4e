import { describe, expect, it } from 'vitest';
import type { Element } from 'domhandler';
import { cellText, childrenNamed, parseWordXml, topLevelTables } from '../../src/extract/docx-xml.js';
import { dropSliverColumns, mergeHorizontal, mergeVertical, readRows, tableFromWordXml } from '../../src/extract/docx-tables.js';
import { gridOf } from '../../src/tables/table.js';

const W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006"';

function body(xml: string): Element {
  const root = parseWordXml(`<w:document ${W}><w:body>${xml}</w:body></w:document>`);
  const [doc] = childrenNamed(root, 'w:document');
  const [b] = childrenNamed(doc!, 'w:body');
  return b!;
}

function tbl(rows: string, grid = ''): Element {
  const [t] = topLevelTables(body(`<w:tbl><w:tblGrid>${grid}</w:tblGrid>${rows}</w:tbl>`));
  return t!;
}

const tc = (text: string, pr = ''): string => `<w:tc><w:tcPr>${pr}</w:tcPr><w:p><w:r><w:t>${text}</w:t></w:r></w:p></w:tc>`;
const tr = (cells: string, pr = ''): string => `<w:tr>${pr ? `<w:trPr>${pr}</w:trPr>` : ''}${cells}</w:tr>`;

describe('readRows', () => {
  it('starts a row after its gridBefore columns and advances by gridSpan', () => {
    const rows = readRows(tbl(tr(tc('a', '<w:gridSpan w:val="2"/>') + tc('b'), '<w:gridBefore w:val="1"/>')));
    expect(rows[0]!.cells.map((c) => [c.text, c.start, c.span])).toEqual([
      ['a', 1, 2],
      ['b', 3, 1],
    ]);
  });

  it('reads rows and cells wrapped in content controls (w:sdt)', () => {
    const rows = readRows(tbl(`<w:sdt><w:sdtContent>${tr(`<w:sdt><w:sdtContent>${tc('x')}</w:sdtContent></w:sdt>${tc('y')}`)}</w:sdtContent></w:sdt>`));
    expect(rows.map((r) => r.cells.map((c) => c.text))).toEqual([['x', 'y']]);
  });
});

describe('mergeHorizontal / mergeVertical', () => {
  it('folds hMerge continuation cells into the restart cell', () => {
    const rows = mergeHorizontal(readRows(tbl(tr(tc('合', '<w:hMerge w:val="restart"/>') + tc('', '<w:hMerge/>') + tc('3')))));
    expect(rows[0]!.cells.map((c) => [c.text, c.start, c.span])).toEqual([
      ['合', 0, 2],
      ['3', 2, 1],
    ]);
  });

  it('extends the cell above for vMerge continue (keeping any text), and keeps a continue with nothing above as a cell', () => {
    const cells = mergeVertical(
      readRows(
        tbl(
          tr(tc('top', '<w:vMerge w:val="restart"/>') + tc('1', '<w:vMerge/>')) +
            tr(tc('', '<w:vMerge/>') + tc('2')) +
            tr(tc('', '<w:vMerge w:val="continue"/>') + tc('3', '<w:vMerge/>')),
        ),
      ),
    );
    expect(cells.map((c) => [c.text, c.row, c.col, c.rowSpan])).toEqual([
      ['top', 0, 0, 3],
      ['1', 0, 1, 1],
      ['2\n3', 1, 1, 2],
    ]);
  });
});

describe('dropSliverColumns', () => {
  const rows = readRows(tbl(tr(tc('', '') + tc('a')) + tr(tc('h', '<w:gridSpan w:val="2"/>'))));

  it('drops a grid column narrower than the threshold and the empty cells in it', () => {
    const { rows: slim, dropped } = dropSliverColumns(rows, [1, 2000], 30);
    expect(dropped).toBe(1);
    expect(slim.map((r) => r.cells.map((c) => [c.text, c.start, c.span]))).toEqual([[['a', 0, 1]], [['h', 0, 1]]]);
  });

  it('keeps a narrow column that holds text of its own', () => {
    const withText = readRows(tbl(tr(tc('注') + tc('a'))));
    expect(dropSliverColumns(withText, [10, 2000], 30).dropped).toBe(0);
  });
});

describe('cellText', () => {
  it('joins paragraphs with newlines, keeps tabs and spaces, and skips deleted and field-code text', () => {
    const [t] = topLevelTables(
      body(`<w:tbl><w:tr><w:tc>
        <w:p><w:r><w:t xml:space="preserve">本年 </w:t></w:r><w:r><w:tab/><w:t>制发</w:t></w:r></w:p>
        <w:p/>
        <w:p><w:del><w:r><w:delText>旧</w:delText></w:r></w:del><w:r><w:instrText>PAGE</w:instrText></w:r><w:r><w:t>件数</w:t><w:br/><w:t>　</w:t></w:r></w:p>
      </w:tc></w:tr></w:tbl>`),
    );
    const [row] = childrenNamed(t!, 'w:tr');
    const [cell] = childrenNamed(row!, 'w:tc');
    expect(cellText(cell!)).toBe('本年 \t制发\n件数\n\u3000');
  });
});

describe('topLevelTables / tableFromWordXml', () => {
  it('skips tables nested in cells, and reads mc:AlternateContent through its first mc:Choice only', () => {
    const inner = (text: string): string => `<w:tbl>${tr(tc(text))}</w:tbl>`;
    const outer = `<w:tbl><w:tr><w:tc><w:p/>${inner('内')}</w:tc></w:tr></w:tbl>`;
    const alt = `<w:p><w:r><mc:AlternateContent><mc:Choice Requires="wps">${inner('选')}</mc:Choice><mc:Fallback>${inner('备')}</mc:Fallback></mc:AlternateContent></w:r></w:p>`;
    const onlyFallback = `<w:p><w:r><mc:AlternateContent><mc:Fallback>${inner('仅备')}</mc:Fallback></mc:AlternateContent></w:r></w:p>`;
    const tables = topLevelTables(body(outer + alt + onlyFallback));
    expect(tables.map((t) => gridOf(tableFromWordXml(t)!).map((r) => r.map((c) => c?.text)))).toEqual([[['内']], [['选']], [['仅备']]]);
  });

  it('reads the text of a text box in a cell through the mc:Choice (LibreOffice leaves the fallback empty)', () => {
    const box = '<w:txbxContent><w:p><w:r><w:t>框中</w:t></w:r></w:p></w:txbxContent>';
    const alt = `<mc:AlternateContent><mc:Choice Requires="wps"><w:drawing><wps:txbx>${box}</wps:txbx></w:drawing></mc:Choice><mc:Fallback><w:pict/></mc:Fallback></mc:AlternateContent>`;
    const [t] = topLevelTables(body(`<w:tbl><w:tr><w:tc><w:p><w:r><w:t>前</w:t></w:r><w:r>${alt}</w:r></w:p></w:tc></w:tr></w:tbl>`));
    expect(gridOf(tableFromWordXml(t!)!)[0]![0]!.text).toBe('前\n框中');
  });

  it('returns null for a table without cells', () => {
    expect(tableFromWordXml(tbl('<w:tr></w:tr>'))).toBeNull();
  });
});
