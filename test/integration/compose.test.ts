// docker-compose.yml and the Dockerfile, checked against the code they run: the setting names of
// config/index.ts, the search attributes of client/stack/temporal-dev.ts and the CLI path of
// package.json. It reads files only; it needs neither Docker nor a server.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { ConfigSchema } from '../../config';
import { SEARCH_ATTRIBUTES } from '../../client/stack/temporal-dev';

const root = path.resolve(__dirname, '..', '..');

type Build = string | { context?: string; dockerfile?: string };
interface Service {
  image?: string;
  build?: Build;
  command?: string | string[];
  entrypoint?: string | string[];
  environment?: Record<string, unknown> | string[];
  depends_on?: string[] | Record<string, { condition?: string }>;
  ports?: Array<string | { published?: string | number; target?: number; host_ip?: string }>;
}
interface Compose {
  services?: Record<string, Service>;
}

// Compose accepts YAML merge keys (`<<: *dondoc-env`); the yaml package resolves them on request.
const compose = parse(readFileSync(path.join(root, 'docker-compose.yml'), 'utf8'), { merge: true }) as Compose;
const services: Record<string, Service> = compose?.services ?? {};
const pkg = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as {
  bin?: string | Record<string, string>;
};

const REQUIRED_SERVICES = ['postgresql', 'temporal', 'temporal-setup', 'temporal-ui', 'mailpit', 'worker', 'web'];
const DONDOC_SERVICES = ['worker', 'web'];

/** A service's environment as Compose sees it: from a map or from a list of KEY=VALUE. */
function environmentOf(service: Service | undefined): Record<string, string | undefined> {
  const env = service?.environment;
  if (env === undefined || env === null) return {};
  if (Array.isArray(env)) {
    return Object.fromEntries(
      env.map((entry) => {
        const i = entry.indexOf('=');
        return i < 0 ? [entry, undefined] : [entry.slice(0, i), entry.slice(i + 1)];
      }),
    );
  }
  return Object.fromEntries(
    Object.entries(env).map(([k, v]) => [k, v === null || v === undefined ? undefined : String(v)]),
  );
}

/** What the README asks to set before `docker compose up`: the web app's secret. */
const SHELL = { LINK_SECRET: '3f9c2b7e1d4a8f6c0b5e9d2a7c4f1e8b3d6a9c2f5e8b1d4a7c0f3e6b9d2a5c8f' };

/** Compose's variable interpolation with only `shell` set: the values `docker compose up` uses. */
function interpolate(value: string, shell: Record<string, string> = SHELL): string {
  return value.replace(
    /\$\$|\$\{([A-Za-z_][A-Za-z0-9_]*)(?:(:?[-?])([^}]*))?\}|\$([A-Za-z_][A-Za-z0-9_]*)/g,
    (match, name?: string, op?: string, arg?: string, bare?: string) => {
      if (match === '$$') return '$';
      const set = shell[name ?? bare ?? ''];
      if (set !== undefined && set !== '') return set;
      if (op === ':-' || op === '-') return arg ?? '';
      if (op === ':?' || op === '?') throw new Error(`docker-compose.yml requires ${name} to be set: ${arg}`);
      return '';
    },
  );
}

/** Where a published port listens on the host: "127.0.0.1" in "127.0.0.1:7233:7233", every interface in "7233:7233". */
const hostIpOf = (port: string | { host_ip?: string }): string =>
  typeof port === 'string'
    ? (/^(\d+\.\d+\.\d+\.\d+|\[[^\]]+\]):/.exec(port)?.[1] ?? '0.0.0.0')
    : (port.host_ip ?? '0.0.0.0');

const commandText = (c: string | string[] | undefined): string => (Array.isArray(c) ? c.join(' ') : (c ?? ''));

function dependsOn(service: Service): string[] {
  const d = service.depends_on;
  if (!d) return [];
  return Array.isArray(d) ? d : Object.keys(d);
}

function hostOfAddress(address: string): string {
  const i = address.lastIndexOf(':');
  return i < 0 ? address : address.slice(0, i);
}

describe('docker-compose.yml', () => {
  test('has every service dondoc needs', () => {
    const missing = REQUIRED_SERVICES.filter((name) => !(name in services));
    expect(missing).toEqual([]);
  });

  test.each(DONDOC_SERVICES)('%s sets only settings that config/index.ts reads', (name) => {
    const keys = Object.keys(environmentOf(services[name]));
    expect(keys.length).toBeGreaterThan(0);
    const known = new Set(Object.keys(ConfigSchema.shape));
    const unknown = keys.filter((k) => !known.has(k));
    expect(unknown).toEqual([]);
  });

  test.each(DONDOC_SERVICES)(
    '%s points TEMPORAL_ADDRESS, DATABASE_URL and SMTP_URL at services of this file',
    (name) => {
      const env = environmentOf(services[name]);
      const missing = ['TEMPORAL_ADDRESS', 'DATABASE_URL', 'SMTP_URL'].filter(
        (k) => !env[k] || interpolate(env[k]).trim() === '',
      );
      expect(missing).toEqual([]);
      const hosts = {
        TEMPORAL_ADDRESS: hostOfAddress(interpolate(env.TEMPORAL_ADDRESS!)),
        DATABASE_URL: new URL(interpolate(env.DATABASE_URL!)).hostname,
        SMTP_URL: new URL(interpolate(env.SMTP_URL!)).hostname,
      };
      expect(hosts).toEqual({ TEMPORAL_ADDRESS: 'temporal', DATABASE_URL: 'postgresql', SMTP_URL: 'mailpit' });
    },
  );

  test.each(DONDOC_SERVICES)('%s has settings that pass config/index.ts validation with their defaults', (name) => {
    const env = Object.fromEntries(
      Object.entries(environmentOf(services[name])).map(([k, v]) => [k, v === undefined ? undefined : interpolate(v)]),
    );
    const parsed = ConfigSchema.safeParse(env);
    expect(parsed.success ? [] : parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`)).toEqual([]);
  });

  test('worker and web run the matching dondoc commands; the web app is published on 3000', () => {
    expect(commandText(services.worker?.command).trim()).toBe('worker');
    expect(commandText(services.web?.command).trim()).toBe('web');
    expect(services.web?.ports ?? []).toContain('3000:3000');
    expect(services['temporal-ui']?.ports ?? []).toContain('127.0.0.1:8233:8080');
  });

  test('Temporal (no authentication), its UI and Mailpit are published on the loopback address only', () => {
    const published = ['temporal', 'temporal-ui', 'mailpit'].flatMap((name) =>
      (services[name]?.ports ?? []).map(
        (p) => `${name} ${typeof p === 'string' ? p : JSON.stringify(p)} on ${hostIpOf(p)}`,
      ),
    );
    expect(published.length).toBeGreaterThanOrEqual(4);
    expect(published.filter((p) => !p.endsWith(' on 127.0.0.1'))).toEqual([]);
    // Nothing but the web app listens beyond this machine; PostgreSQL is not published at all.
    const open = Object.entries(services).flatMap(([name, s]) =>
      (s.ports ?? []).filter((p) => hostIpOf(p) !== '127.0.0.1').map(() => name),
    );
    expect(open).toEqual(['web']);
  });

  test('LINK_SECRET has no default: without it set, docker compose refuses to start, naming it', () => {
    const raw = readFileSync(path.join(root, 'docker-compose.yml'), 'utf8');
    expect(raw).not.toMatch(/placeholder|change-me/i);
    const web = environmentOf(services.web);
    expect(web.LINK_SECRET).toBeDefined();
    expect(() => interpolate(web.LINK_SECRET!, {})).toThrow(/requires LINK_SECRET to be set/);
    expect(interpolate(web.LINK_SECRET!)).toBe(SHELL.LINK_SECRET);
    // The worker signs nothing: it needs no secret, so `docker compose run worker …` works without one.
    expect(environmentOf(services.worker).LINK_SECRET).toBeUndefined();
  });

  test('every depends_on target is a service of this file', () => {
    const edges = Object.entries(services).flatMap(([name, s]) => dependsOn(s).map((target) => `${name} -> ${target}`));
    expect(edges.length).toBeGreaterThan(0);
    const dangling = edges.filter((edge) => !(edge.split(' -> ')[1] in services));
    expect(dangling).toEqual([]);
  });

  test.each(DONDOC_SERVICES)('%s starts only after temporal-setup has registered the search attributes', (name) => {
    const d = services[name]?.depends_on;
    const condition = d && !Array.isArray(d) ? d['temporal-setup']?.condition : undefined;
    expect(condition).toBe('service_completed_successfully');
  });

  test('every build context has a Dockerfile', () => {
    const builds = Object.entries(services).filter(([, s]) => s.build !== undefined);
    expect(builds.map(([name]) => name)).toEqual(expect.arrayContaining(DONDOC_SERVICES));
    const missing = builds
      .map(([name, s]) => {
        const b = s.build!;
        const context = typeof b === 'string' ? b : (b.context ?? '.');
        const dockerfile = typeof b === 'string' ? 'Dockerfile' : (b.dockerfile ?? 'Dockerfile');
        return { name, file: path.resolve(root, context, dockerfile) };
      })
      .filter(({ file }) => !existsSync(file))
      .map(({ name, file }) => `${name}: ${path.relative(root, file)}`);
    expect(missing).toEqual([]);
  });

  test('temporal runs the auto-setup image of a pinned 1.29.x release on PostgreSQL', () => {
    expect(services.temporal?.image).toMatch(/^temporalio\/auto-setup:1\.29\.\d+$/);
    expect(environmentOf(services.temporal).DB).toBe('postgres12');
  });

  test("temporal-setup creates exactly the search attributes dondoc uses, in dondoc's namespace", () => {
    const setup = services['temporal-setup'];
    expect(setup?.image).toMatch(/^temporalio\/admin-tools:/);
    const script = commandText(setup?.command);
    expect(script).toContain('search-attribute create');
    const created = [...script.matchAll(/--name\s+(\S+)\s+--type\s+(\S+)/g)].map((m) => `${m[1]}=${m[2]}`);
    expect([...created].sort()).toEqual([...SEARCH_ATTRIBUTES].sort());
    const namespaces = [...new Set([...script.matchAll(/--namespace\s+(\S+)/g)].map((m) => m[1]))];
    const dondocNamespaces = [
      ...new Set(DONDOC_SERVICES.map((n) => interpolate(environmentOf(services[n]).TEMPORAL_NAMESPACE ?? 'default'))),
    ];
    expect(dondocNamespaces).toHaveLength(1);
    expect(namespaces).toEqual(dondocNamespaces);
  });
});

describe('Dockerfile', () => {
  // Instructions of the Dockerfile, continuation lines joined and comments dropped.
  const instructions = readFileSync(path.join(root, 'Dockerfile'), 'utf8')
    .split('\n')
    .filter((line) => !/^\s*#/.test(line))
    .join('\n')
    .replace(/\\\n/g, ' ')
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean)
    .map((line) => {
      const m = /^(\S+)\s*(.*)$/.exec(line)!;
      return { op: m[1].toUpperCase(), args: m[2] };
    });
  const firstFrom = instructions.findIndex((i) => i.op === 'FROM');
  const lastFrom = instructions.map((i) => i.op).lastIndexOf('FROM');
  const finalStage = instructions.slice(lastFrom + 1);
  const globalArgs = Object.fromEntries(
    instructions
      .slice(0, Math.max(firstFrom, 0))
      .filter((i) => i.op === 'ARG')
      .map((i) => {
        const [k, v = ''] = i.args.split('=');
        return [k.trim(), v.trim()];
      }),
  );
  const last = (op: string) => [...finalStage].reverse().find((i) => i.op === op);
  const execForm = (op: string): string[] => {
    const i = last(op);
    if (!i) throw new Error(`the final stage has no ${op}`);
    return JSON.parse(i.args) as string[]; // exec form: signals reach node, not a shell
  };
  const normalize = (p: string) => path.posix.normalize(p).replace(/\/$/, '');

  test('every stage builds on Node 24 LTS (node:24-bookworm-slim)', () => {
    const froms = instructions
      .filter((i) => i.op === 'FROM')
      .map((i) =>
        i.args.split(/\s+/)[0].replace(/\$\{?([A-Za-z_][A-Za-z0-9_]*)\}?/g, (_, n: string) => globalArgs[n] ?? ''),
      );
    expect(froms.length).toBeGreaterThanOrEqual(2);
    expect([...new Set(froms)]).toEqual(['node:24-bookworm-slim']);
  });

  test('the entrypoint runs the bin path of package.json; the default command is the worker', () => {
    const bin = typeof pkg.bin === 'string' ? pkg.bin : pkg.bin?.dondoc;
    expect(bin).toBeDefined();
    const entrypoint = execForm('ENTRYPOINT');
    expect(entrypoint[0]).toBe('node');
    expect(normalize(entrypoint[1] ?? '')).toBe(normalize(bin!));
    expect(execForm('CMD')).toEqual(['worker']);
  });

  test('the final stage holds what the entrypoint and the code need at run time', () => {
    const provided = finalStage
      .filter((i) => i.op === 'COPY')
      .flatMap((i) => {
        const words = i.args.split(/\s+/).filter((w) => !w.startsWith('--'));
        const dest = words.pop()!;
        return dest === '.' || dest.endsWith('/')
          ? words.map((src) => path.posix.join(dest, path.posix.basename(src)))
          : [dest];
      })
      .map(normalize);
    // The web pages' templates are read from client/web/views at run time.
    const missing = ['package.json', 'node_modules', 'dist', 'db/migrations', 'examples', 'client/web/views'].filter(
      (p) => !provided.includes(p),
    );
    expect(missing).toEqual([]);
  });

  test('the final stage runs as a non-root user', () => {
    const user = last('USER')?.args.split(':')[0]?.trim();
    expect(user).toBeDefined();
    expect(['root', '0']).not.toContain(user);
  });
});
