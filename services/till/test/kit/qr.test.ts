import assert from 'node:assert/strict';
import jsqr from 'jsqr';
import { qrMatrix, qrSvgPath, QUIET_ZONE, type QrMatrix } from '../../web/kit/qr.ts';

/** The matrix as an RGBA image, `scale` pixels a module, with the quiet zone, as a camera would see it. */
function pixels(matrix: QrMatrix, scale = 4): { data: Uint8ClampedArray; side: number } {
  const side = (matrix.size + 2 * QUIET_ZONE) * scale;
  const data = new Uint8ClampedArray(side * side * 4).fill(255);
  matrix.rows.forEach((row, y) => row.forEach((dark, x) => {
    if (!dark) return;
    for (let dy = 0; dy < scale; dy++) {
      for (let dx = 0; dx < scale; dx++) {
        const offset = (((y + QUIET_ZONE) * scale + dy) * side + (x + QUIET_ZONE) * scale + dx) * 4;
        data.fill(0, offset, offset + 3);
      }
    }
  }));
  return { data, side };
}

// jsqr is CommonJS: its function is module.exports.default (what its types call the default export).
const jsQR = jsqr.default;

const decoded = (matrix: QrMatrix): string | undefined => {
  const { data, side } = pixels(matrix);
  return jsQR(data, side, side)?.data;
};

// The shape of a dynamic QRIS payload (EMVCo merchant-presented mode), made up for the test.
const QRIS = '00020101021226620014COM.GO-JEK.WWW011893600914301234567802150000000000000000303UMI51440014ID.CO.QRIS.WWW0215ID10243012345670303UMI5204581253033605409128500.005802ID5912TOKO MAJU JA6007BANDUNG61054011162070703A016304B1C2';

describe('till QR codes', () => {
  it('a QRIS string drawn as a QR code reads back as the same string', () => {
    const matrix = qrMatrix(QRIS);
    assert.equal(matrix.rows.length, matrix.size);
    assert.ok(matrix.rows.every((row) => row.length === matrix.size));
    assert.equal(decoded(matrix), QRIS);
  });

  it('short and long texts, and every error-correction level, read back', () => {
    for (const text of ['T01-000042', 'https://app.sandbox.midtrans.com/snap/v2/vtweb/3f6a1c2e-aaaa-bbbb-cccc-0123456789ab', QRIS.repeat(3)]) {
      for (const ecc of ['L', 'M', 'Q', 'H'] as const) assert.equal(decoded(qrMatrix(text, ecc)), text, `${ecc} ${text.slice(0, 20)}`);
    }
  });

  it('the matrix has no border of its own: its three finder patterns (dark 7×7 rings) sit in its corners', () => {
    const { rows, size } = qrMatrix(QRIS);
    for (const [x0, y0] of [[0, 0], [size - 7, 0], [0, size - 7]] as const) {
      for (let i = 0; i < 7; i++) {
        assert.ok(rows[y0]?.[x0 + i] && rows[y0 + 6]?.[x0 + i] && rows[y0 + i]?.[x0] && rows[y0 + i]?.[x0 + 6], `finder at ${x0},${y0}`);
      }
    }
  });

  it('the SVG path draws each dark module once, inside a view box with the quiet zone', () => {
    const matrix = qrMatrix('T01-000042');
    const path = qrSvgPath(matrix);
    const dark = matrix.rows.flat().filter(Boolean).length;
    assert.equal(path.d.match(/M/g)?.length, dark);
    assert.equal(path.viewBox, `0 0 ${matrix.size + 8} ${matrix.size + 8}`);
    assert.ok(path.d.startsWith(`M${QUIET_ZONE} ${QUIET_ZONE}h1v1h-1z`)); // the top-left finder's corner
  });

  it('an empty text has no QR code', () => {
    assert.throws(() => qrMatrix(''), RangeError);
  });
});
