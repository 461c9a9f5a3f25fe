// The sales charts as plain SVG: columns per hour, bars per payment method. Each chart is an
// image whose label reads its figures; the screen shows the same figures in a table.
import type { Bar } from '../../kit/sales-chart.ts';
import { formatAmount, formatRupiah } from '../../kit/money.ts';

const figures = (bars: readonly Bar[], name: (bar: Bar) => string) =>
  bars.filter((bar) => bar.value !== 0).map((bar) => `${name(bar)} ${formatRupiah(bar.value)}`).join(', ');

/** One column per hour, the hour under it (every other one labelled when there are many). */
export function ColumnChart({ title, bars }: { title: string; bars: readonly Bar[] }) {
  const width = 36;
  const height = 160;
  const every = bars.length > 16 ? 2 : 1;
  return (
    <svg class="chart" viewBox={`0 0 ${bars.length * width} ${height + 24}`} role="img" aria-label={`${title}: ${figures(bars, (bar) => bar.key) || formatRupiah(0)}`}>
      {bars.map((bar, index) => {
        const tall = Math.round(bar.share * height);
        return (
          <g key={bar.key}>
            <rect x={index * width + 5} y={height - tall} width={width - 10} height={tall} class="bar" />
            {index % every === 0 && <text x={index * width + width / 2} y={height + 16} text-anchor="middle">{bar.key.slice(0, 2)}</text>}
          </g>
        );
      })}
      <line x1={0} x2={bars.length * width} y1={height} y2={height} class="axis" />
    </svg>
  );
}

/** One bar per row, its name before it and its amount after it. */
export function BarChart({ title, bars, name }: { title: string; bars: readonly Bar[]; name: (bar: Bar) => string }) {
  const row = 28;
  const labelWidth = 235;
  const barWidth = 220;
  return (
    <svg class="chart" viewBox={`0 0 ${labelWidth + barWidth + 90} ${Math.max(1, bars.length) * row}`} role="img"
      aria-label={`${title}: ${figures(bars, name) || formatRupiah(0)}`}>
      {bars.map((bar, index) => (
        <g key={bar.key}>
          <text x={labelWidth - 8} y={index * row + 19} text-anchor="end">{name(bar)}</text>
          <rect x={labelWidth} y={index * row + 5} width={Math.max(1, Math.round(bar.share * barWidth))} height={row - 10} class="bar" />
          <text x={labelWidth + Math.round(bar.share * barWidth) + 8} y={index * row + 19}>{formatAmount(bar.value)}</text>
        </g>
      ))}
    </svg>
  );
}
