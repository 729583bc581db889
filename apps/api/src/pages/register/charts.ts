import * as echarts from 'echarts';
import { OUTCOMES, type Outcome, type Trends } from '#libs/register';

export const OUTCOME_LABELS: Record<Outcome, string> = {
  reported: 'Reported to the ICO',
  'to-report': 'To report (not yet sent)',
  'not-reported': 'Not reported',
  'not-a-breach': 'Not a breach',
  undecided: 'Undecided',
};

/** Colour-blind-safe (Okabe–Ito) colours, one per outcome. */
const OUTCOME_COLOURS: Record<Outcome, string> = {
  reported: '#0072b2',
  'to-report': '#e69f00',
  'not-reported': '#009e73',
  'not-a-breach': '#999999',
  undecided: '#cc79a7',
};

const escapeHtml = (s: string): string =>
  s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

/**
 * Draws a chart on the server as SVG. The SVG is made by ECharts from numbers and fixed labels
 * (which ECharts escapes); it is named for assistive technology with role="img" and an aria-label.
 */
export function renderChart(option: echarts.EChartsOption, label: string): string {
  const chart = echarts.init(null, null, { renderer: 'svg', ssr: true, width: 640, height: 320 });
  try {
    chart.setOption({ animation: false, textStyle: { fontFamily: 'Arial, sans-serif' }, ...option });
    return chart.renderToSVGString().replace(/^<svg\b/, `<svg role="img" aria-label="${escapeHtml(label)}"`);
  } finally {
    chart.dispose();
  }
}

const MONTH_NAMES = new Intl.DateTimeFormat('en-GB', { month: 'short', year: 'numeric', timeZone: 'UTC' });

/** "2026-11" → "Nov 2026". */
export const monthLabel = (month: string): string => MONTH_NAMES.format(new Date(`${month}-01T00:00:00Z`));

export function monthlyChart(trends: Trends): string {
  return renderChart(
    {
      legend: { top: 0, type: 'scroll' },
      grid: { left: 40, right: 10, top: 40, bottom: 40 },
      xAxis: { type: 'category', data: trends.byMonth.map((m) => monthLabel(m.month)) },
      yAxis: { type: 'value', minInterval: 1 },
      series: OUTCOMES.map((o) => ({
        name: OUTCOME_LABELS[o],
        type: 'bar' as const,
        stack: 'incidents',
        itemStyle: { color: OUTCOME_COLOURS[o] },
        data: trends.byMonth.map((m) => m[o]),
      })),
    },
    'Bar chart: incidents reported each month, stacked by outcome. The same numbers are in the table beside it.',
  );
}

export function icoChart(trends: Trends): string {
  return renderChart(
    {
      grid: { left: 40, right: 10, top: 20, bottom: 40 },
      xAxis: { type: 'category', data: ['Within 72 hours', 'Late'] },
      yAxis: { type: 'value', minInterval: 1 },
      series: [
        {
          type: 'bar',
          data: [
            { value: trends.ico.within72h, itemStyle: { color: '#0072b2' } },
            { value: trends.ico.late, itemStyle: { color: '#d55e00' } },
          ],
          label: { show: true, position: 'top' },
        },
      ],
    },
    'Bar chart: incidents told to the ICO within 72 hours and late. The same numbers are in the table beside it.',
  );
}

export const HOURS_LABELS = {
  discoveryToAwareness: 'Discovery to awareness',
  awarenessToDecision: 'Awareness to decision',
  awarenessToIcoSubmission: 'Awareness to ICO report',
} as const;

export function hoursChart(trends: Trends): string {
  const keys = Object.keys(HOURS_LABELS) as (keyof typeof HOURS_LABELS)[];
  const round = (n: number | null) => (n === null ? null : Math.round(n * 10) / 10);
  return renderChart(
    {
      legend: { top: 0 },
      grid: { left: 40, right: 10, top: 40, bottom: 40 },
      xAxis: { type: 'category', data: keys.map((k) => HOURS_LABELS[k]) },
      yAxis: { type: 'value', name: 'hours' },
      series: [
        {
          name: 'Median',
          type: 'bar',
          itemStyle: { color: '#0072b2' },
          data: keys.map((k) => round(trends.hours[k].median)),
        },
        {
          name: '90th percentile',
          type: 'bar',
          itemStyle: { color: '#e69f00' },
          data: keys.map((k) => round(trends.hours[k].p90)),
        },
      ],
    },
    'Bar chart: median and 90th percentile hours to awareness, to a decision and to the ICO report. The same numbers are in the table beside it.',
  );
}

export function rootCauseChart(trends: Trends, label: (rootCause: string) => string): string {
  const causes = [...trends.byRootCause].reverse();
  return renderChart(
    {
      grid: { left: 160, right: 20, top: 10, bottom: 30 },
      xAxis: { type: 'value', minInterval: 1 },
      yAxis: { type: 'category', data: causes.map((c) => label(c.rootCause)) },
      series: [{ type: 'bar', itemStyle: { color: '#0072b2' }, data: causes.map((c) => c.incidents) }],
    },
    'Bar chart: incidents by root cause. The same numbers are in the table beside it.',
  );
}
