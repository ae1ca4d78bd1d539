// The home page: directives and their progress, at a glance.
import type { FastifyPluginAsync } from 'fastify';
import { eta, page } from '../views/layout';
import type { WebDeps } from '../app';

const HOME = `<h1>Văn bản đang theo dõi</h1>
<% if (it.rows.length === 0) { %><p>Chưa có văn bản nào. Dùng <code>dondoc launch examples/…</code> để giao việc.</p><% } %>
<table><thead><tr><th>Số, ký hiệu</th><th>Trích yếu</th><th>Tình trạng</th><th>Nhiệm vụ</th><th>Đã xong</th></tr></thead><tbody>
<% it.rows.forEach(function (d) { %><tr><td><%= d.number %></td><td><%= d.title %></td><td><%= d.state %></td><td><%= d.tasks %></td><td><%= d.done %></td></tr>
<% }) %></tbody></table>`;

export const homeRoutes: FastifyPluginAsync<WebDeps> = async (app, deps) => {
  app.get('/', async (_req, reply) => {
    const { rows } = await deps.pool.query(
      `SELECT d.number, d.title, d.state, count(t.*)::int AS tasks, count(t.*) FILTER (WHERE t.state = 'done')::int AS done
       FROM directives d LEFT JOIN tasks t ON t.directive_number = d.number GROUP BY d.number ORDER BY d.launched_at DESC LIMIT 100`,
    );
    return reply.type('text/html; charset=utf-8').send(page('dondoc', eta.renderString(HOME, { rows })));
  });
};
