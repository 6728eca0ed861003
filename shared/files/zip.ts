/**
 * A ZIP archive writer (PKWARE APPNOTE 6.3: local headers, deflated entries, central directory), enough
 * for the files an Office document is made of. Written here instead of bundling a zip library: the
 * export is one admin download, and exceljs with its zip and stream dependencies was a third of the api
 * function's bundle. No ZIP64: an entry or archive over 4 GiB is refused.
 */
import { deflateRawSync } from 'node:zlib';

const CRC_TABLE = (() => {
  const table = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    table[n] = c >>> 0;
  }
  return table;
})();

export function crc32(data: Uint8Array): number {
  let crc = 0xffffffff;
  for (let i = 0; i < data.length; i++) crc = CRC_TABLE[(crc ^ data[i]!) & 0xff]! ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}

/** MS-DOS date and time (local fields; ZIP has no zone), as in the headers. */
function dosDateTime(at: Date): { time: number; date: number } {
  const year = Math.max(1980, at.getUTCFullYear());
  return {
    time: (at.getUTCHours() << 11) | (at.getUTCMinutes() << 5) | Math.floor(at.getUTCSeconds() / 2),
    date: ((year - 1980) << 9) | ((at.getUTCMonth() + 1) << 5) | at.getUTCDate(),
  };
}

const MAX = 0xffffffff;

/**
 * The fields a local file header and its central-directory entry share, in the same order: from offset
 * 6 of the one and 8 of the other (APPNOTE 4.3.7 and 4.3.12).
 */
function writeEntryFields(header: Buffer, at: number, e: { time: number; date: number; crc: number; packedLength: number; rawLength: number; nameLength: number }): void {
  header.writeUInt16LE(0x0800, at); // names are UTF-8
  header.writeUInt16LE(8, at + 2); // deflate
  header.writeUInt16LE(e.time, at + 4);
  header.writeUInt16LE(e.date, at + 6);
  header.writeUInt32LE(e.crc, at + 8);
  header.writeUInt32LE(e.packedLength, at + 12);
  header.writeUInt32LE(e.rawLength, at + 16);
  header.writeUInt16LE(e.nameLength, at + 20);
}
export function zip(files: { name: string; data: Uint8Array | string }[], at = new Date()): Buffer {
  const { time, date } = dosDateTime(at);
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const file of files) {
    const name = Buffer.from(file.name, 'utf8');
    const raw = typeof file.data === 'string' ? Buffer.from(file.data, 'utf8') : Buffer.from(file.data);
    const packed = deflateRawSync(raw);
    if (raw.length >= MAX || packed.length >= MAX || offset >= MAX) throw new Error(`zip: ${file.name} is too large for a ZIP without ZIP64`);
    const crc = crc32(raw);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4); // version needed: deflate
    const entry = { time, date, crc, packedLength: packed.length, rawLength: raw.length, nameLength: name.length };
    writeEntryFields(local, 6, entry);
    local.writeUInt16LE(0, 28);
    locals.push(local, name, packed);

    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4); // made by
    central.writeUInt16LE(20, 6); // needed
    writeEntryFields(central, 8, entry);
    // extra, comment, disk, internal and external attributes: 0
    central.writeUInt32LE(offset, 42);
    centrals.push(central, name);
    offset += local.length + name.length + packed.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(files.length, 8);
  end.writeUInt16LE(files.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}
