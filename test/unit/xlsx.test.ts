/**
 * The workbook writer behind the bureau's exports, read back with exceljs (an independent reader) and
 * checked at the ZIP level with unzip's own CRC check where the machine has it.
 */
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { columnName, workbook } from '../../shared/files/xlsx';
import { crc32, zip } from '../../shared/files/zip';
import { inflateRawSync } from 'node:zlib';

describe('zip', () => {
  it('computes the standard CRC-32', () => {
    expect(crc32(Buffer.from('123456789'))).toBe(0xcbf43926);
    expect(crc32(Buffer.alloc(0))).toBe(0);
  });

  it('writes entries a reader can find through the central directory and inflate', () => {
    const archive = zip([{ name: 'a.txt', data: 'hello' }, { name: '目录/中文.xml', data: '<x>石嘴山</x>'.repeat(50) }]);
    const end = archive.length - 22;
    expect(archive.readUInt32LE(end)).toBe(0x06054b50);
    expect(archive.readUInt16LE(end + 10)).toBe(2);
    let at = archive.readUInt32LE(end + 16);
    const found: Record<string, string> = {};
    for (let i = 0; i < 2; i++) {
      expect(archive.readUInt32LE(at)).toBe(0x02014b50);
      const nameLength = archive.readUInt16LE(at + 28);
      const name = archive.subarray(at + 46, at + 46 + nameLength).toString('utf8');
      const local = archive.readUInt32LE(at + 42);
      const size = archive.readUInt32LE(at + 20);
      const data = inflateRawSync(archive.subarray(local + 30 + archive.readUInt16LE(local + 26), local + 30 + archive.readUInt16LE(local + 26) + size));
      expect(crc32(data)).toBe(archive.readUInt32LE(at + 16));
      found[name] = data.toString('utf8');
      at += 46 + nameLength;
    }
    expect(found['a.txt']).toBe('hello');
    expect(found['目录/中文.xml']).toBe('<x>石嘴山</x>'.repeat(50));
  });
});

describe('xlsx', () => {
  it('names columns A…Z, AA…', () => {
    expect([0, 25, 26, 27, 701, 702].map(columnName)).toEqual(['A', 'Z', 'AA', 'AB', 'ZZ', 'AAA']);
  });

  it('writes sheets exceljs reads back: headers bold and frozen, widths, strings, numbers, the money format', async () => {
    const buffer = workbook(
      [
        {
          name: '技术合同',
          columns: [
            { header: '合同编号', key: 'id', width: 32 },
            { header: '金额（元）', key: 'yuan', width: 16, money: true },
            { header: '金额（分）', key: 'fen', width: 16 },
            { header: '备注', key: 'note', width: 20 },
          ],
          rows: [
            { id: 'ct_1', yuan: 400000, fen: 40_000_000, note: '<&"引号"> \u0007控制符' },
            { id: 'ct_2', yuan: 0.5, fen: 50 },
          ],
        },
        { name: '空表', columns: [{ header: '列', key: 'x', width: 8 }], rows: [] },
      ],
      { creator: '石嘴山科技大市场', created: new Date('2026-12-02T08:00:00Z') },
    );
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(buffer as unknown as ArrayBuffer);
    expect(book.creator).toBe('石嘴山科技大市场');
    expect(book.worksheets.map((w) => w.name)).toEqual(['技术合同', '空表']);
    const sheet = book.getWorksheet('技术合同')!;
    expect(sheet.getRow(1).values).toEqual([undefined, '合同编号', '金额（元）', '金额（分）', '备注']);
    expect(sheet.getRow(1).getCell(1).font?.bold).toBe(true);
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(sheet.getColumn(1).width).toBe(32);
    expect(sheet.getRow(2).getCell(1).value).toBe('ct_1');
    expect(sheet.getRow(2).getCell(2).value).toBe(400000);
    expect(sheet.getRow(2).getCell(2).numFmt).toBe('"¥"#,##0.00');
    expect(sheet.getRow(2).getCell(3).value).toBe(40_000_000);
    expect(sheet.getRow(2).getCell(4).value).toBe('<&"引号"> 控制符');
    expect(sheet.getRow(3).getCell(4).value).toBeNull();
    expect(sheet.rowCount).toBe(3);
    expect(book.getWorksheet('空表')!.rowCount).toBe(1);
  });

  it('refuses two sheets of one name', () => {
    expect(() => workbook([{ name: 'a', columns: [], rows: [] }, { name: 'a', columns: [], rows: [] }], { creator: 'x', created: new Date() })).toThrow(/differ/);
  });
});
