// Draws the Teams app icons (color.png 192×192, outline.png 32×32) with node:zlib only, so the committed
// PNGs can be regenerated without an image tool: `node manifests/teams/generate-icons.mjs`.
// The mark is a shield split down the middle: the left half filled (AWS's part), the right half an outline
// (yours). Teams wants the outline icon white on a transparent background.
import { writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { deflateSync } from 'node:zlib';

const HERE = dirname(fileURLToPath(import.meta.url));
const BACKGROUND = [0x23, 0x2f, 0x3e]; // the manifest's accentColor
const SUPERSAMPLE = 4; // 4×4 samples per pixel for smooth edges

const CRC_TABLE = Array.from({ length: 256 }, (_v, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(bytes) {
  let c = 0xffffffff;
  for (const byte of bytes) c = CRC_TABLE[(c ^ byte) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type, data) {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

/** RGBA pixels (width × height × 4) → PNG bytes: 8-bit RGBA, filter 0 on every scanline. */
function encodePng(width, height, rgba) {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 6, 0, 0, 0], 8); // bit depth 8, colour type 6 (RGBA), deflate, no filter method, no interlace
  const raw = Buffer.alloc((width * 4 + 1) * height);
  for (let y = 0; y < height; y++) rgba.copy(raw, y * (width * 4 + 1) + 1, y * width * 4, (y + 1) * width * 4);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(raw, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

/** Inside a shield with flat top at `top`, straight sides down to `mid`, then narrowing to a point at `bottom`. */
function inShield(x, y, { top, mid, bottom, halfWidth }) {
  if (y < top || y > bottom) return false;
  const t = y <= mid ? 0 : (y - mid) / (bottom - mid);
  return Math.abs(x - 0.5) <= halfWidth * (1 - t * t);
}

/** Coverage (0..1) of the mark at each pixel, in unit coordinates. */
function coverage(size, stroke) {
  const outer = { top: 0.14, mid: 0.5, bottom: 0.88, halfWidth: 0.32 };
  const inner = { top: outer.top + stroke, mid: outer.mid, bottom: outer.bottom - stroke * 1.8, halfWidth: outer.halfWidth - stroke };
  const values = new Float64Array(size * size);
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      let hits = 0;
      for (let sy = 0; sy < SUPERSAMPLE; sy++) {
        for (let sx = 0; sx < SUPERSAMPLE; sx++) {
          const x = (px + (sx + 0.5) / SUPERSAMPLE) / size;
          const y = (py + (sy + 0.5) / SUPERSAMPLE) / size;
          if (inShield(x, y, outer) && (x < 0.5 || !inShield(x, y, inner))) hits++;
        }
      }
      values[py * size + px] = hits / (SUPERSAMPLE * SUPERSAMPLE);
    }
  }
  return values;
}

function colorIcon(size) {
  const mark = coverage(size, 0.06);
  const rgba = Buffer.alloc(size * size * 4);
  mark.forEach((alpha, i) => {
    for (let c = 0; c < 3; c++) rgba[i * 4 + c] = Math.round(BACKGROUND[c] + (255 - BACKGROUND[c]) * alpha);
    rgba[i * 4 + 3] = 255;
  });
  return encodePng(size, size, rgba);
}

function outlineIcon(size) {
  const mark = coverage(size, 2.5 / size);
  const rgba = Buffer.alloc(size * size * 4);
  mark.forEach((alpha, i) => {
    rgba.fill(255, i * 4, i * 4 + 3); // white everywhere; transparency comes from alpha alone
    rgba[i * 4 + 3] = Math.round(alpha * 255);
  });
  return encodePng(size, size, rgba);
}

writeFileSync(join(HERE, 'color.png'), colorIcon(192));
writeFileSync(join(HERE, 'outline.png'), outlineIcon(32));
console.log('wrote color.png (192×192) and outline.png (32×32)');
