// The supervisor's pages: the overdue board (buckets, filtered list, charts, CSV) and the monthly
// overview in the shape of the Government's task-tracking reports.
import type { FastifyPluginAsync } from 'fastify';
import { stringify } from 'csv-stringify/sync';
import { vietnamCalendar } from '../../../domain/calendar';
import {
  BUCKETS,
  monthOf,
  overdueShare,
  previousMonth,
  totalOf,
  emptyCounts,
  type BucketCounts,
} from '../../../domain/board';
import { BOARD_BUCKET_LABELS } from '../../../domain/status';
import {
  formatDateShortVi,
  formatDateTime,
  formatDate,
  formatNumber,
  localDateAt,
  type Lang,
} from '../../../domain/format';
import { createBoardQueries, monthEndInstant, type OverdueItem } from '../../../db/board-queries';
import { eta } from '../views/layout';
import { queryOf, staffPage } from '../views/staff';
import { BOARD, BOARD_WORDS, MONTH, MONTH_WORDS } from '../views/board';
import { requireRole, staffContext, type StaffDeps } from './auth';
import { BoardQuerySchema, MonthQuerySchema, parseInput, type BoardQuery } from './staff-schemas';
import { reminderDispatchRoutes } from './reminder-dispatch';
import { treeRoutes } from './tree';

const PAGE = 50;
const CSV_LIMIT = 100_000;

const filterOf = (q: BoardQuery) => ({ directive: q.directive, unit: q.unit, level: q.level, minDaysOverdue: q.days });

export const bucketList = (c: BucketCounts, lang: Lang) =>
  BUCKETS.map((key) => ({ key, n: c[key], label: BOARD_BUCKET_LABELS[key][lang] }));

const describeItem = (i: OverdueItem, lang: Lang) => ({
  ...i,
  deadlineText: lang === 'vi' ? formatDateShortVi(i.deadline) : formatDate(i.deadline, 'en'),
  lastChase: i.lastChaseAt ? formatDateTime(i.lastChaseAt.getTime(), lang) : '—',
});

export const boardRoutes: FastifyPluginAsync<StaffDeps> = async (app, deps) => {
  const calendar = vietnamCalendar();
  const board = createBoardQueries(deps.pool, calendar);
  const guard = requireRole(deps.users, ['supervisor', 'admin']);

  app.get('/giam-sat', { preHandler: guard }, async (req, reply) => {
    const ctx = staffContext(req, reply, deps);
    const q = parseInput(BoardQuerySchema, req.query);
    const now = Date.now();
    const page = q.page ?? 1;
    const scope = { directive: q.directive, unit: q.unit };
    const [counts, list, byUnit, trend, directives, units] = await Promise.all([
      board.counts(scope, now),
      board.overdue(filterOf(q), now, { limit: PAGE, offset: (page - 1) * PAGE }),
      board.overdueByUnit(scope, now),
      board.weeklyTrend(scope, now),
      deps.pool.query('SELECT number, title FROM directives ORDER BY launched_at DESC LIMIT 500'),
      deps.pool.query('SELECT code, name FROM units ORDER BY name'),
    ]);
    const t = BOARD_WORDS[ctx.lang];
    const keep = { directive: q.directive, unit: q.unit, level: q.level, days: q.days };
    const chart = {
      units: { label: t.byUnit, labels: byUnit.map((u) => u.unitName), values: byUnit.map((u) => u.n) },
      trend: {
        labels: trend.map((w) => formatDateShortVi(w.week).slice(0, 5)),
        series: BUCKETS.map((key) => ({
          key,
          label: BOARD_BUCKET_LABELS[key][ctx.lang],
          values: trend.map((w) => w[key]),
        })),
      },
    };
    const body = eta.renderString(BOARD, {
      t,
      f: { ...keep },
      csrf: ctx.csrf,
      buckets: bucketList(counts, ctx.lang),
      share: `${formatNumber(overdueShare(counts), ctx.lang)}%`,
      total: totalOf(counts),
      directives: directives.rows,
      units: units.rows,
      items: list.items.map((i) => describeItem(i, ctx.lang)),
      count: list.total,
      capped: list.capped,
      query: queryOf(keep),
      chartJson: JSON.stringify(chart).replace(/</g, '\\u003c'),
      prev: page > 1 ? `/giam-sat${queryOf({ ...keep, page: page - 1 })}` : undefined,
      next: page * PAGE < list.total ? `/giam-sat${queryOf({ ...keep, page: page + 1 })}` : undefined,
    });
    return reply
      .header('cache-control', 'no-store')
      .type('text/html; charset=utf-8')
      .send(staffPage(ctx, t.title, body));
  });

  app.get('/giam-sat/qua-han.csv', { preHandler: guard }, async (req, reply) => {
    const q = parseInput(BoardQuerySchema, req.query);
    const { items } = await board.overdue(filterOf(q), Date.now(), { limit: CSV_LIMIT, offset: 0 });
    const header = [
      'directive',
      'unit_code',
      'unit_name',
      'task',
      'deadline',
      'original_deadline',
      'working_days_overdue',
      'escalation_level',
      'last_chase_at',
      'state',
      'extension_pending',
      'task_id',
    ];
    const rows = items.map((i) => [
      i.directive,
      i.unit,
      i.unitName,
      i.title,
      i.deadline,
      i.originalDeadline,
      i.daysOverdue,
      i.escalationLevel,
      i.lastChaseAt?.toISOString() ?? '',
      i.state,
      i.extensionPending ? 'yes' : 'no',
      i.workflowId,
    ]);
    // The byte order mark lets spreadsheet programs read the Vietnamese letters as UTF-8.
    return reply
      .header('content-disposition', `attachment; filename="qua-han-${localDateAt(Date.now())}.csv"`)
      .header('cache-control', 'no-store')
      .type('text/csv; charset=utf-8')
      .send('\ufeff' + stringify([header, ...rows]));
  });

  app.get('/giam-sat/thang', { preHandler: guard }, async (req, reply) => {
    const ctx = staffContext(req, reply, deps);
    const q = parseInput(MonthQuerySchema, req.query);
    const now = Date.now();
    const month = monthOf(q.month ?? localDateAt(now).slice(0, 7));
    const prev = previousMonth(month);
    const at = monthEndInstant(month.last, now);
    const scope = { directive: q.directive };
    const [rows, before, items] = await Promise.all([
      board.unitsAt(at, scope),
      board.unitsAt(monthEndInstant(prev.last, now), scope),
      board.overdue(scope, at, { limit: 200, offset: 0 }),
    ]);
    const t = MONTH_WORDS[ctx.lang];
    const shareBefore = new Map(before.map((r) => [r.unit, overdueShare(r)]));
    const pct = (n: number) => formatNumber(n, ctx.lang);
    const change = (share: number, was: number | undefined) =>
      was === undefined ? '—' : `${share - was >= 0 ? '+' : ''}${pct(Math.round((share - was) * 10) / 10)} ${t.points}`;
    const sum = rows.reduce(
      (s, r) => ({
        done_on_time: s.done_on_time + r.done_on_time,
        done_late: s.done_late + r.done_late,
        in_progress: s.in_progress + r.in_progress,
        overdue: s.overdue + r.overdue,
      }),
      emptyCounts(),
    );
    const sumBefore = before.reduce(
      (s, r) => ({
        done_on_time: s.done_on_time + r.done_on_time,
        done_late: s.done_late + r.done_late,
        in_progress: s.in_progress + r.in_progress,
        overdue: s.overdue + r.overdue,
      }),
      emptyCounts(),
    );
    const body = eta.renderString(MONTH, {
      t,
      month: month.key,
      directive: q.directive ?? '',
      monthText: ctx.lang === 'vi' ? `${Number(month.key.slice(5))}/${month.key.slice(0, 4)}` : month.key,
      asOf: formatDateTime(at, ctx.lang),
      rows: rows.map((r) => ({
        ...r,
        total: totalOf(r),
        share: pct(overdueShare(r)),
        change: change(overdueShare(r), shareBefore.get(r.unit)),
      })),
      sum: {
        ...sum,
        total: totalOf(sum),
        share: pct(overdueShare(sum)),
        change: totalOf(sumBefore) ? change(overdueShare(sum), overdueShare(sumBefore)) : '—',
      },
      items: items.items.map((i) => describeItem(i, ctx.lang)),
    });
    return reply
      .header('cache-control', 'no-store')
      .type('text/html; charset=utf-8')
      .send(staffPage(ctx, t.title, body));
  });

  await app.register(reminderDispatchRoutes, { ...deps, board, guard });
  await app.register(treeRoutes, deps);
};
