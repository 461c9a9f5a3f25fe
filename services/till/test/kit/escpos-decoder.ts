// Reads ESC/POS bytes back into what a printer would do with them: text lines, cuts, drawer
// kicks, in order. Only the commands the receipt uses (and a few it could); anything else fails.
export type PrinterEvent =
  | { kind: 'line'; text: string }
  | { kind: 'cut' }
  | { kind: 'drawer'; pin: number; onMs: number; offMs: number }
  | { kind: 'setting'; command: string };

const ESC = 0x1b, FS = 0x1c, GS = 0x1d, LF = 0x0a, CR = 0x0d;

/** ESC/FS/GS commands: their name and how many bytes follow the command byte. */
const FIXED: Record<string, [name: string, args: number]> = {
  [`${ESC},${0x40}`]: ['ESC @ initialize', 0],
  [`${ESC},${0x4d}`]: ['ESC M font', 1],
  [`${ESC},${0x74}`]: ['ESC t codepage', 1],
  [`${ESC},${0x61}`]: ['ESC a align', 1],
  [`${ESC},${0x45}`]: ['ESC E bold', 1],
  [`${ESC},${0x2d}`]: ['ESC - underline', 1],
  [`${ESC},${0x21}`]: ['ESC ! mode', 1],
  [`${ESC},${0x64}`]: ['ESC d feed', 1],
  [`${ESC},${0x32}`]: ['ESC 2 line spacing', 0],
  [`${FS},${0x2e}`]: ['FS . single byte', 0],
  [`${GS},${0x21}`]: ['GS ! size', 1],
};

export function decodeEscPos(bytes: Uint8Array): PrinterEvent[] {
  const events: PrinterEvent[] = [];
  let text: number[] = [];
  let i = 0;
  const flush = () => {
    events.push({ kind: 'line', text: new TextDecoder('latin1').decode(new Uint8Array(text)) });
    text = [];
  };
  while (i < bytes.length) {
    const byte = bytes[i] ?? 0;
    if (byte === LF) { flush(); i += 1; continue; }
    if (byte === CR) { i += 1; continue; }
    if (byte !== ESC && byte !== FS && byte !== GS) { text.push(byte); i += 1; continue; }
    const next = bytes[i + 1] ?? -1;
    if (byte === ESC && next === 0x70) { // ESC p m t1 t2: pulse pin m, on t1×2 ms, off t2×2 ms
      events.push({ kind: 'drawer', pin: bytes[i + 2] ?? -1, onMs: (bytes[i + 3] ?? 0) * 2, offMs: (bytes[i + 4] ?? 0) * 2 });
      i += 5;
      continue;
    }
    if (byte === GS && next === 0x56) { // GS V m, and n after m = 65/66
      const m = bytes[i + 2] ?? 0;
      events.push({ kind: 'cut' });
      i += m >= 65 ? 4 : 3;
      continue;
    }
    const fixed = FIXED[`${byte},${next}`];
    if (!fixed) throw new Error(`unknown command ${byte.toString(16)} ${next.toString(16)} at ${i}`);
    events.push({ kind: 'setting', command: fixed[0] });
    i += 2 + fixed[1];
  }
  if (text.length > 0) flush();
  return events;
}
