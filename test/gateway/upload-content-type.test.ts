import { crc32 } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { detectUploadType, UPLOAD_TYPES } from '../../gateway/uploads/content-type';
import { minimalPdf } from '../../legacy/runtime/pdf';

/** The type of an upload comes from its bytes: what each kind of file the operations take is recognised as. */
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==', 'base64');
const JPEG = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, 0x00, 0x01, 0x01, 0x00, 0x00, 0x01, 0x00, 0x01, 0x00, 0x00, 0xff, 0xd9]);

/** A zip archive of stored (uncompressed) entries, as a spreadsheet program writes an XLSX's parts. */
function zip(entries: Record<string, string>): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const [name, text] of Object.entries(entries)) {
    const data = Buffer.from(text);
    const fileName = Buffer.from(name);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt32LE(crc32(data), 14);
    local.writeUInt32LE(data.length, 18);
    local.writeUInt32LE(data.length, 22);
    local.writeUInt16LE(fileName.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt32LE(crc32(data), 16);
    central.writeUInt32LE(data.length, 20);
    central.writeUInt32LE(data.length, 24);
    central.writeUInt16LE(fileName.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, fileName, data);
    centrals.push(central, fileName);
    offset += local.length + fileName.length + data.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(Object.keys(entries).length, 8);
  end.writeUInt16LE(Object.keys(entries).length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

const XLSX = zip({
  '[Content_Types].xml': '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    + '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/></Types>',
  'xl/workbook.xml': '<?xml version="1.0"?><workbook/>',
});

describe('detectUploadType', () => {
  it('recognises the documents: PDF, JPEG, PNG', async () => {
    expect(await detectUploadType(minimalPdf('denuncia'), true)).toBe(UPLOAD_TYPES.pdf);
    expect(await detectUploadType(JPEG, true)).toBe(UPLOAD_TYPES.jpeg);
    expect(await detectUploadType(PNG, true)).toBe(UPLOAD_TYPES.png);
  });

  it('recognises the lists of SIMs: an XLSX workbook and a CSV with semicolons, commas or tabs', async () => {
    expect(await detectUploadType(XLSX, true)).toBe(UPLOAD_TYPES.xlsx);
    for (const csv of ['numero;iccid\n3471000001;8939010000000000001\n', 'numero,iccid\r\n3471000001,893901\r\n', 'numero\ticcid\n']) {
      expect(await detectUploadType(Buffer.from(csv), true)).toBe(UPLOAD_TYPES.csv);
    }
  });

  it('refuses what no operation takes: another archive, prose, binary noise, an empty file', async () => {
    expect(await detectUploadType(zip({ 'documento.txt': 'ciao' }), true)).toBeNull();
    expect(await detectUploadType(Buffer.from('una lettera senza separatori\n'), true)).toBeNull();
    expect(await detectUploadType(Buffer.from([0x00, 0x01, 0x02, 0x03, 0x3b, 0x0a]), true)).toBeNull();
    expect(await detectUploadType(Buffer.alloc(0), true)).toBeNull();
  });
});
