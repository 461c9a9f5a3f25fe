// The day's sales (order's daily report): the figures, a chart per hour and per payment method
// (each with its table), the money per method in and out, and the sales per cashier.
import { useState } from 'preact/hooks';
import { formatRupiah } from '../../kit/money.ts';
import { busiestHour, hourBars, methodBars } from '../../kit/sales-chart.ts';
import { shopDay } from '../../kit/tax.ts';
import { t } from '../../app/i18n.ts';
import { dailyReport, type DailyReport } from '../../app/office.ts';
import { SHOP_TIME_ZONE } from '../../app/settings.ts';
import { BarChart, ColumnChart } from './bar-chart.tsx';
import { methodName, useLoad } from './load.ts';

function Figures({ report }: { report: DailyReport }) {
  return (
    <dl class="figures">
      <div><dt>{t('sales.total')}</dt><dd data-testid="sales-total">{formatRupiah(report.total)}</dd></div>
      <div><dt>{t('sales.orders')}</dt><dd>{report.orders}</dd></div>
      <div><dt>{t('sales.cancellations')}</dt><dd>{report.cancellations}</dd></div>
      <div><dt>{t('sales.returns')}</dt><dd>{report.returns.count} · {formatRupiah(report.returns.total)}</dd></div>
      <div><dt>{t('sales.offline')}</dt><dd>{report.offline.count}</dd></div>
    </dl>
  );
}

function PerHour({ report }: { report: DailyReport }) {
  const bars = hourBars(report.byHour);
  const busiest = busiestHour(bars);
  return (
    <section aria-labelledby="per-hour">
      <h2 id="per-hour">{t('sales.byHour')}</h2>
      <ColumnChart title={t('sales.byHour')} bars={bars} />
      {busiest && <p>{t('sales.busiest', { hour: busiest.key, amount: formatRupiah(busiest.value) })}</p>}
      <table class="figures-table">
        <thead><tr><th scope="col">{t('sales.hour')}</th><th scope="col" class="num">{t('sales.orders')}</th><th scope="col" class="num">{t('sales.amount')}</th></tr></thead>
        <tbody>{bars.filter((bar) => bar.count > 0).map((bar) => (
          <tr key={bar.key}><th scope="row">{bar.key}</th><td class="num">{bar.count}</td><td class="num">{formatRupiah(bar.value)}</td></tr>
        ))}</tbody>
      </table>
    </section>
  );
}

function PerMethod({ report }: { report: DailyReport }) {
  const bars = methodBars(report.byMethod);
  return (
    <section aria-labelledby="per-method">
      <h2 id="per-method">{t('sales.byMethod')}</h2>
      {bars.length > 0 && <BarChart title={t('sales.byMethod')} bars={bars} name={(bar) => methodName(bar.key)} />}
      <table class="figures-table">
        <thead><tr><th scope="col">{t('sales.method')}</th><th scope="col" class="num">{t('sales.count')}</th><th scope="col" class="num">{t('sales.amount')}</th></tr></thead>
        <tbody>{bars.map((bar) => (
          <tr key={bar.key}><th scope="row">{methodName(bar.key)}</th><td class="num">{bar.count}</td><td class="num">{formatRupiah(bar.value)}</td></tr>
        ))}</tbody>
      </table>
    </section>
  );
}

function Money({ report }: { report: DailyReport }) {
  if (report.money.length === 0) return null;
  return (
    <section aria-labelledby="money">
      <h2 id="money">{t('sales.money')}</h2>
      <table class="figures-table">
        <thead><tr><th scope="col">{t('sales.method')}</th><th scope="col" class="num">{t('sales.taken')}</th><th scope="col" class="num">{t('sales.refunded')}</th><th scope="col" class="num">{t('sales.net')}</th></tr></thead>
        <tbody>{report.money.map((row) => (
          <tr key={row.method}><th scope="row">{methodName(row.method)}</th><td class="num">{formatRupiah(row.taken)}</td><td class="num">{formatRupiah(row.refunded)}</td><td class="num">{formatRupiah(row.net)}</td></tr>
        ))}</tbody>
      </table>
    </section>
  );
}

function PerCashier({ report }: { report: DailyReport }) {
  if (report.byCashier.length === 0) return null;
  return (
    <section aria-labelledby="per-cashier">
      <h2 id="per-cashier">{t('sales.byCashier')}</h2>
      <table class="figures-table">
        <thead><tr><th scope="col">{t('sales.cashier')}</th><th scope="col" class="num">{t('sales.orders')}</th><th scope="col" class="num">{t('sales.amount')}</th></tr></thead>
        <tbody>{report.byCashier.map((row) => (
          <tr key={row.cashierId}><th scope="row">{row.cashierName}</th><td class="num">{row.orders}</td><td class="num">{formatRupiah(row.total)}</td></tr>
        ))}</tbody>
      </table>
    </section>
  );
}

export function SalesScreen() {
  const today = shopDay(new Date(), SHOP_TIME_ZONE);
  const [date, setDate] = useState(today);
  const { data, error, reload } = useLoad(() => dailyReport(date), date);
  return (
    <div class="office-sales">
      <div class="actions">
        <label class="field inline"><span>{t('sales.date')}</span>
          <input type="date" value={date} max={today} onChange={(event) => { if (event.currentTarget.value) setDate(event.currentTarget.value); }} /></label>
        <button type="button" onClick={reload}>{t('office.refresh')}</button>
      </div>
      {error && <p class="error" role="alert">{error}</p>}
      {data && (
        <>
          <Figures report={data} />
          {data.orders === 0 && <p class="hint">{t('sales.nothing')}</p>}
          <div class="charts"><PerHour report={data} /><PerMethod report={data} /></div>
          <Money report={data} />
          <PerCashier report={data} />
        </>
      )}
    </div>
  );
}
