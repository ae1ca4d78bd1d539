// A directive's consolidated report: indicator values of accepted reports summed across units and
// cycles, as a page, a CSV file and a DOCX report.
import type { FastifyPluginAsync, preHandlerAsyncHookHandler } from 'fastify';
import { stringify } from 'csv-stringify/sync';
import { consolidate, consolidatedDocument, type Consolidated } from '../../../domain/consolidate';
import { formatNumber, localDateAt } from '../../../domain/format';
import type { Directive } from '../../../domain/schemas';
import { eta } from '../views/layout';
import { staffPage } from '../views/staff';
import { renderDocx } from '../views/docx';
import { AppError } from '../errors';
import { staffContext, type StaffDeps } from './auth';
import { DirectiveRefSchema, parseInput } from './staff-schemas';
import type { Pool } from 'pg';

const PAGE = `<h1><%= it.vi ? 'Báo cáo tổng hợp' : 'Consolidated report' %>: <%= it.d.number %></h1>
<p class="muted"><%= it.d.title %> · <%= it.r.reports %> <%= it.vi ? 'báo cáo đã chấp nhận' : 'accepted reports' %> ·
<a id="csv" href="/van-ban/tong-hop.csv?so=<%= encodeURIComponent(it.d.number) %>">CSV</a> · <a id="docx" href="/van-ban/tong-hop.docx?so=<%= encodeURIComponent(it.d.number) %>">DOCX</a></p>
<table id="totals"><thead><tr><th><%= it.vi ? 'Chỉ tiêu' : 'Indicator' %></th><th><%= it.vi ? 'Tổng' : 'Total' %></th><th><%= it.vi ? 'Mục tiêu' : 'Target' %></th></tr></thead><tbody>
<% it.r.indicators.forEach(function (i) { %><tr data-code="<%= i.code %>"><td><%= i.name %> (<%= i.unit %>)</td><td class="num"><%= it.n(i.total) %></td><td class="num"><%= i.target === undefined ? '—' : it.n(i.target) %></td></tr><% }) %>
</tbody></table>
<h2><%= it.vi ? 'Theo đơn vị' : 'By unit' %></h2>
<table id="by-unit"><thead><tr><th><%= it.vi ? 'Đơn vị' : 'Unit' %></th><% it.r.indicators.forEach(function (i) { %><th><%= i.name %></th><% }) %></tr></thead><tbody>
<% it.r.byUnit.forEach(function (u) { %><tr><td><%= u.unitName %></td><% it.r.indicators.forEach(function (i) { %><td class="num"><%= it.n(u.values[i.code] || 0) %></td><% }) %></tr><% }) %>
</tbody></table>
<% if (it.r.byCycle.length > 1) { %><h2><%= it.vi ? 'Theo kỳ báo cáo' : 'By reporting cycle' %></h2>
<table id="by-cycle"><thead><tr><th><%= it.vi ? 'Kỳ' : 'Cycle' %></th><% it.r.indicators.forEach(function (i) { %><th><%= i.name %></th><% }) %></tr></thead><tbody>
<% it.r.byCycle.forEach(function (c) { %><tr><td><%= c.cycle %></td><% it.r.indicators.forEach(function (i) { %><td class="num"><%= it.n(c.values[i.code] || 0) %></td><% }) %></tr><% }) %>
</tbody></table><% } %>`;

interface DirectiveRow {
  number: string;
  title: string;
  issuer: string;
  issued_on: string;
  spec: Directive;
}

/** Reads a directive and its accepted reports, and sums them. */
export async function consolidatedOf(pool: Pool, number: string): Promise<{ d: DirectiveRow; r: Consolidated }> {
  const { rows } = await pool.query('SELECT number, title, issuer, issued_on, spec FROM directives WHERE number = $1', [
    number,
  ]);
  if (!rows[0]) throw new AppError('NOT_FOUND', `so: no directive ${number}`);
  const reports = await pool.query(
    `SELECT t.unit_code, coalesce(u.name, t.unit_code) AS unit_name, t.cycle, r.indicators
     FROM tasks t JOIN reports r ON r.task_workflow_id = t.workflow_id LEFT JOIN units u ON u.code = t.unit_code
     WHERE t.directive_number = $1 AND r.review = 'accepted'`,
    [number],
  );
  const d = rows[0] as DirectiveRow;
  return {
    d,
    r: consolidate(
      d.spec.tasks,
      reports.rows.map((x) => ({ unit: x.unit_code, unitName: x.unit_name, cycle: x.cycle, values: x.indicators })),
    ),
  };
}

export const consolidatedRoutes: FastifyPluginAsync<StaffDeps & { guard: preHandlerAsyncHookHandler }> = async (
  app,
  deps,
) => {
  app.get('/van-ban/tong-hop', { preHandler: deps.guard }, async (req, reply) => {
    const ctx = staffContext(req, reply, deps);
    const { d, r } = await consolidatedOf(deps.pool, parseInput(DirectiveRefSchema, req.query).so);
    const body = eta.renderString(PAGE, { vi: ctx.lang === 'vi', d, r, n: (v: number) => formatNumber(v, ctx.lang) });
    return reply.type('text/html; charset=utf-8').send(staffPage(ctx, d.number, body));
  });

  app.get('/van-ban/tong-hop.csv', { preHandler: deps.guard }, async (req, reply) => {
    const { d, r } = await consolidatedOf(deps.pool, parseInput(DirectiveRefSchema, req.query).so);
    const rows = [
      ['unit_code', 'unit_name', ...r.indicators.map((i) => i.code)],
      ...r.byUnit.map((u) => [u.unit, u.unitName, ...r.indicators.map((i) => u.values[i.code] ?? 0)]),
      ['TOTAL', 'Tổng cộng', ...r.indicators.map((i) => i.total)],
    ];
    return reply
      .header('content-disposition', `attachment; filename="tong-hop-${d.number.replace(/[^A-Za-z0-9]+/g, '-')}.csv"`)
      .type('text/csv; charset=utf-8')
      .send('\ufeff' + stringify(rows));
  });

  app.get('/van-ban/tong-hop.docx', { preHandler: deps.guard }, async (req, reply) => {
    const { d, r } = await consolidatedOf(deps.pool, parseInput(DirectiveRefSchema, req.query).so);
    const doc = consolidatedDocument({
      directive: { number: d.number, title: d.title, issuer: d.issuer, issuedOn: d.issued_on },
      date: localDateAt(Date.now()),
      result: r,
    });
    return reply
      .header('content-disposition', `attachment; filename="tong-hop-${d.number.replace(/[^A-Za-z0-9]+/g, '-')}.docx"`)
      .type('application/vnd.openxmlformats-officedocument.wordprocessingml.document')
      .send(await renderDocx(doc));
  });
};
