// The mail outbox page: every message the embedded SMTP sink received, newest first, so a
// person trying dondoc can open the links departments would get.
import type { FastifyPluginAsync } from 'fastify';
import { eta, page } from '../views/layout';
import { AppError } from '../errors';
import type { WebDeps } from '../app';

const LIST = `<h1>Hộp thư đi (thư đã gửi)</h1>
<p><%= it.rows.length %> thư gần nhất.</p>
<table><thead><tr><th>Thời gian</th><th>Người nhận</th><th>Tiêu đề</th></tr></thead><tbody>
<% it.rows.forEach(function (m) { %><tr><td><%= m.received_at.toISOString().replace('T', ' ').slice(0, 19) %></td><td><%= m.rcpt_to.join(', ') %></td><td><a href="/outbox/<%= m.id %>"><%= m.subject %></a></td></tr>
<% }) %></tbody></table>`;

const ONE = `<h1><%= it.m.subject %></h1>
<div class="card"><p>Từ: <%= it.m.mail_from %><br>Đến: <%= it.m.rcpt_to.join(', ') %><br>Lúc: <%= it.m.received_at.toISOString() %></p>
<pre><%~ it.linked %></pre></div>`;

const escape = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

export const outboxRoutes: FastifyPluginAsync<WebDeps> = async (app, deps) => {
  app.get('/outbox', async (_req, reply) => {
    const { rows } = await deps.pool.query(
      'SELECT id, rcpt_to, subject, received_at FROM mailbox ORDER BY id DESC LIMIT 200',
    );
    return reply.type('text/html; charset=utf-8').send(page('Hộp thư đi', eta.renderString(LIST, { rows })));
  });

  app.get<{ Params: { id: string } }>(
    '/outbox/:id',
    {
      schema: {
        params: { type: 'object', properties: { id: { type: 'string', pattern: '^[0-9]{1,18}$' } }, required: ['id'] },
      },
    },
    async (req, reply) => {
      const { rows } = await deps.pool.query('SELECT * FROM mailbox WHERE id = $1', [req.params.id]);
      if (!rows[0]) throw new AppError('NOT_FOUND', 'no such message');
      // The plain-text part, escaped, with its web links made clickable.
      const linked = escape(rows[0].body_text).replace(/https?:\/\/[^\s<]+/g, (u) => `<a href="${u}">${u}</a>`);
      return reply
        .type('text/html; charset=utf-8')
        .send(page(rows[0].subject, eta.renderString(ONE, { m: rows[0], linked })));
    },
  );
};
