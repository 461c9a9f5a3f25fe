// A QR code as SVG, from the kit's matrix: one path of dark modules, a quiet zone of four.
import { useMemo } from 'preact/hooks';
import { qrMatrix } from '../app/kit.ts';

export function QrCode({ text, label }: { text: string; label: string }) {
  const { size, path } = useMemo(() => {
    const matrix = qrMatrix(text);
    let d = '';
    for (let y = 0; y < matrix.size; y++) for (let x = 0; x < matrix.size; x++) if (matrix.dark(x, y)) d += `M${x + 4} ${y + 4}h1v1h-1z`;
    return { size: matrix.size + 8, path: d };
  }, [text]);
  return (
    <svg class="qr" viewBox={`0 0 ${size} ${size}`} role="img" aria-label={label} shape-rendering="crispEdges">
      <rect width={size} height={size} fill="#fff" />
      <path d={path} fill="#000" />
    </svg>
  );
}
