// Outgoing edXML packages, as the sender of a directive and the overdue units see them: a task's
// progress arrives as status packages answering the original document, once each, in a folder
// and at a real HTTP endpoint on loopback, which is retried when it fails.
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import JSZip from 'jszip';
import { migrate } from '../../db/migrate';
import { createPool, type Pool } from '../../db/pool';
import { createReadModel } from '../../db/read-model';
import { recordEdxmlOrigin } from '../../db/edxml-origins';
import { createEdxmlActivities, type EdxmlDeps } from '../../activities/edxml';
import type { EdxmlDelivery } from '../../activities/edxml-outbox';
import { type ConfigError, loadConfig } from '../../config';
import { parseEdxmlDocument, parseEdxmlStatus } from '../../domain/edxml';
import { renderDocx } from '../../client/web/views/docx';
import { freshDatabase } from '../helpers/stack';

const GOVERNMENT_OFFICE = { organId: '000.00.00.G22', organName: 'Văn phòng Chính phủ' };
const OFFICE = { organId: '000.00.00.H42', organName: 'Ủy ban nhân dân tỉnh Ninh Bình' };
const TASK = 'task:524/UBND-VP9:NB-STTTT';
const AT = Date.UTC(2023, 0, 9, 1, 0, 0);

let pool: Pool;
const received: { body: Buffer; headers: IncomingMessage['headers'] }[] = [];
let failuresLeft = 0;
let refuse = false;
let server: Server;
let endpoint: string;

beforeAll(async () => {
  const url = await freshDatabase();
  await migrate(url);
  pool = createPool(url, 4);
  await createReadModel(pool).upsertUnits([
    {
      code: 'NB-STTTT',
      name: 'Sở Thông tin và Truyền thông',
      kind: 'department',
      emails: ['vanthu@stttt.ninhbinh.example.vn'],
      head: { name: 'Phạm Thị Hạnh', email: 'giamdoc@stttt.ninhbinh.example.vn' },
      supervisorEmails: [],
      steeringEmails: [],
      organId: '000.00.01.H42',
    },
    {
      code: 'NB-CATINH',
      name: 'Công an tỉnh',
      kind: 'department',
      emails: ['vanthu@congan.ninhbinh.example.vn'],
      supervisorEmails: [],
      steeringEmails: [],
    },
  ]);
  for (const [id, unit] of [
    [TASK, 'NB-STTTT'],
    ['task:524/UBND-VP9:NB-CATINH', 'NB-CATINH'],
    ['task:12/KH-UBND:NB-STTTT', 'NB-STTTT'],
  ])
    await pool.query(
      `INSERT INTO tasks (workflow_id, directive_number, unit_code, role, title, deadline, original_deadline, state, snapshot, version)
       VALUES ($1, $2, $3, 'lead', 'Tuyên truyền', '2023-01-20', '2023-01-20', 'open', '{}', 1)`,
      [id, id.split(':')[1], unit],
    );
  server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      received.push({ body: Buffer.concat(chunks), headers: req.headers });
      if (refuse) res.writeHead(400).end('no such recipient');
      else if (failuresLeft-- > 0) res.writeHead(503).end('busy');
      else res.writeHead(202).end('accepted');
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  endpoint = `http://127.0.0.1:${(server.address() as AddressInfo).port}/edxml`;
});

afterAll(async () => {
  await pool.end();
  await new Promise((r) => server.close(r));
});

beforeEach(() => {
  received.length = 0;
  failuresLeft = 0;
  refuse = false;
});

const activities = (delivery: EdxmlDelivery) => {
  const deps: EdxmlDeps = { pool, readModel: createReadModel(pool), delivery, sender: OFFICE, renderDocx };
  return createEdxmlActivities(deps);
};
const folder = () => mkdtempSync(path.join(os.tmpdir(), 'dondoc-edxml-out-'));
const outboxRow = async (key: string) =>
  (await pool.query('SELECT status, attempts, delivered_to, last_error FROM edxml_outbox WHERE key = $1', [key]))
    .rows[0];

describe('status packages', () => {
  beforeAll(async () => {
    await recordEdxmlOrigin(pool, '524/UBND-VP9', {
      from: GOVERNMENT_OFFICE,
      code: { number: '7816', notation: 'VPCP-TTĐT' },
      promulgation: { date: '2022-12-21' },
      documentId: '000.00.00.G22,2022/12/21,7816/VPCP-TTĐT',
    });
  });

  it('sends "in progress" for a task of a directive that came by edXML, once, to the folder and the endpoint', async () => {
    const out = folder();
    const send = activities({ folder: out, endpoint: { url: endpoint, backoffMs: 10 } }).sendStatusPackage;
    const input = { taskWorkflowId: TASK, statusCode: '05' as const, timestamp: AT };
    expect(await send(input)).toBe('sent');
    expect(await send(input)).toBe('already sent');
    expect(received).toHaveLength(1);
    const files = readdirSync(out);
    expect(files).toEqual([expect.stringMatching(/^status-[0-9a-f]{20}\.edxml$/)]);
    const pkg = parseEdxmlStatus(readFileSync(path.join(out, files[0])));
    expect(pkg.status).toMatchObject({
      responseFor: {
        organId: '000.00.00.G22',
        code: '7816/VPCP-TTĐT',
        promulgationDate: '2022-12-21',
        documentId: '000.00.00.G22,2022/12/21,7816/VPCP-TTĐT',
      },
      from: { organId: '000.00.01.H42', organName: 'Sở Thông tin và Truyền thông' },
      statusCode: '05',
      description: 'Đang xử lý',
      timestamp: '2023/01/09 08:00:00',
      staff: { department: 'Sở Thông tin và Truyền thông', staff: 'Phạm Thị Hạnh' },
    });
    expect(received[0].body.equals(readFileSync(path.join(out, files[0])))).toBe(true);
    expect(received[0].headers['content-type']).toBe('application/xml; charset=utf-8');
    expect(received[0].headers['x-edxml-to']).toBe('000.00.00.G22');
  });

  it('does nothing for a directive that did not come by edXML', async () => {
    const out = folder();
    expect(
      await activities({ folder: out }).sendStatusPackage({
        taskWorkflowId: 'task:12/KH-UBND:NB-STTTT',
        statusCode: '03',
        timestamp: AT,
      }),
    ).toBe('not from edXML');
    expect(readdirSync(out)).toEqual([]);
  });

  it('retries a failing endpoint and delivers once it answers', async () => {
    failuresLeft = 2;
    const send = activities({ endpoint: { url: endpoint, attempts: 3, backoffMs: 10 } }).sendStatusPackage;
    expect(await send({ taskWorkflowId: TASK, statusCode: '06', timestamp: AT })).toBe('sent');
    expect(received.map((r) => r.body.length > 0)).toEqual([true, true, true]);
    expect(new Set(received.map((r) => r.headers['idempotency-key'])).size).toBe(1);
    expect(await outboxRow(`edxml-status:${TASK}:06`)).toMatchObject({ status: 'sent', attempts: 1, last_error: null });
  });

  it('leaves a package pending after an endpoint that keeps failing, and delivers it on the next attempt', async () => {
    failuresLeft = 5;
    const send = activities({ endpoint: { url: endpoint, attempts: 2, backoffMs: 10 } }).sendStatusPackage;
    const input = { taskWorkflowId: 'task:524/UBND-VP9:NB-CATINH', statusCode: '03' as const, timestamp: AT };
    await expect(send(input)).rejects.toThrow('the endpoint answered 503 Service Unavailable (2 attempts)');
    expect(await outboxRow('edxml-status:task:524/UBND-VP9:NB-CATINH:03')).toMatchObject({
      status: 'pending',
      attempts: 1,
    });
    failuresLeft = 0;
    expect(await send(input)).toBe('sent');
    expect(received).toHaveLength(3);
    // A unit without its own code reports through the office, named in the description.
    const pkg = parseEdxmlStatus(received[2].body);
    expect(pkg.status.from.organId).toBe('000.00.00.H42');
    expect(pkg.status.description).toBe('Công an tỉnh: Đã tiếp nhận');
  });

  it('marks a package whose delivery stopped midway in doubt, and does not send it again', async () => {
    const key = `edxml-status:${TASK}:05`;
    await pool.query(`UPDATE edxml_outbox SET status = 'sending' WHERE key = $1`, [key]);
    const send = activities({ endpoint: { url: endpoint } }).sendStatusPackage;
    expect(await send({ taskWorkflowId: TASK, statusCode: '05', timestamp: AT })).toBe('in doubt');
    expect(received).toHaveLength(0);
    expect(await outboxRow(key)).toMatchObject({ status: 'in_doubt' });
  });

  it('gives up on a package the endpoint refuses (4xx), and says so', async () => {
    refuse = true;
    await recordEdxmlOrigin(pool, '12/KH-UBND', {
      from: GOVERNMENT_OFFICE,
      code: { number: '12', notation: 'KH-UBND' },
      promulgation: { date: '2023-01-02' },
    });
    const send = activities({ endpoint: { url: endpoint, backoffMs: 10 } }).sendStatusPackage;
    await expect(send({ taskWorkflowId: 'task:12/KH-UBND:NB-STTTT', statusCode: '03', timestamp: AT })).rejects.toThrow(
      'the endpoint answered 400 Bad Request',
    );
    expect(received).toHaveLength(1);
    expect(await outboxRow('edxml-status:task:12/KH-UBND:NB-STTTT:03')).toMatchObject({ status: 'failed' });
  });
});

describe('the formal reminder dispatch as a package', () => {
  it('goes once to the overdue units that have a code, carrying its DOCX', async () => {
    const out = folder();
    const send = activities({ folder: out }).sendReminderDispatchPackage;
    const input = {
      sentAt: AT,
      dispatch: {
        number: '45/UBND-VP9',
        date: '2023-03-06',
        directive: {
          number: '524/UBND-VP9',
          title: 'Tuyên truyền',
          issuer: 'UBND tỉnh Ninh Bình',
          issuedOn: '2022-12-21',
        },
        overdue: [
          {
            unitCode: 'NB-STTTT',
            unitName: 'Sở Thông tin và Truyền thông',
            title: 'Tuyên truyền',
            deadline: '2023-01-20',
            workingDaysOverdue: 30,
          },
          {
            unitCode: 'NB-CATINH',
            unitName: 'Công an tỉnh',
            title: 'Phối hợp',
            deadline: '2023-01-18',
            workingDaysOverdue: 32,
          },
        ],
        reportBy: '2023-03-13',
        signer: { name: 'Trần Minh Quang', title: 'KT. CHỦ TỊCH / PHÓ CHỦ TỊCH' },
      },
    };
    expect(await send(input)).toEqual({
      outcome: 'sent',
      to: ['NB-STTTT'],
      skipped: [{ unit: 'NB-CATINH', why: 'no organisation code' }],
    });
    expect((await send(input)).outcome).toBe('already sent');
    const [file] = readdirSync(out);
    const pkg = parseEdxmlDocument(readFileSync(path.join(out, file)));
    expect(pkg.header).toMatchObject({
      from: OFFICE,
      to: [{ organId: '000.00.01.H42', organName: 'Sở Thông tin và Truyền thông' }],
      code: { number: '45', notation: 'UBND-VP9' },
      promulgation: { place: 'Ninh Bình', date: '2023-03-06' },
      subject: 'V/v đôn đốc thực hiện nhiệm vụ được giao tại Văn bản số 524/UBND-VP9',
      dueDate: '2023-03-13',
      signer: { competence: 'KT. CHỦ TỊCH', position: 'PHÓ CHỦ TỊCH', fullName: 'Trần Minh Quang' },
    });
    const docx = await JSZip.loadAsync(pkg.attachments[0].bytes);
    expect(await docx.file('word/document.xml')!.async('string')).toContain('Công an tỉnh');
    expect(pkg.attachments[0].name).toBe('cong-van-don-doc-45-UBND-VP9.docx');
  });
});

describe('settings', () => {
  it('refuses a delivery target without the office organisation, and a malformed code or URL, by name', () => {
    const reason = (env: NodeJS.ProcessEnv) => {
      try {
        loadConfig(env);
      } catch (e) {
        return (e as ConfigError).variable;
      }
      return 'accepted';
    };
    expect(reason({ EDXML_OUTBOX_DIR: '/tmp/x' })).toBe('EDXML_ORGAN_ID');
    expect(reason({ EDXML_ENDPOINT_URL: 'http://x', EDXML_ORGAN_ID: '000.00.00.H42' })).toBe('EDXML_ORGAN_NAME');
    expect(reason({ EDXML_ORGAN_ID: 'H42' })).toBe('EDXML_ORGAN_ID');
    expect(reason({ EDXML_ENDPOINT_URL: 'ftp://x' })).toBe('EDXML_ENDPOINT_URL');
    expect(
      reason({
        EDXML_ENDPOINT_URL: 'https://lgsp.example.vn/edxml',
        EDXML_ORGAN_ID: '000.00.00.H42',
        EDXML_ORGAN_NAME: 'UBND tỉnh',
      }),
    ).toBe('accepted');
  });
});
