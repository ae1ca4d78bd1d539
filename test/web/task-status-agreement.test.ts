// A task reads the same status everywhere the office meets it: the board's counts (counted in
// SQL), the task API, the task's own page and its directive's matrix. A report returned with time
// to revise it is "returned" while that time runs, even past the first deadline; a task whose unit
// asked for more time is "extension requested" until the office decides.
import { addDays } from '../../domain/calendar';
import { overdueCutoff } from '../../domain/board';
import { STATUS_LABELS } from '../../domain/status';
import { exampleUnits, seedDirective, taskRecord } from '../helpers/seed';
import { addUser, login, startStaffApp, type StaffApp } from '../helpers/staff';

const now = Date.now();
const cut = overdueCutoff(now);
const DIRECTIVE = '31/UBND-VP9';

let s: StaffApp;
let cookie: string;
let supervisor: string;

beforeAll(async () => {
  s = await startStaffApp();
  await s.readModel.upsertUnits(exampleUnits());
  await seedDirective(s.readModel, { number: DIRECTIVE, title: 'Rà soát thủ tục hành chính', issuedOn: '2026-01-05' });
  // Returned a week after its deadline, with four days to revise: not late yet.
  const revising = taskRecord({
    directive: DIRECTIVE,
    unit: 'NB-STC',
    deadline: addDays(cut, -6),
    phase: 'returned',
    submittedAt: now - 8 * 86_400_000,
    review: 'returned',
  });
  revising.state.revisionDue = addDays(cut, 4);
  // Returned with its revision due already past, though its own deadline is still ahead: late.
  const lapsed = taskRecord({
    directive: DIRECTIVE,
    unit: 'NB-STP',
    deadline: addDays(cut, 10),
    phase: 'returned',
    submittedAt: now - 8 * 86_400_000,
    review: 'returned',
  });
  lapsed.state.revisionDue = addDays(cut, -2);
  // Asked for more time before its deadline; the office has not decided.
  const asking = taskRecord({ directive: DIRECTIVE, unit: 'NB-STTTT', deadline: addDays(cut, 3) });
  asking.state.extension = { requested: addDays(cut, 20), reason: 'Chờ số liệu của các xã', by: 'NB-STTTT', at: now };
  for (const r of [revising, lapsed, asking]) await s.readModel.upsertTask(r);
  cookie = (await login(s.app, (await addUser(s, 'coordinator')).email)).cookie;
  supervisor = (await login(s.app, (await addUser(s, 'supervisor')).email)).cookie;
}, 60_000);
afterAll(() => s?.stop());

const get = (url: string) => s.app.inject({ url, headers: { cookie } });

test.each([
  ['NB-STC', 'returned'],
  ['NB-STP', 'overdue'],
  ['NB-STTTT', 'extension_requested'],
] as const)('%s reads %s on the board, in the API, on its page and in its directive matrix', async (unit, status) => {
  const id = `task:${DIRECTIVE}:${unit}`;
  const api = await get(`/api/v1/tasks?id=${encodeURIComponent(id)}`);
  expect(api.statusCode).toBe(200);
  expect(api.json().status).toBe(status);

  const page = await get(`/nhiem-vu?id=${encodeURIComponent(id)}`);
  expect(page.statusCode).toBe(200);
  expect(page.body).toContain(STATUS_LABELS[status].vi);

  const matrix = await get(`/van-ban/ma-tran?so=${encodeURIComponent(DIRECTIVE)}`);
  expect(matrix.statusCode).toBe(200);
  const unitName = exampleUnits().find((u) => u.code === unit)!.name;
  const row = new RegExp(`<tr[^>]*>(?:(?!</tr>)[\\s\\S])*${unitName}(?:(?!</tr>)[\\s\\S])*</tr>`).exec(matrix.body);
  expect(row?.[0]).toContain(STATUS_LABELS[status].vi);
});

test('the board counts the three the same way: one returned in progress, one overdue, one in progress', async () => {
  const board = await s.app.inject({
    url: `/api/v1/board?directive=${encodeURIComponent(DIRECTIVE)}`,
    headers: { cookie: supervisor },
  });
  expect(board.statusCode).toBe(200);
  const counts = board.json().counts;
  expect(counts).toEqual({ done_on_time: 0, done_late: 0, in_progress: 2, overdue: 1, pending_review: 0 });
});
