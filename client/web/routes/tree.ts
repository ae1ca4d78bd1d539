// The directive tree: every directive with, right under the district task it came from, the
// sub-directive the district made of it for its own units, each with its progress.
import type { FastifyPluginAsync } from 'fastify';
import { directiveTree } from '../../../domain/board';
import { directiveProgress } from '../../../db/board-queries';
import { eta } from '../views/layout';
import { staffPage } from '../views/staff';
import { requireRole, staffContext, type StaffDeps } from './auth';

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

const TREE = `<h1><%= it.t.title %></h1><p class="muted"><%= it.t.hint %></p>
<% if (!it.rows.length) { %><p><%= it.t.none %></p><% } else { %>
<table id="tree"><thead><tr><th><%= it.t.number %></th><th><%= it.t.state %></th><th class="num"><%= it.t.tasks %></th><th class="num"><%= it.t.done %></th><th class="num"><%= it.t.overdue %></th></tr></thead><tbody>
<% it.rows.forEach(function (r) { %><tr data-depth="<%= r.depth %>"><td style="padding-left:<%= 0.4 + r.depth * 1.6 %>rem"><% if (r.depth) { %>↳ <% } %><strong><%= r.number %></strong> — <%= r.title %><% if (r.parentUnitName) { %><br><span class="muted"><%= it.t.from %> <%= r.parentUnitName %> (<%= r.parent_number %>)</span><% } %></td>
<td><%= it.t.states[r.state] || r.state %></td><td class="num"><%= r.tasks %></td><td class="num"><%= r.done %></td><td class="num"><%= r.overdue %></td></tr>
<% }) %></tbody></table><% } %>`;

export const treeRoutes: FastifyPluginAsync<StaffDeps> = async (app, deps) => {
  const anyStaff = requireRole(deps.users, ['coordinator', 'supervisor', 'admin']);
  app.get('/giam-sat/cay', { preHandler: anyStaff }, async (req, reply) => {
    const ctx = staffContext(req, reply, deps);
    const [rows, units] = await Promise.all([
      directiveProgress(deps.pool, Date.now(), 1000),
      deps.pool.query('SELECT code, name FROM units'),
    ]);
    const names = new Map(units.rows.map((u) => [u.code as string, u.name as string]));
    const t = WORDS[ctx.lang];
    const body = eta.renderString(TREE, {
      t,
      rows: directiveTree(rows).map((r) => ({
        ...r,
        parentUnitName: r.parent_unit ? (names.get(r.parent_unit) ?? r.parent_unit) : undefined,
      })),
    });
    return reply
      .header('cache-control', 'no-store')
      .type('text/html; charset=utf-8')
      .send(staffPage(ctx, t.title, body));
  });
};
