import { vietnamCalendar } from '../../domain/calendar';
import {
  addressList,
  changesBetween,
  movedDeadline,
  personOf,
  refusalOf,
  UnitChangeSchema,
  type TreeUnit,
} from '../../domain/unit-changes';
import type { OrgUnit } from '../../domain/schemas';

const tree = (units: TreeUnit[]) => new Map(units.map((u) => [u.code, u]));
// The new Ninh Bình: a province, a department under it, a ward under it, and a closed department.
const DIRECTORY = tree([
  { code: 'NB-UBND', active: true },
  { code: 'NB-SKHCN', parent: 'NB-UBND', active: true },
  { code: 'NB-P-HOALU', parent: 'NB-UBND', active: true },
  { code: 'NB-STTTT', parent: 'NB-UBND', active: false, mergedInto: 'NB-SKHCN' },
]);

describe('what the directory refuses', () => {
  it.each<[string, unknown, string | undefined]>([
    ['a new code', { kind: 'rename', code: 'NB-SKHCN', name: 'Sở KH&CN' }, undefined],
    ['an unknown unit', { kind: 'rename', code: 'NB-SXD', name: 'Sở Xây dựng' }, 'code: no unit NB-SXD'],
    [
      'a code taken',
      {
        kind: 'add',
        unit: { code: 'NB-SKHCN', name: 'Sở KH&CN', emails: ['a@b.vn'] },
      },
      'unit.code: NB-SKHCN is already in the directory',
    ],
    [
      'a unit under itself',
      { kind: 'parent', code: 'NB-UBND', parent: 'NB-P-HOALU' },
      'parent: NB-P-HOALU is under NB-UBND',
    ],
    [
      'a parent that does not exist',
      { kind: 'parent', code: 'NB-P-HOALU', parent: 'NB-UBND-HOALU' },
      'parent: no unit NB-UBND-HOALU',
    ],
    ['leaving the tree', { kind: 'parent', code: 'NB-P-HOALU', parent: null }, undefined],
    [
      'a merger into itself',
      { kind: 'merge', code: 'NB-SKHCN', into: 'NB-SKHCN' },
      'into: a unit cannot be merged into itself',
    ],
    [
      'a merger into a closed unit',
      { kind: 'merge', code: 'NB-P-HOALU', into: 'NB-STTTT' },
      'into: NB-STTTT is closed (merged into NB-SKHCN)',
    ],
    [
      'merging a closed unit again',
      { kind: 'merge', code: 'NB-STTTT', into: 'NB-SKHCN' },
      'code: NB-STTTT is closed already',
    ],
    ['closing a closed unit', { kind: 'deactivate', code: 'NB-STTTT' }, 'code: NB-STTTT is closed already'],
    ['a merger', { kind: 'merge', code: 'NB-P-HOALU', into: 'NB-SKHCN' }, undefined],
  ])('%s', (_name, change, refused) => {
    expect(refusalOf(UnitChangeSchema.parse(change), DIRECTORY)).toBe(refused);
  });

  it('checks every change at the edge: a substitute ends on or after the day it starts, a unit keeps an address', () => {
    const bad = UnitChangeSchema.safeParse({
      kind: 'substitute',
      code: 'NB-SKHCN',
      substitute: { name: 'Lê Văn Minh', email: 'minh@skhcn.vn', from: '2026-03-10', to: '2026-03-09' },
    });
    expect(bad.error?.issues.map((i) => [i.path.join('.'), i.message])).toEqual([
      ['substitute.to', 'the substitute stands in until a day on or after the first'],
    ]);
    expect(
      UnitChangeSchema.safeParse({ kind: 'addresses', code: 'NB-SKHCN', emails: [] }).error?.issues[0].message,
    ).toBe('keep one address at least');
  });
});

describe('a task moved to another unit', () => {
  const cal = vietnamCalendar();
  it('keeps its deadline when it is still ahead', () => {
    expect(movedDeadline('2026-03-20', '2026-03-10', cal)).toBe('2026-03-20');
  });
  it('is due the next working day when its deadline has come or passed', () => {
    // Friday 13/3/2026: the next working day is Monday 16/3.
    expect(movedDeadline('2026-03-13', '2026-03-13', cal)).toBe('2026-03-16');
    expect(movedDeadline('2026-03-02', '2026-03-13', cal)).toBe('2026-03-16');
  });
});

describe('an edit of a unit', () => {
  const unit: OrgUnit = {
    code: 'NB-SKHCN',
    name: 'Sở Khoa học và Công nghệ',
    kind: 'department',
    emails: ['vanthu@skhcn.vn'],
    head: { name: 'Trịnh Văn Hùng', email: 'giamdoc@skhcn.vn' },
    parent: 'NB-UBND',
    supervisorEmails: [],
    steeringEmails: [],
  };

  it('is one audited change per part that differs, and none when nothing does', () => {
    expect(changesBetween(unit, unit)).toEqual([]);
    const edited = {
      ...unit,
      emails: ['vanthu-moi@skhcn.vn'],
      head: undefined,
      focalPoint: { name: 'Nguyễn Thu Trang', email: 'trang@skhcn.vn' },
      substitute: { name: 'Lê Văn Minh', email: 'minh@skhcn.vn', from: '2026-03-09', to: '2026-03-20' },
    };
    expect(changesBetween(unit, edited).map((c) => c.kind)).toEqual(['addresses', 'head', 'focal', 'substitute']);
    expect(changesBetween(unit, { ...unit, name: 'Sở KH&CN', parent: undefined })).toEqual([
      { kind: 'rename', code: 'NB-SKHCN', name: 'Sở KH&CN' },
      { kind: 'parent', code: 'NB-SKHCN', parent: null },
    ]);
  });

  it('reads addresses and people as a person types them', () => {
    expect(addressList('a@x.vn\nb@x.vn; c@x.vn, a@x.vn')).toEqual(['a@x.vn', 'b@x.vn', 'c@x.vn']);
    expect(personOf('Nguyễn Văn An <an@ubnd.vn>')).toEqual({ name: 'Nguyễn Văn An', email: 'an@ubnd.vn' });
    expect(personOf('an@ubnd.vn')).toBeUndefined();
  });
});
