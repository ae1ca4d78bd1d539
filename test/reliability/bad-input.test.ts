// Bad input at every door, on the real stack with a directive already running: malformed
// directive files and dispatch texts through `dondoc launch` and `dondoc import`, malformed,
// oversized and wrongly typed requests to the web app and its JSON API. Each is refused with a
// message naming the file and line or the field, and nothing stored before changes.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { LightMyRequestResponse } from 'fastify';
import { createUsers } from '../../db/users';
import { startCli } from '../helpers/cli';
import { login, PASSWORD } from '../helpers/staff';
import { dondoc } from '../cli/run';
import { eventually } from '../helpers/wait';
import { directiveFor, inputValue, launchWithLinks, Visitor } from '../web/department-helpers';
import { BAD_FILES } from './bad-input-cases';
import { BAD_FILE_MESSAGES } from './bad-input-messages';
import { inParallel } from '../../client/in-parallel';
import { FULL, reportFigures, startWebStack, type WebStack } from './parts';

jest.setTimeout(15 * 60_000);

let t: WebStack;
let links: Record<string, string>;
let dir: string;
let before: Record<string, unknown>;
let api: { cookie: string; csrf: string };

/** Everything stored: the read model's tables and the workflows Temporal knows, with their states. */
async function snapshot(): Promise<Record<string, unknown>> {
  const tables = ['directives', 'tasks', 'reports', 'units', 'links', 'outbox', 'mailbox', 'users', 'audit'];
  const rows: Record<string, unknown> = {};
  for (const table of tables)
    rows[table] = (await t.stack.pool.query(`SELECT to_jsonb(x) AS r FROM ${table} x ORDER BY 1::text`)).rows
      .map((r) => JSON.stringify(r.r))
      .sort();
  const workflows: string[] = [];
  for await (const w of t.client.workflow.list())
    workflows.push(`${w.workflowId} ${w.runId} ${w.status.name} ${w.historyLength}`);
  return { ...rows, workflows: workflows.sort() };
}

beforeAll(async () => {
  t = await startWebStack();
  links = await launchWithLinks(t, directiveFor('76/UBND-REL', ['NB-STTTT', 'NB-CATINH']));
  await createUsers(t.stack.pool).add({
    email: 'vanphong@ubnd.ninhbinh.example.vn',
    name: 'Văn phòng UBND',
    role: 'coordinator',
    password: PASSWORD,
  });
  api = await apiSession();
  dir = mkdtempSync(path.join(os.tmpdir(), 'dondoc-bad-'));
  // Let the launch settle before taking the picture: every assignment sent, the directive's progress recorded.
  await eventually(
    'the launch settled',
    async () =>
      (
        await t.stack.pool.query(
          `SELECT (SELECT count(*) FROM outbox WHERE status = 'sent') = 2 AND (SELECT min(version) FROM directives) >= 2 AS settled`,
        )
      ).rows[0].settled,
    60_000,
  );
  before = await snapshot();
}, 300_000);
afterAll(async () => {
  await t?.stop();
  rmSync(dir, { recursive: true, force: true });
}, 60_000);

const cliEnv = () => ({
  TEMPORAL_ADDRESS: t.stack.temporalAddress,
  DATABASE_URL: t.stack.databaseUrl,
  DATA_DIR: t.config.dataDir,
});
const argsOf = (c: (typeof BAD_FILES)[number], file: string) =>
  c.command === 'launch' ? ['launch', file] : ['import', file, '-o', path.join(dir, 'draft.yaml')];

test('at least fifty malformed directive files and dispatch texts are each refused by the CLI with the message naming the file, line and field', async () => {
  expect(BAD_FILES.length).toBeGreaterThanOrEqual(50);
  expect(Object.keys(BAD_FILE_MESSAGES).sort()).toEqual(BAD_FILES.map((c) => c.name).sort());
  const got: Record<string, { code: number | string; err: string }> = {};
  // The full suite runs every case as a `dondoc` process; the quick one runs a few as processes
  // and the rest through the same command code in this process.
  const asProcess = new Set(
    FULL ? BAD_FILES.map((c) => c.name) : BAD_FILES.filter((_, i) => i % 12 === 0).map((c) => c.name),
  );
  await inParallel(BAD_FILES, 4, async (c) => {
    const file = path.join(dir, c.file);
    writeFileSync(file, c.content);
    if (asProcess.has(c.name)) {
      const run = startCli(argsOf(c, file), cliEnv());
      got[c.name] = { code: await run.exited, err: run.stderr() };
    } else {
      const run = await dondoc(argsOf(c, file), cliEnv());
      got[c.name] = { code: run.code, err: run.err };
    }
  });
  const expected = Object.fromEntries(
    BAD_FILES.map((c) => [
      c.name,
      {
        code: 2,
        err: `${BAD_FILE_MESSAGES[c.name]
          .split('\n')
          .map((l) => `${dir}/${l}`)
          .join('\n')}\n`,
      },
    ]),
  );
  expect(got).toEqual(expected);
  expect(await snapshot()).toEqual(before);
  reportFigures('bad-input-files', {
    cases: BAD_FILES.length,
    as_process: asProcess.size,
    refused: Object.values(got).filter((g) => g.code === 2).length,
    stored_changed: 0,
  });
});

interface WebCase {
  name: string;
  send: () => Promise<LightMyRequestResponse>;
  status: number;
  /** Text the answer must contain: the field named, in the page's words. */
  says: string;
}

/** A coordinator's session and the CSRF token the JSON API wants in every POST body. */
async function apiSession() {
  const { cookie } = await login(t.app, 'vanphong@ubnd.ninhbinh.example.vn');
  const session = await t.app.inject({ url: '/api/v1/session', headers: { cookie } });
  const jar = [cookie, ...session.cookies.map((c: { name: string; value: string }) => `${c.name}=${c.value}`)].join(
    '; ',
  );
  return { cookie: jar, csrf: session.json().csrfToken as string };
}

function multipart(
  fields: Record<string, string | Buffer>,
  files: { name: string; bytes: number }[],
  boundary = 'dondoc-boundary-1',
) {
  const parts = Object.entries(fields).map(([k, v]) =>
    Buffer.concat([
      Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n`),
      Buffer.from(v),
      Buffer.from('\r\n'),
    ]),
  );
  const fileParts = files.map((f) =>
    Buffer.concat([
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="attachments"; filename="${f.name}"\r\nContent-Type: application/octet-stream\r\n\r\n`,
      ),
      Buffer.alloc(f.bytes, 'x'),
      Buffer.from('\r\n'),
    ]),
  );
  return {
    payload: Buffer.concat([...parts, ...fileParts, Buffer.from(`--${boundary}--\r\n`)]),
    type: `multipart/form-data; boundary=${boundary}`,
  };
}

test('malformed, oversized and wrongly typed requests to the web app are refused with the field named and change nothing', async () => {
  const review = (payload: string | Buffer, type = 'application/json') =>
    t.app.inject({
      method: 'POST',
      url: '/api/v1/tasks/review',
      headers: { cookie: api.cookie, 'content-type': type },
      payload,
    });
  const good = { id: 'task:76/UBND-REL:NB-STTTT', receipt: 'R-1', accept: true, _csrf: api.csrf };
  const visitor = new Visitor(t.app);
  const url = `/t/${links['NB-STTTT']}?lang=vi`;
  const page = await visitor.get(url);
  const form = {
    _csrf: inputValue(page.body, '_csrf'),
    do: 'report',
    submissionId: inputValue(page.body, 'submissionId'),
    text: 'Báo cáo',
    'ind.articles': '1',
    'ind.leaflets': '1',
  };
  const cookie = (page.cookies as { name: string; value: string }[]).map((c) => `${c.name}=${c.value}`).join('; ');
  const post = (payload: string | Buffer, type: string) =>
    t.app.inject({ method: 'POST', url, headers: { cookie, 'content-type': type }, payload });
  const urlencoded = (fields: Record<string, string>) => new URLSearchParams(fields).toString();
  const newLink = async (body: Buffer) => {
    const f = await t.app.inject({ url: '/lien-ket' });
    const jar = (f.cookies as { name: string; value: string }[]).map((c) => `${c.name}=${c.value}`).join('; ');
    return t.app.inject({
      method: 'POST',
      url: '/lien-ket',
      headers: { cookie: jar, 'content-type': 'application/x-www-form-urlencoded' },
      payload: Buffer.concat([Buffer.from(`_csrf=${encodeURIComponent(inputValue(f.body, '_csrf'))}&`), body]),
    });
  };

  const cases: WebCase[] = [
    {
      name: 'the API given text/plain',
      send: () => review(JSON.stringify(good), 'text/plain'),
      status: 422,
      says: 'content-type: expected application/json, got text/plain',
    },
    {
      name: 'the API given XML',
      send: () => review('<review accept="true"/>', 'application/xml'),
      status: 422,
      says: 'content-type: this kind of content is not accepted here',
    },
    {
      name: 'the API given JSON cut off',
      send: () => review('{"id": "task:76/UBND-REL:NB-STTTT", "accept": tr'),
      status: 422,
      says: "Body is not valid JSON but content-type is set to 'application/json'",
    },
    {
      name: 'the API given a JSON list, which holds no CSRF token',
      send: () => review('[1, 2, 3]'),
      status: 403,
      says: '"error":"CSRF_INVALID"',
    },
    {
      name: 'the API given JSON nested 100,000 deep',
      send: () =>
        review(
          `{"_csrf": "${api.csrf}", "receipt": "R-1", "accept": true, "id": ${'['.repeat(100_000)}${']'.repeat(100_000)}}`,
        ),
      status: 422,
      says: '"fields":["id: Invalid input: expected string, received array"]',
    },
    {
      name: 'the API given 2 MB of JSON',
      send: () => review(JSON.stringify({ ...good, comment: 'x'.repeat(2_000_000) })),
      status: 413,
      says: '"error":"TOO_LARGE"',
    },
    {
      name: 'the API given a comment of 3,000 characters',
      send: () => review(JSON.stringify({ ...good, accept: false, comment: 'x'.repeat(3000) })),
      status: 422,
      says: '"fields":["comment: Too big: expected string to have <=2000 characters"]',
    },
    {
      name: 'the API given "yes" for a boolean',
      send: () => review(JSON.stringify({ ...good, accept: 'yes' })),
      status: 422,
      says: '"fields":["accept: Invalid discriminator value. Expected \'true\' | \'false\'"]',
    },
    {
      name: 'the API given Latin-1 bytes',
      send: () => review(Buffer.from(JSON.stringify({ ...good, id: 'task:76/UBND-REL:NB-STTT\u00c9' }), 'latin1')),
      status: 422,
      says: 'id: is not valid UTF-8 text',
    },
    {
      name: 'the API given a task id with a NUL byte',
      send: () => review(JSON.stringify({ ...good, id: 'task:76/UBND-REL:NB\u0000' })),
      status: 422,
      says: 'id: contains a control character (U+0000)',
    },
    {
      name: 'a report posted as text/plain',
      send: () => post(urlencoded(form), 'text/plain'),
      status: 422,
      says: 'content-type: expected a form (application/x-www-form-urlencoded or multipart/form-data), got text/plain',
    },
    {
      name: 'a report posted as JSON',
      send: () => post(JSON.stringify(form), 'application/json'),
      status: 422,
      says: 'content-type: expected a form (application/x-www-form-urlencoded or multipart/form-data), got application/json',
    },
    {
      name: 'a report posted as multipart with no boundary',
      send: () => post(multipart(form, []).payload, 'multipart/form-data'),
      status: 422,
      says: 'Biểu mẫu gửi lên không trọn vẹn (multipart)',
    },
    {
      name: 'a report posted as multipart cut off',
      send: () =>
        post(multipart(form, [{ name: 'a.txt', bytes: 100 }]).payload.subarray(0, 300), multipart(form, []).type),
      status: 422,
      says: 'Biểu mẫu gửi lên không trọn vẹn (multipart)',
    },
    {
      name: 'a report with eleven files',
      send: () => {
        const m = multipart(
          form,
          Array.from({ length: 11 }, (_, i) => ({ name: `tep-${i}.txt`, bytes: 10 })),
        );
        return post(m.payload, m.type);
      },
      status: 413,
      says: 'Nội dung gửi lên quá lớn hoặc quá nhiều tệp.',
    },
    {
      name: 'a report of 2 MB urlencoded',
      send: () => post(urlencoded({ ...form, text: 'x'.repeat(2_000_000) }), 'application/x-www-form-urlencoded'),
      status: 413,
      says: 'Nội dung gửi lên quá lớn hoặc quá nhiều tệp.',
    },
    // Found by the fuzzer: a NUL byte in a query parameter reached PostgreSQL, a 500.
    {
      name: 'the API asked for a task id with a NUL byte',
      send: () =>
        t.app.inject({
          url: `/api/v1/tasks?id=${encodeURIComponent('task:76/UBND-REL:NB\u0000')}`,
          headers: { cookie: api.cookie },
        }),
      status: 422,
      says: 'id: contains a control character (U+0000)',
    },
    {
      name: 'the consolidated figures asked for a directive with a NUL byte',
      send: () =>
        t.app.inject({
          url: `/api/v1/directives/consolidated?so=${encodeURIComponent('76/UBND\u0000')}`,
          headers: { cookie: api.cookie },
        }),
      status: 422,
      says: 'so: chứa ký tự điều khiển (U+0000)',
    },
    {
      name: 'a report whose text is Latin-1 bytes',
      send: () =>
        post(
          Buffer.from(`${urlencoded({ ...form, text: '' })}`.replace('text=', 'text=B\u00e1o+c\u00e1o'), 'latin1'),
          'application/x-www-form-urlencoded',
        ),
      status: 422,
      says: 'text: không phải văn bản UTF-8 hợp lệ',
    },
    {
      name: 'a report sent as multipart whose text is Latin-1 bytes',
      send: () => {
        const m = multipart({ ...form, text: Buffer.from('B\u00e1o c\u00e1o', 'latin1') }, []);
        return post(m.payload, m.type);
      },
      status: 422,
      says: 'text: không phải văn bản UTF-8 hợp lệ',
    },
    {
      name: 'a report with a NUL byte in its text',
      send: () => post(urlencoded({ ...form, text: 'Báo\u0000cáo' }), 'application/x-www-form-urlencoded'),
      status: 422,
      says: 'text: chứa ký tự điều khiển (U+0000)',
    },
    {
      name: 'a report with an indicator of 10^400',
      send: () =>
        post(urlencoded({ ...form, 'ind.articles': '1' + '0'.repeat(400) }), 'application/x-www-form-urlencoded'),
      status: 422,
      says: 'Hãy nhập một số không âm',
    },
    {
      name: 'a login with a 2 MB password',
      send: async () =>
        (await login(t.app, 'vanphong@ubnd.ninhbinh.example.vn', { password: 'p'.repeat(2_000_000) })).res,
      status: 413,
      says: 'Nội dung gửi lên quá lớn hoặc quá nhiều tệp.',
    },
    {
      name: 'a new link asked for an address in Latin-1 bytes',
      send: () =>
        newLink(Buffer.from('email=v\u00e2nthu%40stttt.ninhbinh.example.vn&requestId=request-bad-0001', 'latin1')),
      status: 422,
      says: 'email: không phải văn bản UTF-8 hợp lệ',
    },
  ];
  const got: Record<string, string> = {};
  for (const c of cases) {
    const res = await c.send();
    got[c.name] =
      `${res.statusCode} ${res.body.includes(c.says) ? 'says it' : (res.body.match(/class="field-error"[^<]*<|<h1>[^<]*<\/h1><p>[^<]*|^\{.*/g) ?? [res.body.slice(0, 200)]).join(' ')}`;
    expect(res.body).not.toMatch(/\n\s+at |node_modules|\.ts:\d+/);
  }
  expect(got).toEqual(Object.fromEntries(cases.map((c) => [c.name, `${c.status} says it`])));
  expect(await snapshot()).toEqual(before);
  reportFigures('bad-input-web', { cases: cases.length, refused: cases.length, server_errors: 0, stored_changed: 0 });
});
