// Lists name a unit by its name, and a name two provinces share by whose each is: kept so by every
// write of the directory (an import, a change on the admin page or the command line), and given
// once to a directory stored before the labels existed.
import { Client, type Pool } from 'pg';
import { createPool } from '../../db/pool';
import { migrate } from '../../db/migrate';
import { createReadModel } from '../../db/read-model';
import { applyUnitChange } from '../../db/unit-admin';
import { unitChoices, unitNames } from '../../db/units';
import { OrgUnitSchema } from '../../domain/schemas';
import { freshDatabase } from '../helpers/stack';

const unit = (code: string, name: string, parent?: string) =>
  OrgUnitSchema.parse({
    code,
    name,
    kind: parent ? 'department' : 'office',
    emails: [`${code.toLowerCase()}@x.example.vn`],
    parent,
  });

/** A database brought up to date, holding the directory given; the pool is closed after `work`. */
async function withDirectory(units: ReturnType<typeof unit>[], work: (pool: Pool) => Promise<void>) {
  const url = await freshDatabase();
  await migrate(url);
  const pool = createPool(url);
  try {
    await createReadModel(pool).upsertUnits(units);
    await work(pool);
  } finally {
    await pool.end();
  }
  return url;
}

test('a second "Sở Tư pháp" added in another province names both by their province, on every list', async () => {
  const directory = [
    unit('LD-UBND', 'Ủy ban nhân dân tỉnh Lâm Đồng'),
    unit('LD-STP', 'Sở Tư pháp', 'LD-UBND'),
    unit('GL-UBND', 'Ủy ban nhân dân tỉnh Gia Lai'),
  ];
  await withDirectory(directory, async (pool) => {
    expect((await unitNames(pool)).get('LD-STP')).toBe('Sở Tư pháp');

    await applyUnitChange(
      pool,
      { kind: 'add', unit: unit('GL-STP', 'Sở Tư pháp', 'GL-UBND') },
      { actor: 'test', via: 'cli' },
    );
    expect(await unitChoices(pool)).toEqual([
      { code: 'GL-STP', name: 'Sở Tư pháp (Gia Lai)' },
      { code: 'LD-STP', name: 'Sở Tư pháp (Lâm Đồng)' },
      { code: 'GL-UBND', name: 'Ủy ban nhân dân tỉnh Gia Lai' },
      { code: 'LD-UBND', name: 'Ủy ban nhân dân tỉnh Lâm Đồng' },
    ]);

    // Renamed apart, each is its name alone again.
    await applyUnitChange(
      pool,
      { kind: 'rename', code: 'GL-STP', name: 'Sở Tư pháp tỉnh Gia Lai' },
      { actor: 'test', via: 'cli' },
    );
    expect((await unitNames(pool)).get('LD-STP')).toBe('Sở Tư pháp');
  });
});

test('a directory stored before units had labels gets them when the database is brought up to date', async () => {
  const url = await withDirectory(
    [
      unit('LD-UBND', 'Ủy ban nhân dân tỉnh Lâm Đồng'),
      unit('LD-CA', 'Công an tỉnh', 'LD-UBND'),
      unit('GL-UBND', 'Ủy ban nhân dân tỉnh Gia Lai'),
      unit('GL-CA', 'Công an tỉnh', 'GL-UBND'),
    ],
    async () => undefined,
  );
  // As the database stood before the labels' migration.
  const c = new Client({ connectionString: url });
  await c.connect();
  await c.query('ALTER TABLE units DROP COLUMN label');
  await c.query(`DELETE FROM pgmigrations WHERE name LIKE '%_unit-labels'`);
  await c.end();

  expect(await migrate(url)).toEqual([expect.stringMatching(/_unit-labels$/)]);
  const again = createPool(url);
  try {
    expect((await unitNames(again)).get('GL-CA')).toBe('Công an tỉnh (Gia Lai)');
  } finally {
    await again.end();
  }
});
