// `dondoc report request`: an ad hoc report (báo cáo đột xuất) asked of a few units at short
// notice. It is a small directive of its own, numbered `<n>/DX-<YYYYMMDD>` in the order of the
// day's requests, so it is chased and consolidated like any other.
import type { Client } from '@temporalio/client';
import type { Pool } from 'pg';
import type { Config } from '../../config';
import { localDateOf, vietnamCalendar } from '../../domain/calendar';
import { resolveDeadline } from '../../domain/chase';
import {
  DirectiveSchema,
  DocumentNumberSchema,
  UnitCodeSchema,
  type Directive,
  type OrgUnit,
} from '../../domain/schemas';
import { createReadModel } from '../../db/read-model';
import { launchDirective, NumberTakenError, type LaunchResult } from '../temporal';
import { refuseTaken } from './commands';
import { indicatorOption, optionIssue } from './amend';
import { printJson, UsageError, withReadModelPool, withTemporal, type CliIo } from './io';

export interface ReportRequestOptions {
  units?: string;
  title?: string;
  body?: string;
  within?: string;
  indicator?: string[];
  number?: string;
  issuer?: string;
  json?: boolean;
}

/** An ad hoc report is due at short notice: within this many working days at most. */
export const MAX_WITHIN = 15;

function unitCodes(list: string | undefined): string[] {
  const codes = (list ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  if (!codes.length) throw new UsageError('--units: name at least one unit, e.g. --units NB-STP,NB-CATINH');
  for (const [i, code] of codes.entries()) {
    const parsed = UnitCodeSchema.safeParse(code);
    if (!parsed.success) throw new UsageError(`--units: "${code}": ${parsed.error.issues[0].message}`);
    if (codes.indexOf(code) !== i) throw new UsageError(`--units: ${code} is listed twice`);
  }
  return codes;
}

function withinDays(within: string | undefined): number {
  const n = Number(within);
  if (!within || !/^\d+$/.test(within.trim()) || n < 1 || n > MAX_WITHIN) {
    throw new UsageError(
      `--within: an ad hoc report is due within 1 to ${MAX_WITHIN} working days, got "${within ?? ''}"`,
    );
  }
  return n;
}

/** The issuing body: the common top of the units' hierarchy (the province's People's Committee). */
function issuerOf(codes: string[], units: Map<string, OrgUnit>): string {
  const root = (code: string): OrgUnit => {
    let u = units.get(code)!;
    for (let guard = 0; u.parent && units.has(u.parent) && guard < 20; guard++) u = units.get(u.parent)!;
    return u;
  };
  const roots = new Set(codes.map((c) => root(c).code));
  if (roots.size > 1)
    throw new UsageError(`--issuer: the units come under ${[...roots].join(' and ')}; name the issuer`);
  return root(codes[0]).name;
}

/** The same request already launched under this number (asked twice, it starts once). */
/** Takes the day's next free number; the same request made again the same day finds its own. */
async function launchNumbered(
  client: Client,
  config: Config,
  pool: Pool,
  draft: Omit<Directive, 'number'>,
  day: string,
): Promise<{ directive: Directive; result: LaunchResult }> {
  for (let n = 1; n < 1000; n++) {
    const directive = { ...draft, number: `${n}/DX-${day.replace(/-/g, '')}` };
    try {
      return { directive, result: await launchDirective(client, config, directive, pool) };
    } catch (err) {
      if (!(err instanceof NumberTakenError)) throw err;
    }
  }
  throw new UsageError(`--number: 999 ad hoc requests on ${day} already; give a number`);
}

export async function reportRequestCommand(
  io: CliIo,
  config: Config,
  o: ReportRequestOptions,
  now = Date.now(),
): Promise<void> {
  const codes = unitCodes(o.units);
  if (!o.title?.trim()) throw new UsageError('--title: say what the report is about');
  const within = withinDays(o.within);
  const indicators = (o.indicator ?? []).map(indicatorOption);
  if (o.number !== undefined && !DocumentNumberSchema.safeParse(o.number).success)
    throw new UsageError(`--number: expected number/symbol, e.g. 12/UBND-VP, got "${o.number}"`);
  const today = localDateOf(now);

  const issuer = await withReadModelPool(config, async (pool) => {
    const units = new Map((await createReadModel(pool).units()).map((u) => [u.code, u]));
    const unknown = codes.filter((c) => !units.has(c));
    if (unknown.length) throw new UsageError(`--units: no unit ${unknown.join(', ')} in the directory`);
    return o.issuer ?? issuerOf(codes, units);
  });
  const body = o.body ?? `Báo cáo đột xuất: ${o.title.trim()}. Gửi báo cáo trong ${within} ngày làm việc.`;
  const draft = DirectiveSchema.safeParse({
    number: o.number ?? '1/DX',
    title: o.title,
    issuer,
    issuedOn: today,
    tasks: codes.map((unit) => ({ unit, title: o.title, body, deadline: { workingDays: within }, indicators })),
  });
  if (!draft.success) {
    // Too many units for one directive is about --units; a task's other complaints are its indicators'.
    const tooMany = draft.error.issues.find((i) => i.path.join('.') === 'tasks');
    throw tooMany
      ? new UsageError(`--units: ${tooMany.message}`)
      : optionIssue(draft.error, { title: '--title', issuer: '--issuer', tasks: '--indicator' });
  }
  const { directive, result } = await withReadModelPool(config, (pool) =>
    withTemporal(config, async (client) => {
      if (o.number)
        return {
          directive: draft.data,
          result: await launchDirective(client, config, draft.data, pool).catch(refuseTaken),
        };
      const { number: _, ...unnumbered } = draft.data;
      return launchNumbered(client, config, pool, unnumbered, today);
    }),
  );
  const due = resolveDeadline({ workingDays: within }, today, vietnamCalendar());
  if (o.json) return printJson(io, { number: directive.number, units: codes, due, ...result });
  io.out(
    result.launched
      ? `Requested ad hoc report ${directive.number} from ${codes.length} unit${codes.length === 1 ? '' : 's'} (${codes.join(', ')}), due ${due}.\n`
      : `${directive.number} already asks this of the same units; nothing started.\n`,
  );
}
