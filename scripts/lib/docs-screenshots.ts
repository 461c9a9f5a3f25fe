// The README's screenshots (run by scripts/docs-screenshots.sh, which sets the environment):
// one traced cash checkout, then in headless Chromium its trace in Zipkin's UI, every span
// shown, and Prometheus' graphs of the apps' rate, errors and p95 (RED); and the till's screens
// (till-screenshots.ts).
//   node scripts/lib/docs-screenshots.ts OUT_DIR [observability] [till]
// writes OUT_DIR/checkout-trace.png and OUT_DIR/red-graphs.png (observability), and
// OUT_DIR/till-*.png (till); both when neither is named.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Page } from 'playwright-core';
import { sampleCheckout } from './sample-checkout.ts';
import { tillScreenshots } from './till-screenshots.ts';

const [outDir, ...named] = process.argv.slice(2);
if (!outDir || named.some((set) => set !== 'observability' && set !== 'till')) throw new Error('usage: node scripts/lib/docs-screenshots.ts OUT_DIR [observability] [till]');
const wanted = (set: string) => named.length === 0 || named.includes(set);
const zipkin = `http://127.0.0.1:${Number(process.env.ZIPKIN_PORT)}`;
const prometheus = `http://127.0.0.1:${Number(process.env.POS_PROMETHEUS_PORT)}`;

/** Per app, summed over its routes: requests/s, 5xx/s, p95 seconds (the recording rules of red.yml). */
const RED_QUERIES = [
  'sum by (app) (rate(http_requests_total[1m]))',
  'sum by (app) (rate(http_request_errors_total[1m]))',
  'histogram_quantile(0.95, sum by (app, le) (rate(http_request_duration_seconds_bucket[1m])))',
];

/** Waits until Zipkin holds the trace with spans of every app the checkout reaches, and no
 * more arrive (the apps and sidecars send theirs in batches, seconds apart). */
async function waitForTrace(traceId: string): Promise<number> {
  const deadline = Date.now() + 60_000;
  let seen = -1;
  for (;;) {
    const response = await fetch(`${zipkin}/api/v2/trace/${traceId}`);
    const spans = response.ok ? await response.json() as { localEndpoint?: { serviceName?: string } }[] : [];
    const services = new Set(spans.map((span) => span.localEndpoint?.serviceName));
    const whole = ['order', 'product', 'inventory', 'product-query'].every((app) => services.has(app));
    if (whole && spans.length === seen) return spans.length;
    if (Date.now() > deadline) throw new Error(`Zipkin holds ${spans.length} spans of trace ${traceId}, not yet every app's`);
    seen = spans.length;
    await new Promise((resolve) => setTimeout(resolve, 6000));
  }
}

/** Zipkin's page of the trace, every span's row on it: the page scrolls inside itself, so the
 * window is made as tall as the span tree; the span detail panel is closed to widen the timeline. */
async function traceShot(page: Page, traceId: string, spans: number, file: string): Promise<void> {
  await page.setViewportSize({ width: 1600, height: 320 + 30 * spans });
  await page.goto(`${zipkin}/zipkin/traces/${traceId}`, { waitUntil: 'networkidle' });
  await page.getByText('post /orders', { exact: false }).first().waitFor();
  await page.getByTitle('Close span detail').click();
  await page.screenshot({ path: file });
}

/** Prometheus' classic graph page, one graph per query over the last 30 minutes. */
async function redShot(page: Page, file: string): Promise<void> {
  const params = new URLSearchParams();
  RED_QUERIES.forEach((expr, index) => {
    params.set(`g${index}.expr`, expr);
    params.set(`g${index}.tab`, '0'); // the graph, not the table
    params.set(`g${index}.range_input`, '30m');
  });
  await page.setViewportSize({ width: 1600, height: 1000 });
  await page.goto(`${prometheus}/graph?${params}`, { waitUntil: 'networkidle' });
  // Each graph (Rickshaw, SVG) gets its legend once its data is drawn.
  await page.locator('.legend').nth(RED_QUERIES.length - 1).waitFor();
  // The navigation bar is fixed: in a full-page shot it would cover the middle graph.
  await page.addStyleTag({ content: '.navbar { position: static !important; } body { padding-top: 0 !important; }' });
  await page.screenshot({ path: file, fullPage: true });
}

mkdirSync(outDir, { recursive: true });
// No background traffic: this machine's network is closed, and Chromium would keep retrying.
// Playwright starts it with a fresh profile of its own (a --user-data-dir is refused here).
const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
    '--disable-component-update', '--disable-sync'],
});
try {
  if (wanted('observability')) {
    const checkout = await sampleCheckout();
    const spans = await waitForTrace(checkout.traceId);
    console.log(`checkout ${checkout.orderId}: trace ${checkout.traceId}, ${spans} spans`);
    const page = await browser.newPage();
    await traceShot(page, checkout.traceId, spans, join(outDir, 'checkout-trace.png'));
    await redShot(page, join(outDir, 'red-graphs.png'));
    await page.close();
    console.log(`wrote ${join(outDir, 'checkout-trace.png')} and ${join(outDir, 'red-graphs.png')}`);
  }
  if (wanted('till')) console.log(`wrote ${(await tillScreenshots(browser, outDir)).join(', ')}`);
} finally {
  await browser.close();
}
