// A QR code as SVG, drawn from the kit's matrix (quiet zone included).
import { useMemo } from 'preact/hooks';
import { qrMatrix, qrSvgPath } from '../kit/qr.ts';

export function QrCode({ text, label }: { text: string; label: string }) {
  const { d, viewBox } = useMemo(() => qrSvgPath(qrMatrix(text)), [text]);
  return (
    <svg class="qr" viewBox={viewBox} role="img" aria-label={label} shape-rendering="crispEdges">
      <rect width="100%" height="100%" fill="#fff" />
      <path d={d} fill="#000" />
    </svg>
  );
}
