// The launch page as a coordinator's browser uses it, for the tests of /van-ban/moi: a client
// that keeps its cookies, uploads a file and pastes a dispatch, and reads a form's fields back as
// a browser would send them.
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { cookieJar, csrfIn } from '../helpers/staff';

/** A logged-in visitor of the app: cookies kept from response to response. */
export class LaunchClient {
  constructor(
    private app: FastifyInstance,
    private cookie: string,
  ) {}

  async get(url: string): Promise<LightMyRequestResponse> {
    const res = await this.app.inject({ url, headers: { cookie: this.cookie } });
    this.cookie = cookieJar(res, this.cookie);
    return res;
  }

  async post(url: string, fields: [string, string][]): Promise<LightMyRequestResponse> {
    const res = await this.app.inject({
      method: 'POST',
      url,
      headers: { cookie: this.cookie, 'content-type': 'application/x-www-form-urlencoded' },
      payload: new URLSearchParams(fields).toString(),
    });
    this.cookie = cookieJar(res, this.cookie);
    return res;
  }

  /** Opens the launch page and sends a file (a directive file, an edXML package) through its upload form. */
  async upload(name: string, content: Uint8Array): Promise<LightMyRequestResponse> {
    const start = await this.get('/van-ban/moi');
    const form = new FormData();
    form.append('_csrf', csrfIn(start.body));
    form.append('file', new Blob([new Uint8Array(content)]), name);
    const request = new Request('http://dondoc.test/', { method: 'POST', body: form });
    const res = await this.app.inject({
      method: 'POST',
      url: '/van-ban/moi',
      payload: Buffer.from(await request.arrayBuffer()),
      headers: { cookie: this.cookie, 'content-type': request.headers.get('content-type')! },
    });
    this.cookie = cookieJar(res, this.cookie);
    return res;
  }

  /** Opens the launch page and reads a dispatch's text in, as the paste form does. */
  async paste(text: string, lang = ''): Promise<LightMyRequestResponse> {
    const start = await this.get(`/van-ban/moi${lang}`);
    return this.post('/van-ban/moi', [
      ['_csrf', csrfIn(start.body)],
      ['text', text],
    ]);
  }
}

export const decode = (s: string) =>
  s.replace(
    /&(amp|lt|gt|quot|#39|#\d+);/g,
    (_, e: string) => ({ amp: '&', lt: '<', gt: '>', quot: '"' })[e] ?? String.fromCharCode(Number(e.slice(1))),
  );

/** What a browser would send from a form: inputs, checked boxes, each select's chosen option, textareas. */
export function formFields(html: string, id: string): [string, string][] {
  const form = new RegExp(`<form[^>]*id="${id}"[^>]*>([\\s\\S]*?)</form>`).exec(html)?.[1];
  if (!form) throw new Error(`no form #${id} in the page`);
  const fields: [string, string][] = [];
  for (const m of form.matchAll(
    /<input\b([^>]*)>|<select\b([^>]*)>([\s\S]*?)<\/select>|<textarea\b([^>]*)>([\s\S]*?)<\/textarea>/g,
  )) {
    const attrs = m[1] ?? m[2] ?? m[4];
    const name = /\bname="([^"]*)"/.exec(attrs)?.[1];
    if (!name) continue;
    if (m[1] !== undefined) {
      if (/type="checkbox"/.test(attrs) && !/\bchecked\b/.test(attrs)) continue;
      fields.push([decode(name), decode(/\bvalue="([^"]*)"/.exec(attrs)?.[1] ?? '')]);
    } else if (m[2] !== undefined) {
      const options = [...m[3].matchAll(/<option value="([^"]*)"([^>]*)>/g)];
      fields.push([decode(name), decode((options.find((o) => /selected/.test(o[2])) ?? options[0])?.[1] ?? '')]);
    } else fields.push([decode(name), decode(m[5])]);
  }
  return fields;
}

export const valueIn = (fields: [string, string][], name: string) => fields.find(([k]) => k === name)?.[1];
export function withValues(fields: [string, string][], values: Record<string, string>): [string, string][] {
  const out = fields.map(([k, v]): [string, string] => [k, k in values ? values[k] : v]);
  for (const [k, v] of Object.entries(values)) if (!out.some(([name]) => name === k)) out.push([k, v]);
  return out;
}
export const rowsOf = (fields: [string, string][]) =>
  fields.filter(([k]) => /^t\.\d+\.unit$/.test(k)).map(([, v]) => v);
/** Every task due N working days after the launch: the answer to each "no deadline" question. */
export const allInDays = (fields: [string, string][], days: number) =>
  Object.fromEntries(
    rowsOf(fields).flatMap((_, i) => [
      [`t.${i}.kind`, 'days'],
      [`t.${i}.days`, String(days)],
    ]),
  );
