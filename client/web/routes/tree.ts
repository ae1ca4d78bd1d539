// The directive tree: every directive with, right under the district task it came from, the
// sub-directive the district made of it for its own units, each with its progress.
import type { FastifyPluginAsync } from 'fastify';
import { directiveTree } from '../../../domain/board';
import { directiveProgress } from '../../../db/directive-progress';
import { unitNames } from '../../../db/units';
import { sendStaffPage } from '../views/staff';
import type { StaffDeps } from '../deps';
import { requireRole, staffContext } from './auth';

const WORDS = {
  vi: {
    title: 'Cây văn bản',
    hint: 'Văn bản của tỉnh và các văn bản huyện giao tiếp cho đơn vị cấp dưới.',
    number: 'Văn bản',
    from: 'giao tiếp từ nhiệm vụ của',
    tasks: 'Nhiệm vụ',
    done: 'Hoàn thành',
    overdue: 'Quá hạn',
    state: 'Tình trạng',
    none: 'Chưa có văn bản nào.',
    states: { running: 'đang thực hiện', cancelling: 'đang hủy', done: 'đã hoàn thành', cancelled: 'đã hủy' } as Record<
      string,
      string
    >,
  },
  en: {
    title: 'Directive tree',
    hint: "The province's directives and the sub-directives districts made of them for their own units.",
    number: 'Directive',
    from: 'passed on from the task of',
    tasks: 'Tasks',
    done: 'Done',
    overdue: 'Overdue',
    state: 'State',
    none: 'No directive yet.',
    states: { running: 'running', cancelling: 'cancelling', done: 'done', cancelled: 'cancelled' } as Record<
      string,
      string
    >,
  },
};

export const treeRoutes: FastifyPluginAsync<StaffDeps> = async (app, deps) => {
  const anyStaff = requireRole(deps.users, ['coordinator', 'supervisor', 'admin']);
  app.get('/giam-sat/cay', { preHandler: anyStaff }, async (req, reply) => {
    const ctx = staffContext(req, reply, deps);
    const [rows, names] = await Promise.all([directiveProgress(deps.pool, Date.now(), 1000), unitNames(deps.pool)]);
    return sendStaffPage(reply, ctx, 'tree', {
      t: WORDS[ctx.lang],
      rows: directiveTree(rows).map((r) => ({
        ...r,
        parentUnitName: r.parent_unit ? (names.get(r.parent_unit) ?? r.parent_unit) : undefined,
      })),
    });
  });
};
