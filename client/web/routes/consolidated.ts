// A directive's consolidated report: indicator values of accepted reports summed across units and
// cycles, as a page, a CSV file and a DOCX report.
import type { FastifyPluginAsync, preHandlerAsyncHookHandler } from 'fastify';
import { consolidate, consolidatedDocument, type Consolidated } from '../../../domain/consolidate';
import { formatNumber, localDateAt } from '../../../domain/format';
import { directiveWithSpec, type DirectiveHeader } from '../../../db/directives';
import { acceptedReportValues, reportingUnits } from '../../../db/reports';
import { sendStaffPage } from '../views/staff';
import { renderDocx } from '../views/docx';
import { AppError } from '../errors';
import type { StaffDeps } from '../deps';
import { sendCsv } from '../csv';
import { staffContext } from './auth';
import { DirectiveRefSchema, parseInput } from './staff-schemas';
import type { Pool } from 'pg';

/** Reads a directive and its accepted reports, and sums them. */
export async function consolidatedOf(pool: Pool, number: string): Promise<{ d: DirectiveHeader; r: Consolidated }> {
  const d = await directiveWithSpec(pool, number);
  if (!d) throw new AppError('NOT_FOUND', `so: no directive ${number}`);
  const [accepted, expected] = await Promise.all([acceptedReportValues(pool, number), reportingUnits(pool, number)]);
  return { d, r: consolidate(d.spec.tasks, accepted, expected) };
}

const CSV_WORDS = {
  vi: {
    unitCode: 'Mã đơn vị',
    unitName: 'Tên đơn vị',
    reported: 'Đã báo cáo',
    yes: 'có',
    no: 'chưa báo cáo',
    total: 'Tổng cộng',
  },
  en: {
    unitCode: 'Unit code',
    unitName: 'Unit name',
    reported: 'Reported',
    yes: 'yes',
    no: 'not reported',
    total: 'Total',
  },
};

export const consolidatedRoutes: FastifyPluginAsync<StaffDeps & { guard: preHandlerAsyncHookHandler }> = async (
  app,
  deps,
) => {
  app.get('/van-ban/tong-hop', { preHandler: deps.guard }, async (req, reply) => {
    const ctx = staffContext(req, reply, deps);
    const { d, r } = await consolidatedOf(deps.pool, parseInput(DirectiveRefSchema, req.query).so);
    return sendStaffPage(reply, ctx, 'consolidated', { d, r, n: (v: number) => formatNumber(v, ctx.lang) });
  });

  // A unit that has not reported has empty cells and says so: a 0 is only ever a 0 it reported.
  app.get('/van-ban/tong-hop.csv', { preHandler: deps.guard }, async (req, reply) => {
    const { lang } = staffContext(req, reply, deps);
    const w = CSV_WORDS[lang];
    const { d, r } = await consolidatedOf(deps.pool, parseInput(DirectiveRefSchema, req.query).so);
    const rows = [
      [w.unitCode, w.unitName, w.reported, ...r.indicators.map((i) => `${i.name} (${i.unit})`)],
      ...r.byUnit.map((u) => [u.unit, u.unitName, w.yes, ...r.indicators.map((i) => u.values[i.code] ?? '')]),
      ...r.notReported.map((u) => [u.unit, u.unitName, w.no, ...r.indicators.map(() => '')]),
      [w.total, '', '', ...r.indicators.map((i) => i.total)],
    ];
    return sendCsv(reply, `tong-hop-${d.number.replace(/[^A-Za-z0-9]+/g, '-')}.csv`, rows);
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
