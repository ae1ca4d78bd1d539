// The board's chart script, served at /assets/board-charts.js: it draws the two charts with
// Chart.js (served from our own origin) from the figures the page embeds as JSON. The page reads
// fine without it: every figure is also in its tables. Kept in a module so it ships in dist/.
// Its colours are the pages' own (status-colours.ts).
import { CHART_COLOURS } from './status-colours';

export const BOARD_CHARTS_JS = `(function () {
  var el = document.getElementById('chart-data');
  if (!el || typeof Chart === 'undefined') return;
  var data = JSON.parse(el.textContent);
  var colours = ${JSON.stringify(CHART_COLOURS)};
  var units = document.getElementById('chart-units');
  if (units) {
    new Chart(units, {
      type: 'bar',
      data: { labels: data.units.labels, datasets: [{ label: data.units.label, data: data.units.values, backgroundColor: colours.overdue }] },
      options: { indexAxis: 'y', animation: false, plugins: { legend: { display: false } }, scales: { x: { beginAtZero: true, ticks: { precision: 0 } } } },
    });
  }
  var trend = document.getElementById('chart-trend');
  if (trend) {
    new Chart(trend, {
      type: 'bar',
      data: {
        labels: data.trend.labels,
        datasets: data.trend.series.map(function (s) {
          return { label: s.label, data: s.values, backgroundColor: colours[s.key], stack: 'due' };
        }),
      },
      options: { animation: false, scales: { x: { stacked: true }, y: { stacked: true, beginAtZero: true, ticks: { precision: 0 } } } },
    });
  }
  document.body.setAttribute('data-charts', 'drawn');
})();
`;
