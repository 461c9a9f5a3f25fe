// QR codes for the screen: Midtrans answers a QRIS charge with the QRIS string (an EMVCo
// payload), which the till draws for the customer's banking app to scan. Drawn from a matrix
// of modules, so it stays sharp at any size (an SVG path) and needs no image from the network.
import { encode } from 'uqr';

export interface QrMatrix {
  /** Modules per side, without the quiet zone. */
  size: number;
  /** rows[y][x]: true for a dark module. */
  rows: boolean[][];
}

/** The QR code of `text`; error correction M (15%), enough for a phone held to a screen. */
export function qrMatrix(text: string, ecc: 'L' | 'M' | 'Q' | 'H' = 'M'): QrMatrix {
  if (text.length === 0) throw new RangeError('a QR code of nothing');
  const { size, data } = encode(text, { ecc, border: 0 });
  return { size, rows: data.map((row) => [...row]) };
}

/** The quiet zone the QR standard asks for around the code, in modules. */
export const QUIET_ZONE = 4;

/** An SVG path of the dark modules (one unit a module, the quiet zone included) and its view box side. */
export function qrSvgPath(matrix: QrMatrix): { d: string; viewBox: string } {
  const parts: string[] = [];
  matrix.rows.forEach((row, y) => row.forEach((dark, x) => {
    if (dark) parts.push(`M${x + QUIET_ZONE} ${y + QUIET_ZONE}h1v1h-1z`);
  }));
  const side = matrix.size + 2 * QUIET_ZONE;
  return { d: parts.join(''), viewBox: `0 0 ${side} ${side}` };
}
