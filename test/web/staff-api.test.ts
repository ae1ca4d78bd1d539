// The JSON API under /api/v1: same login as the pages, CSRF on POST, errors naming the field,
// answers shaped as the zod schemas say, and an OpenAPI document generated from those schemas.
import { addDays } from '../../domain/calendar';
import { overdueCutoff } from '../../domain/board';
import { BoardResponseSchema } from '../../client/web/routes/staff-schemas';
import { taskRecord } from '../helpers/seed';
import { addUser, login, startStaffApp, type StaffApp } from '../helpers/staff';

let s: StaffApp;
let supervisor: string;
let coordinator: string;

beforeAll(async () => {
  s = await startStaffApp();
  supervisor = (await login(s.app, (await addUser(s, 'supervisor')).email, { ip: '10.3.0.1' })).cookie;
  coordinator = (await login(s.app, (await addUser(s, 'coordinator')).email, { ip: '10.3.0.2' })).cookie;
  const cut = overdueCutoff(Date.now());
  await s.readModel.upsertTask(
    taskRecord({ directive: '5/UBND-VP9', unit: 'NB-STTTT', deadline: addDays(cut, -4), level: 1 }),
  );
  await s.readModel.upsertTask(taskRecord({ directive: '5/UBND-VP9', unit: 'NB-STP', deadline: addDays(cut, 6) }));
}, 60_000);
afterAll(async () => {
  await s?.stop();
});

test('the board answers in the documented shape', async () => {
  const res = await s.app.inject({ url: '/api/v1/board?directive=5/UBND-VP9', headers: { cookie: supervisor } });
  expect(res.statusCode).toBe(200);
  expect(res.headers['content-type']).toContain('application/json');
  const body = BoardResponseSchema.parse(res.json());
  expect(body.counts).toEqual({ done_on_time: 0, done_late: 0, in_progress: 1, overdue: 1, pending_review: 0 });
  expect(body.items.map((i) => [i.unit, i.escalationLevel])).toEqual([['NB-STTTT', 1]]);
});

test('the OpenAPI document is generated from the same schemas the routes validate with', async () => {
  const res = await s.app.inject({ url: '/api/v1/openapi.json', headers: { cookie: coordinator } });
  expect(res.statusCode).toBe(200);
  const doc = res.json();
  expect(doc.openapi).toBe('3.0.3');
  expect(Object.keys(doc.paths).sort()).toEqual([
    '/api/v1/board',
    '/api/v1/directives',
    '/api/v1/directives/consolidated',
    '/api/v1/session',
    '/api/v1/tasks',
    '/api/v1/tasks/review',
  ]);
  const params = Object.fromEntries(
    doc.paths['/api/v1/board'].get.parameters.map((p: { name: string; schema: unknown }) => [p.name, p.schema]),
  );
  expect(Object.keys(params).sort()).toEqual(['days', 'directive', 'level', 'page', 'unit']);
  expect(JSON.stringify(params.unit)).toContain('^[A-Z0-9][A-Z0-9_-]{1,39}$');
  const review = doc.paths['/api/v1/tasks/review'].post;
  // Accept, or return with a comment: the two shapes of a review.
  expect(
    review.requestBody.content['application/json'].schema.oneOf.map((s: { required: string[] }) => s.required.sort()),
  ).toEqual([
    ['_csrf', 'accept', 'id', 'receipt'],
    ['_csrf', 'accept', 'comment', 'id', 'receipt'],
  ]);
  const board = doc.paths['/api/v1/board'].get.responses['200'].content['application/json'].schema;
  expect(board.properties.counts.required.sort()).toEqual([
    'done_late',
    'done_on_time',
    'in_progress',
    'overdue',
    'pending_review',
  ]);
  expect(doc.paths['/api/v1/board'].get.description).toBe('Roles: supervisor, admin');
});

test('bad input is a 422 naming each field, in JSON', async () => {
  const res = await s.app.inject({ url: '/api/v1/board?level=high&directive=abc', headers: { cookie: supervisor } });
  expect(res.statusCode).toBe(422);
  expect(res.json()).toMatchObject({ error: 'INVALID_INPUT' });
  expect(res.json().fields).toEqual(
    expect.arrayContaining([
      expect.stringMatching(/^directive: expected number\/symbol/),
      expect.stringMatching(/^level: /),
    ]),
  );
});

test('a POST needs the CSRF token from the session endpoint, then is validated', async () => {
  const body = { id: 'task:5/UBND-VP9:NB-STTTT', receipt: 'R-1', accept: false };
  const bare = await s.app.inject({
    method: 'POST',
    url: '/api/v1/tasks/review',
    headers: { cookie: coordinator },
    payload: body,
  });
  expect(bare.statusCode).toBe(403);
  expect(bare.json().error).toBe('CSRF_INVALID');

  const session = await s.app.inject({ url: '/api/v1/session', headers: { cookie: coordinator } });
  expect(session.json().user).toEqual({
    email: 'coordinator@ubnd.ninhbinh.example.vn',
    name: 'Cán bộ coordinator',
    role: 'coordinator',
  });
  const jar =
    `${coordinator}; ${session.cookies.map((c: { name: string; value: string }) => `${c.name}=${c.value}`).join('; ')}`.replace(
      /; $/,
      '',
    );
  const res = await s.app.inject({
    method: 'POST',
    url: '/api/v1/tasks/review',
    headers: { cookie: jar },
    payload: { ...body, _csrf: session.json().csrfToken },
  });
  // A return needs a comment: the domain's rule, said before anything reaches the workflow.
  expect(res.statusCode).toBe(422);
  expect(res.json().fields).toEqual(['comment: say what must be revised']);
  // A supervisor holds a valid token too, but not the role.
  const sup = await s.app.inject({ url: '/api/v1/session', headers: { cookie: supervisor } });
  const supJar =
    `${supervisor}; ${sup.cookies.map((c: { name: string; value: string }) => `${c.name}=${c.value}`).join('; ')}`.replace(
      /; $/,
      '',
    );
  expect(
    (
      await s.app.inject({
        method: 'POST',
        url: '/api/v1/tasks/review',
        headers: { cookie: supJar },
        payload: { ...body, comment: 'x', _csrf: sup.json().csrfToken },
      })
    ).statusCode,
  ).toBe(403);
});
