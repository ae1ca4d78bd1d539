// The supervisor's pages: the overdue board (buckets, filtered list, charts, CSV) and the monthly
// overview in the shape of the Government's task-tracking reports.
import type { FastifyPluginAsync } from 'fastify';
import { vietnamCalendar } from '../../../domain/calendar';
import { monthOf, previousMonth } from '../../../domain/board';
import { localDateAt, localDateTimeAt } from '../../../domain/format';
import { STATUS_LABELS } from '../../../domain/status';
import { createBoardQueries, monthEndInstant } from '../../../db/board-queries';
import { directiveChoices } from '../../../db/directives';
import { explanationsAbout } from '../../../db/explanations';
import type { Lang } from '../../../domain/format';
import { latestExplanations } from '../views/explanations';
import { unitChoices } from '../../../db/units';
import { sendStaffPage } from '../views/staff';
import { BOARD_PAGE, boardView, monthView } from '../views/board';
import type { StaffDeps } from '../deps';
import { sendCsv } from '../csv';
import { requireRole, staffContext } from './auth';
import { BoardQuerySchema, MonthQuerySchema, parseInput, type BoardQuery } from './staff-schemas';
import { reminderDispatchRoutes } from './reminder-dispatch';
import { treeRoutes } from './tree';
import { listSealer } from './sealed-lists';

const CSV_LIMIT = 100_000;

const CSV_WORDS = {
  vi: {
    header: [
      'Văn bản',
      'Mã đơn vị',
      'Tên đơn vị',
      'Nhiệm vụ',
      'Thời hạn',
      'Thời hạn ban đầu',
      'Số ngày làm việc quá hạn',
      'Cấp đôn đốc',
      'Đôn đốc gần nhất (giờ Việt Nam)',
      'Tình trạng',
      'Đang xin gia hạn',
      'Mã nhiệm vụ',
    ],
    yes: 'có',
    no: 'không',
  },
  en: {
    header: [
      'Directive',
      'Unit code',
      'Unit name',
      'Task',
      'Deadline',
      'Original deadline',
      'Working days overdue',
      'Escalation level',
      'Last chase (Vietnam time)',
      'State',
      'Extension requested',
      'Task id',
    ],
    yes: 'yes',
    no: 'no',
  },
};

const filterOf = (q: BoardQuery) => ({ directive: q.directive, unit: q.unit, level: q.level, minDaysOverdue: q.days });

/** The latest request for explanation about each listed task. */
const explanationsOf = async (deps: StaffDeps, items: { workflowId: string }[], lang: Lang) =>
  latestExplanations(
    await explanationsAbout(
      deps.pool,
      items.map((i) => i.workflowId),
    ),
    lang,
    Date.now(),
  );

export const boardRoutes: FastifyPluginAsync<StaffDeps> = async (app, deps) => {
  const calendar = vietnamCalendar();
  const board = createBoardQueries(deps.pool, calendar);
  const guard = requireRole(deps.users, ['supervisor', 'admin']);

  app.get('/giam-sat', { preHandler: guard }, async (req, reply) => {
    const ctx = staffContext(req, reply, deps);
    const q = parseInput(BoardQuerySchema, req.query);
    const now = Date.now();
    const scope = { directive: q.directive, unit: q.unit };
    const [counts, list, byUnit, trend, directives, units] = await Promise.all([
      board.counts(scope, now),
      board.overdue(filterOf(q), now, { limit: BOARD_PAGE, offset: ((q.page ?? 1) - 1) * BOARD_PAGE }),
      board.overdueByUnit(scope, now),
      board.weeklyTrend(scope, now),
      directiveChoices(deps.pool),
      unitChoices(deps.pool),
    ]);
    const explanations = await explanationsOf(deps, list.items, ctx.lang);
    const seal = await listSealer(deps.pool, ctx.user.role, ctx.lang);
    const figures = {
      counts,
      list: { ...list, items: seal(list.items, (i) => i.directive) },
      byUnit,
      trend,
      directives: seal(directives, (d) => d.number),
      units,
      explanations,
    };
    return sendStaffPage(reply, ctx, 'board', boardView(q, figures, ctx.lang, ctx.csrf));
  });

  // Headers, states and times in the page's language and Vietnam's clock, as the page shows them.
  app.get('/giam-sat/qua-han.csv', { preHandler: guard }, async (req, reply) => {
    const { lang } = staffContext(req, reply, deps);
    const q = parseInput(BoardQuerySchema, req.query);
    const { items } = await board.overdue(filterOf(q), Date.now(), { limit: CSV_LIMIT, offset: 0 });
    const seal = await listSealer(deps.pool, 'file', lang);
    const w = CSV_WORDS[lang];
    const rows = seal(items, (i) => i.directive).map((i) => [
      i.directive,
      i.unit,
      i.unitName,
      i.title,
      i.deadline,
      i.originalDeadline,
      i.daysOverdue,
      i.escalationLevel,
      i.lastChaseAt ? localDateTimeAt(i.lastChaseAt.getTime()) : '',
      STATUS_LABELS[i.state === 'returned' ? 'returned' : 'overdue'][lang],
      i.extensionPending ? w.yes : w.no,
      i.workflowId,
    ]);
    return sendCsv(reply, `qua-han-${localDateAt(Date.now())}.csv`, [w.header, ...rows]);
  });

  app.get('/giam-sat/thang', { preHandler: guard }, async (req, reply) => {
    const ctx = staffContext(req, reply, deps);
    const q = parseInput(MonthQuerySchema, req.query);
    const now = Date.now();
    const month = monthOf(q.month ?? localDateAt(now).slice(0, 7));
    const at = monthEndInstant(month.last, now);
    const scope = { directive: q.directive };
    const [rows, before, items] = await Promise.all([
      board.unitsAt(at, scope),
      board.unitsAt(monthEndInstant(previousMonth(month).last, now), scope),
      board.overdue(scope, at, { limit: 200, offset: 0 }),
    ]);
    const explanations = await explanationsOf(deps, items.items, ctx.lang);
    const seal = await listSealer(deps.pool, ctx.user.role, ctx.lang);
    const figures = {
      month,
      directive: q.directive,
      at,
      rows,
      before,
      items: seal(items.items, (i) => i.directive),
      explanations,
    };
    return sendStaffPage(reply, ctx, 'month', monthView(figures, ctx.lang));
  });

  await app.register(reminderDispatchRoutes, { ...deps, board, guard });
  await app.register(treeRoutes, deps);
};
