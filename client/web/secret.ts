// The web app's secret, which keys form tokens (CSRF) and signed cookies. LINK_SECRET gives it;
// otherwise one is generated on first start and kept under DATA_DIR, so it survives restarts
// and every web process on the same data folder shares it.
import { randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Config } from '../../config';

export function webSecret(config: Pick<Config, 'LINK_SECRET' | 'dataDir'>): string {
  if (config.LINK_SECRET) return config.LINK_SECRET;
  const file = path.join(config.dataDir, 'web-secret');
  try {
    const kept = readFileSync(file, 'utf8').trim();
    if (kept.length >= 32) return kept;
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
  }
  mkdirSync(config.dataDir, { recursive: true });
  const fresh = randomBytes(32).toString('base64url');
  // 'wx': when two processes start together, the first one's secret wins.
  try {
    writeFileSync(file, `${fresh}\n`, { mode: 0o600, flag: 'wx' });
    return fresh;
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
    return readFileSync(file, 'utf8').trim();
  }
}
