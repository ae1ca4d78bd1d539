import { readFileSync } from 'node:fs';
import path from 'node:path';
import YAML from 'yaml';
import { choiceLabels } from '../../domain/unit-tree';
import { OrgUnitSchema } from '../../domain/schemas';
import {
  matchUnits,
  normalizeVi,
  provinceRoots,
  readUnitPhrase,
  unitsUnder,
  UnitDirectorySchema,
  type UnitDirectory,
} from '../../domain/units';

const demo: UnitDirectory = UnitDirectorySchema.parse(
  YAML.parse(readFileSync(path.join(__dirname, '../../examples/units.yaml'), 'utf8')),
);
const ninhBinh = unitsUnder(demo, 'NB-UBND');
const konTum = unitsUnder(demo, 'KT-UBND');
const codes = (m: { units: Array<{ code: string }> }) => m.units.map((u) => u.code);

describe('normalizeVi', () => {
  it.each([
    ['Sở Thông tin  và Truyền thông', 'so thong tin va truyen thong'],
    ['ĐẮK GLEI', 'dak glei'],
    ['Ủy ban nhân dân\thuyện\nHoa Lư ', 'uy ban nhan dan huyen hoa lu'],
    ['Sở Tư pháp'.normalize('NFD'), 'so tu phap'],
    ['Uỷ ban', 'uy ban'],
    ['', ''],
  ])('%j → %j', (input, expected) => expect(normalizeVi(input)).toBe(expected));
});

describe('the demo directory', () => {
  it('holds both provinces, every unit a valid OrgUnit under one of them', () => {
    expect(provinceRoots(demo)).toEqual([
      { code: 'NB-UBND', place: 'Ninh Bình' },
      { code: 'KT-UBND', place: 'Kon Tum' },
    ]);
    expect(ninhBinh.units.length + konTum.units.length).toBe(demo.units.length);
    for (const unit of demo.units) expect(OrgUnitSchema.safeParse(unit).success).toBe(true);
  });

  it('gives each unit but the national press offices its own organisation code in the official form', () => {
    const without = demo.units.filter((u) => !u.organId).map((u) => u.code);
    expect(without).toEqual(['KT-TTXVN', 'KT-NHANDAN', 'KT-VOV']);
    const ids = demo.units.flatMap((u) => u.organId ?? []);
    expect(new Set(ids).size).toBe(ids.length);
    expect(demo.units.find((u) => u.code === 'NB-UBND')?.organId).toBe('000.00.00.H42');
  });

  it('uses only fake .example.vn addresses', () => {
    const emails = demo.units.flatMap((u) => [
      ...u.emails,
      ...(u.head ? [u.head.email] : []),
      ...u.supervisorEmails,
      ...u.steeringEmails,
    ]);
    expect(emails.filter((e) => !e.endsWith('.example.vn'))).toEqual([]);
  });

  it('names the groups a dispatch addresses, each with its province members', () => {
    expect(Object.keys(demo.groups)).toEqual([
      'NB-SO-NGANH',
      'NB-HUYEN',
      'NB-BAO-CHI',
      'KT-SO-NGANH',
      'KT-HUYEN',
      'KT-BAO-CHI',
      'KT-BAO-CHI-THUONG-TRU',
      'KT-BAO-CHI-TRUYEN-THONG',
      'KT-TTVH-HUYEN',
    ]);
    expect(demo.groups['NB-HUYEN'].members).toHaveLength(8);
    expect(demo.groups['KT-TTVH-HUYEN'].members).toHaveLength(10);
  });

  it('matches every name and alias it lists to exactly that unit or group, within its province', () => {
    for (const scope of [ninhBinh, konTum]) {
      for (const unit of scope.units) {
        for (const name of [unit.name, ...unit.aliases])
          expect([name, matchUnits(name, scope)]).toEqual([name, { units: [unit], confidence: 'exact' }]);
      }
      for (const [code, group] of Object.entries(scope.groups)) {
        for (const name of [group.name, ...group.aliases])
          expect([code, name, codes(matchUnits(name, scope))]).toEqual([code, name, group.members]);
      }
    }
  });
});

describe('UnitDirectorySchema', () => {
  const unit = { code: 'XX-A', name: 'Sở A', emails: ['a@a.example.vn'] };
  const issues = (input: unknown) => {
    const r = UnitDirectorySchema.safeParse(input);
    return r.success ? [] : r.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
  };

  it('fills the defaults of a unit and a group', () => {
    const d = UnitDirectorySchema.parse({ units: [unit], groups: { 'XX-ALL': { name: 'Tất cả', members: ['XX-A'] } } });
    expect(d.units[0]).toEqual({ ...unit, kind: 'department', aliases: [], supervisorEmails: [], steeringEmails: [] });
    expect(d.groups['XX-ALL']).toEqual({ name: 'Tất cả', aliases: [], members: ['XX-A'] });
  });

  it('rejects a code listed twice, an unknown parent or member, and a group named like a unit', () => {
    expect(issues({ units: [unit, unit] })).toEqual(['units.1.code: unit XX-A is listed twice']);
    expect(issues({ units: [{ ...unit, parent: 'XX-P' }] })).toEqual(['units.0.parent: no unit XX-P']);
    expect(issues({ units: [unit], groups: { 'XX-G': { name: 'G', members: ['XX-B'] } } })).toEqual([
      'groups.XX-G.members.0: no unit XX-B',
    ]);
    expect(issues({ units: [unit], groups: { 'XX-A': { name: 'G', members: ['XX-A'] } } })).toEqual([
      'groups.XX-A: group XX-A has the code of a unit',
    ]);
  });

  it('rejects an organisation code given to two units, or in the wrong form', () => {
    const b = { ...unit, code: 'XX-B' };
    expect(
      issues({
        units: [
          { ...unit, organId: '000.00.01.H42' },
          { ...b, organId: '000.00.01.H42' },
        ],
      }),
    ).toEqual(['units.1.organId: organisation code 000.00.01.H42 is also that of XX-A']);
    expect(issues({ units: [{ ...unit, organId: '00.01.H42' }] })).toEqual([
      'units.0.organId: an organisation code (mã định danh) looks like 000.00.00.H41',
    ]);
  });

  it('rejects a lower-case code and an empty directory', () => {
    expect(issues({ units: [{ ...unit, code: 'xx-a' }] })).toEqual([
      'units.0.code: a unit code is 2-40 characters: A-Z, 0-9, "-" or "_"',
    ]);
    expect(issues({ units: [] })).toEqual(['units: Too small: expected array to have >=1 items']);
  });
});

describe('matchUnits', () => {
  it.each([
    ['Sở TT&TT', ['KT-STTTT']],
    ['Sở Thông tin và Truyền thông', ['KT-STTTT']],
    ['SỞ THÔNG TIN VÀ TRUYỀN THÔNG', ['KT-STTTT']],
    ['Sở Thông tin - Truyền thông tỉnh Kon Tum', ['KT-STTTT']],
    ['Sở LĐ-TB&XH', ['KT-SLDTBXH']],
    ['Sở VH, TT&DL', ['KT-SVHTTDL']],
    ['Đài PT-TH tỉnh', ['KT-DAIPTTH']],
    ['UBND huyện Đắk Glei', ['KT-UBND-DAKGLEI']],
    ['Công an tỉnh', ['KT-CATINH']],
    ['Các cơ quan báo chí thường trú tại địa phương', ['KT-TTXVN', 'KT-NHANDAN', 'KT-VOV']],
  ])('reads %j exactly in Kon Tum', (phrase, expected) => {
    expect(matchUnits(phrase, konTum)).toEqual({
      units: expected.map((c) => konTum.units.find((u) => u.code === c)),
      confidence: 'exact',
    });
  });

  it('expands "UBND các huyện, thành phố" and "Các sở, ban, ngành" to their members', () => {
    expect(codes(matchUnits('UBND các huyện, thành phố', ninhBinh))).toEqual(demo.groups['NB-HUYEN'].members);
    const both = matchUnits('Các sở, ban, ngành, UBND các huyện, thành phố', ninhBinh);
    expect(both.confidence).toBe('exact');
    expect(codes(both)).toEqual([...demo.groups['NB-SO-NGANH'].members, ...demo.groups['NB-HUYEN'].members]);
  });

  it('reads a group named without its trailing "tỉnh" even when the directory lists no aliases', () => {
    const bare = UnitDirectorySchema.parse({
      units: ninhBinh.units.map(({ aliases: _, ...u }) => u),
      groups: { 'NB-SO-NGANH': { name: 'Các sở, ban, ngành tỉnh', members: ['NB-STP', 'NB-STC'] } },
    });
    expect(matchUnits('Các sở, ban, ngành', bare)).toMatchObject({
      confidence: 'exact',
      units: [{ code: 'NB-STP' }, { code: 'NB-STC' }],
    });
  });

  it('across provinces, takes the province the phrase names, and is fuzzy when it names none', () => {
    expect(matchUnits('Công an tỉnh Ninh Bình', demo)).toEqual({
      units: [ninhBinh.units.find((u) => u.code === 'NB-CATINH')],
      confidence: 'exact',
    });
    expect(matchUnits('Công an tỉnh', demo)).toMatchObject({ confidence: 'fuzzy' });
    expect(codes(matchUnits('Công an tỉnh', demo))).toEqual(['NB-CATINH', 'KT-CATINH']);
  });

  it('is fuzzy when part of the phrase names no unit, or the words come in another order', () => {
    expect(codes(matchUnits('Sở Tư pháp, Hội Luật gia tỉnh', ninhBinh))).toEqual(['NB-STP']);
    expect(matchUnits('Sở Tư pháp, Hội Luật gia tỉnh', ninhBinh).confidence).toBe('fuzzy');
    expect(matchUnits('Giáo dục và Đào tạo Sở', ninhBinh)).toMatchObject({
      confidence: 'fuzzy',
      units: [{ code: 'NB-SGDDT' }],
    });
  });

  it('finds nothing in an unknown or empty name', () => {
    expect(matchUnits('Hội Nông dân tỉnh', ninhBinh)).toEqual({ units: [], confidence: 'none' });
    expect(matchUnits('', ninhBinh)).toEqual({ units: [], confidence: 'none' });
    expect(matchUnits('các, tỉnh;', ninhBinh)).toEqual({ units: [], confidence: 'none' });
  });
});

describe('readUnitPhrase', () => {
  it('points at each name and at the words that named nothing', () => {
    const phrase = 'Các cơ quan báo chí, truyền thông; Cổng/Trang thông tin điện tử các cơ quan hành chính Nhà nước';
    const reading = readUnitPhrase(phrase, konTum);
    expect(reading.mentions.map((m) => [m.text, m.via, m.ambiguous])).toEqual([
      ['cơ quan báo chí, truyền thông', ['KT-BAO-CHI-TRUYEN-THONG'], false],
    ]);
    expect(reading.residue.map((r) => r.text)).toEqual([
      'Cổng/Trang thông tin điện tử các cơ quan hành chính Nhà nước',
    ]);
  });
});

describe('choiceLabels', () => {
  test('a name two provinces share says whose each is; a unique name stays as it is', () => {
    const labels = choiceLabels(demo.units);
    expect(labels.get('NB-CATINH')).toBe('Công an tỉnh (Ninh Bình)');
    expect(labels.get('KT-CATINH')).toBe('Công an tỉnh (Kon Tum)');
    expect(labels.get('NB-UBND')).toBe(demo.units.find((u) => u.code === 'NB-UBND')!.name);
    // Every label in a list to choose from is different.
    expect(new Set(labels.values()).size).toBe(demo.units.length);
  });

  test('two units of one name in one province are told apart by their codes; a root keeps its name', () => {
    const labels = choiceLabels([
      { code: 'P', name: 'Ủy ban nhân dân tỉnh Lâm Đồng' },
      { code: 'A', name: 'Phòng Văn hóa', parent: 'P' },
      { code: 'B', name: 'Phòng Văn hóa', parent: 'P' },
      { code: 'Q', name: 'Ủy ban nhân dân tỉnh Lâm Đồng', parent: null },
    ]);
    expect([...labels.values()]).toEqual([
      'Ủy ban nhân dân tỉnh Lâm Đồng (P)',
      'Phòng Văn hóa (Lâm Đồng, A)',
      'Phòng Văn hóa (Lâm Đồng, B)',
      'Ủy ban nhân dân tỉnh Lâm Đồng (Q)',
    ]);
  });
});
