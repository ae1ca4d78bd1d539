// What the department-page tests share: a directive launched on the real stack, each unit's link
// taken from its assignment mail at the SMTP sink, and a visitor that keeps cookies between
// requests the way a browser does.
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { DirectiveSchema, type Directive } from '../../domain/schemas';
import { launchDirective } from '../../client/temporal';
import { taskWorkflowId } from '../../workflows/messages';
import type { TestStack } from '../helpers/stack';
import { eventually } from '../helpers/wait';

export const UNIT_MAILBOX: Record<string, string> = {
  'NB-STTTT': 'vanthu@stttt.ninhbinh.example.vn',
  'NB-CATINH': 'vanthu@congan.ninhbinh.example.vn',
  'NB-UBND-HOALU': 'vanphong@ubnd.hoalu.ninhbinh.example.vn',
};

export function directiveFor(number: string, units: string[]): Directive {
  return DirectiveSchema.parse({
    number,
    title: 'Tuyên truyền Chương trình truyền thông về quyền con người',
    issuer: 'UBND tỉnh Ninh Bình',
    issuedOn: '2026-11-20',
    tasks: units.map((unit) => ({
      unit,
      title: `Báo cáo kết quả tuyên truyền của ${unit}`,
      deadline: { workingDays: 10 },
      indicators: [
        { code: 'articles', name: 'Số tin, bài đã đăng', unit: 'bài', target: 200 },
        { code: 'leaflets', name: 'Số tờ rơi đã phát hành', unit: 'tờ' },
      ],
    })),
  });
}

/** Launches the directive and returns each unit's link token from its assignment mail. */
export async function launchWithLinks(
  t: Pick<TestStack, 'client' | 'config' | 'stack'>,
  directive: Directive,
): Promise<Record<string, string>> {
  await launchDirective(t.client, t.config, directive, t.stack.pool);
  const units = directive.tasks.map((task) => task.unit);
  const mails = await eventually(
    `${units.length} assignment mails`,
    async () => {
      const { rows } = await t.stack.pool.query(`SELECT rcpt_to, body_text FROM mailbox WHERE subject LIKE $1`, [
        `[${directive.number}]%`,
      ]);
      return rows.length >= units.length ? rows : undefined;
    },
    60_000,
  );
  const links: Record<string, string> = {};
  for (const unit of units) {
    const mail = mails.find((m) => m.rcpt_to.includes(UNIT_MAILBOX[unit]));
    const token = mail?.body_text.match(/\/t\/([A-Za-z0-9_-]{43})/)?.[1];
    if (!token) throw new Error(`no link for ${unit} in its assignment mail`);
    links[unit] = token;
  }
  return links;
}

export const taskIdOf = (directive: Directive, unit: string): string => taskWorkflowId(directive.number, unit);

/** The value of an input in a page, by its name. */
export function inputValue(html: string, name: string): string {
  const tag = new RegExp(`<input [^>]*name="${name.replace(/\./g, '\\.')}"[^>]*>`).exec(html)?.[0];
  const value = tag && /value="([^"]*)"/.exec(tag)?.[1];
  if (value === undefined) throw new Error(`no input named ${name} in the page`);
  return value
    .replace(/&#(\d+);/g, (_x, c) => String.fromCharCode(Number(c)))
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, '&');
}

export interface FilePart {
  field: string;
  name: string;
  content: Buffer;
}

/** A browser-like client of the app: cookies kept, forms sent urlencoded or as multipart. */
export class Visitor {
  private cookies = new Map<string, string>();

  constructor(private app: FastifyInstance) {}

  private keep(res: LightMyRequestResponse): LightMyRequestResponse {
    for (const c of res.cookies as { name: string; value: string }[]) this.cookies.set(c.name, c.value);
    return res;
  }

  private get cookieHeader(): Record<string, string> {
    return this.cookies.size ? { cookie: [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ') } : {};
  }

  async get(url: string): Promise<LightMyRequestResponse> {
    return this.keep(await this.app.inject({ method: 'GET', url, headers: this.cookieHeader }));
  }

  async post(url: string, fields: Record<string, string | string[]>): Promise<LightMyRequestResponse> {
    const body = new URLSearchParams();
    for (const [k, v] of Object.entries(fields)) for (const one of [v].flat()) body.append(k, one);
    return this.keep(
      await this.app.inject({
        method: 'POST',
        url,
        payload: body.toString(),
        headers: { ...this.cookieHeader, 'content-type': 'application/x-www-form-urlencoded' },
      }),
    );
  }

  async postMultipart(
    url: string,
    fields: Record<string, string | string[]>,
    files: FilePart[] = [],
  ): Promise<LightMyRequestResponse> {
    const form = new FormData();
    for (const [k, v] of Object.entries(fields)) for (const one of [v].flat()) form.append(k, one);
    for (const f of files) form.append(f.field, new Blob([new Uint8Array(f.content)]), f.name);
    const request = new Request('http://dondoc.test/', { method: 'POST', body: form });
    return this.postBody(url, Buffer.from(await request.arrayBuffer()), request.headers.get('content-type')!);
  }

  /** A body made by hand (a multipart part typed as the sender likes, a field twice), with the cookies. */
  async postBody(url: string, payload: Buffer | string, contentType: string): Promise<LightMyRequestResponse> {
    return this.keep(
      await this.app.inject({
        method: 'POST',
        url,
        payload,
        headers: { ...this.cookieHeader, 'content-type': contentType },
      }),
    );
  }
}
