/**
 * A minimal zip for the sniffer's specs: a local header per entry (`filler` bytes of data after
 * each, so a central directory can be pushed beyond a streamed head), then the central directory
 * and its end record, as a real archiver lays them out. The entries hold no real data: the sniffer
 * reads names only. Test equipment: imported by specs only.
 */
export function testZip(names: readonly string[], filler = 0): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const name of names) {
    const encoded = Buffer.from(name, 'utf8');
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt32LE(filler, 18);
    local.writeUInt32LE(filler, 22);
    local.writeUInt16LE(encoded.length, 26);
    const data = Buffer.alloc(filler, 0x20);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt32LE(filler, 20);
    central.writeUInt32LE(filler, 24);
    central.writeUInt16LE(encoded.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, encoded, data);
    centrals.push(central, encoded);
    offset += 30 + encoded.length + filler;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(names.length, 8);
  end.writeUInt16LE(names.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

/** The same zip with its local headers' names blanked: only the central directory names the entries. */
export function testZipNamedAtTheEndOnly(names: readonly string[], filler: number): Buffer {
  const zip = testZip(names, filler);
  let offset = 0;
  for (const name of names) {
    const length = Buffer.byteLength(name);
    zip.fill(0x5f, offset + 30, offset + 30 + length); // `_` for every character of the name
    offset += 30 + length + filler;
  }
  return zip;
}
