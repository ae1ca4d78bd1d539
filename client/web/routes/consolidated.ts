// A directive's consolidated report: indicator values of accepted reports summed across units and
// cycles, as a page, a CSV file and a DOCX report.
import type { FastifyPluginAsync, preHandlerAsyncHookHandler } from 'fastify';
import { stringify } from 'csv-stringify/sync';
import { consolidate, consolidatedDocument, type Consolidated } from '../../../domain/consolidate';
import { formatNumber, localDateAt } from '../../../domain/format';
import { directiveWithSpec, type DirectiveHeader } from '../../../db/directives';
import { acceptedReportValues } from '../../../db/reports';
import { sendStaffPage } from '../views/staff';
import { renderDocx } from '../views/docx';
import { AppError } from '../errors';
import type { StaffDeps } from '../deps';
import { staffContext } from './auth';
import { DirectiveRefSchema, parseInput } from './staff-schemas';
import type { Pool } from 'pg';

/** Reads a directive and its accepted reports, and sums them. */
export async function consolidatedOf(pool: Pool, number: string): Promise<{ d: DirectiveHeader; r: Consolidated }> {
  const d = await directiveWithSpec(pool, number);
  if (!d) throw new AppError('NOT_FOUND', `so: no directive ${number}`);
  return { d, r: consolidate(d.spec.tasks, await acceptedReportValues(pool, number)) };
}

export const consolidatedRoutes: FastifyPluginAsync<StaffDeps & { guard: preHandlerAsyncHookHandler }> = async (
  app,
  deps,
) => {
  app.get('/van-ban/tong-hop', { preHandler: deps.guard }, async (req, reply) => {
    const ctx = staffContext(req, reply, deps);
    const { d, r } = await consolidatedOf(deps.pool, parseInput(DirectiveRefSchema, req.query).so);
    return sendStaffPage(reply, ctx, 'consolidated', { d, r, n: (v: number) => formatNumber(v, ctx.lang) });
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
