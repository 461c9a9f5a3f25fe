// Monospaced receipt layout: rows of a label and an amount, the amount never cut or wrapped
// (a receipt with a clipped total is worse than none); labels wrap at spaces instead.

/** `text` in lines of at most `width`, broken at spaces, a word longer than a line split. */
export function wrap(text: string, width: number): string[] {
  const lines: string[] = [];
  let current = '';
  for (const word of text.split(/\s+/).filter(Boolean)) {
    const pieces = word.match(new RegExp(`.{1,${width}}`, 'gu')) ?? [];
    for (const piece of pieces) {
      if (current === '') current = piece;
      else if (current.length + 1 + piece.length <= width) current = `${current} ${piece}`;
      else {
        lines.push(current);
        current = piece;
      }
    }
  }
  return current === '' ? [''] : [...lines, current];
}

/** `left` and `right` on one line, `right` flush right; a long `left` wraps beside it (an indent kept). */
export function row(left: string, right: string, columns: number): string[] {
  const indent = /^ */.exec(left)?.[0] ?? '';
  if (right.length + 1 + indent.length >= columns) return [...wrap(left, columns).map((line) => indent + line), right.padStart(columns)];
  const room = columns - right.length - 1;
  const [first = '', ...rest] = wrap(left, room - indent.length).map((line) => indent + line);
  return [`${first.padEnd(room)} ${right}`, ...rest];
}

export const centred = (text: string, columns: number): string[] =>
  wrap(text, columns).map((line) => ' '.repeat(Math.floor((columns - line.length) / 2)) + line);

export const rule = (columns: number): string => '-'.repeat(columns);
