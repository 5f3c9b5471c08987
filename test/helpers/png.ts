/** PNG files of any size and one colour, written without an image library, for tests that need real images. */
import { crc32, deflateSync } from 'node:zlib';

const SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

function chunk(type: string, data: Uint8Array): Buffer {
  const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

/** A PNG of `height` identical rows of `row` (its pixel bytes, without the filter byte). */
function png(width: number, height: number, bitDepth: number, colourType: number, row: Buffer): Buffer {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header[8] = bitDepth;
  header[9] = colourType;
  const filtered = Buffer.concat([Buffer.from([0]), row]);
  const pixels = Buffer.concat(Array.from({ length: height }, () => filtered));
  return Buffer.concat([SIGNATURE, chunk('IHDR', header), chunk('IDAT', deflateSync(pixels)), chunk('IEND', Buffer.alloc(0))]);
}

/** A small opaque PNG in one colour (8-bit RGB). */
export function pngBytes(width: number, height: number, rgb: [number, number, number]): Buffer {
  return png(width, height, 8, 2, Buffer.from(Array.from({ length: width }, () => rgb).flat()));
}

/** A mid-grey PNG of any size (8-bit greyscale), for tests of image scaling. */
export function greyPng(width: number, height: number): Buffer {
  return png(width, height, 8, 0, Buffer.alloc(width, 0x80));
}

/**
 * A one-bit black PNG of any size: tiny on disk, huge decoded (20000 × 20000 is about 50 KB and
 * 1.6 GB as RGBA), the shape of a decompression bomb.
 */
export function bitmapPng(width: number, height: number): Buffer {
  return png(width, height, 1, 0, Buffer.alloc(Math.ceil(width / 8)));
}
