// Renders build/icon.svg into every icon file electron-builder reads: icon.png (1024 px, the
// master), icons/<n>x<n>.png (Linux), icon.ico (Windows) and icon.icns (macOS). Each size is drawn
// from the vector source rather than scaled down from the master, so small sizes stay crisp. The
// ICO and ICNS containers hold plain PNG entries, which both formats accept (Windows Vista and
// later, macOS 10.7 and later), so no image tool beyond the SVG renderer is needed.
// Run after changing the SVG: npm run icons
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Resvg } from '@resvg/resvg-js';

const buildDir = dirname(fileURLToPath(import.meta.url));
const svg = readFileSync(join(buildDir, 'icon.svg'));

const cache = new Map();
function png(size) {
  if (!cache.has(size)) {
    const rendered = new Resvg(svg, { fitTo: { mode: 'width', value: size } }).render();
    cache.set(size, rendered.asPng());
  }
  return cache.get(size);
}

function ico(sizes) {
  const header = Buffer.alloc(6);
  header.writeUInt16LE(0, 0);
  header.writeUInt16LE(1, 2); // 1 = icon
  header.writeUInt16LE(sizes.length, 4);
  const entries = [];
  const images = [];
  let offset = 6 + 16 * sizes.length;
  for (const size of sizes) {
    const data = png(size);
    const entry = Buffer.alloc(16);
    entry.writeUInt8(size >= 256 ? 0 : size, 0); // 0 means 256
    entry.writeUInt8(size >= 256 ? 0 : size, 1);
    entry.writeUInt8(0, 2); // no palette
    entry.writeUInt8(0, 3);
    entry.writeUInt16LE(1, 4); // colour planes
    entry.writeUInt16LE(32, 6); // bits per pixel
    entry.writeUInt32LE(data.length, 8);
    entry.writeUInt32LE(offset, 12);
    offset += data.length;
    entries.push(entry);
    images.push(data);
  }
  return Buffer.concat([header, ...entries, ...images]);
}

function icns(types) {
  const chunks = types.map(([type, size]) => {
    const data = png(size);
    const head = Buffer.alloc(8);
    head.write(type, 0, 'ascii');
    head.writeUInt32BE(8 + data.length, 4);
    return Buffer.concat([head, data]);
  });
  const head = Buffer.alloc(8);
  head.write('icns', 0, 'ascii');
  head.writeUInt32BE(8 + chunks.reduce((sum, chunk) => sum + chunk.length, 0), 4);
  return Buffer.concat([head, ...chunks]);
}

writeFileSync(join(buildDir, 'icon.png'), png(1024));

mkdirSync(join(buildDir, 'icons'), { recursive: true });
for (const size of [16, 24, 32, 48, 64, 128, 256, 512]) {
  writeFileSync(join(buildDir, 'icons', `${size}x${size}.png`), png(size));
}

writeFileSync(join(buildDir, 'icon.ico'), ico([16, 24, 32, 48, 64, 128, 256]));

// Apple's PNG-capable icon types: the @2x types hold the doubled pixel size of their point size.
writeFileSync(
  join(buildDir, 'icon.icns'),
  icns([
    ['icp4', 16],
    ['icp5', 32],
    ['ic11', 32],
    ['icp6', 64],
    ['ic12', 64],
    ['ic07', 128],
    ['ic08', 256],
    ['ic13', 256],
    ['ic09', 512],
    ['ic14', 512],
    ['ic10', 1024],
  ]),
);

console.log('Icons written to', buildDir);
