// Workers started together against a database that needs migrating (a first start, or after an
// upgrade) all come up: one applies the migrations, the others wait for its lock.
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { migrate } from '../../db/migrate';
import { freshDatabase } from '../helpers/stack';

test('three processes migrating one new database at once all succeed, and every migration is applied once', async () => {
  const url = await freshDatabase();
  const applied = await Promise.all([migrate(url), migrate(url), migrate(url)]);
  const files = readdirSync(path.join(__dirname, '..', '..', 'db', 'migrations'))
    .filter((f) => f.endsWith('.sql'))
    .map((f) => f.replace(/\.sql$/, ''))
    .sort();
  expect(applied.flat().sort()).toEqual(files);
  expect(await migrate(url)).toEqual([]);
}, 120_000);
