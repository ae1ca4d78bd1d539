// The launch form's check: a directive of any size goes through (its tasks are stored, not
// carried by its workflow), and a directive with no task is told so in the page's language.
import { toDirective } from '../../client/web/routes/launch-check';
import { draftOf } from '../../client/web/routes/launch-draft';

const units = (n: number) => Array.from({ length: n }, (_, i) => `NB-XA-${String(i + 1).padStart(5, '0')}`);
const raw = (n: number) => ({
  number: '1079/KH-UBND',
  title: 'Triển khai Chương trình truyền thông về quyền con người',
  issuer: 'Ủy ban nhân dân tỉnh Ninh Bình',
  issuedOn: '2023-01-16',
  tasks: units(n).map((unit) => ({
    unit,
    title: 'Tuyên truyền trên hệ thống thông tin cơ sở',
    body: 'Chủ trì tổ chức tuyên truyền; báo cáo kết quả.',
    deadline: { workingDays: 10 },
  })),
});
const check = (n: number, lang: 'vi' | 'en') =>
  toDirective(draftOf(raw(n), { source: 'd.yaml', fromFile: true }), {
    units: new Set(units(n)),
    lang,
    launching: true,
  });

test('5,000 communes in one directive pass the launch check', () => {
  const checked = check(5_000, 'vi');
  expect(checked.errors).toEqual({});
  expect(checked.directive?.tasks).toHaveLength(5_000);
});

test('a directive with no task is told it needs one, in the page language', () => {
  expect(check(0, 'vi').errors).toEqual({ tasks: 'Văn bản cần ít nhất một nhiệm vụ.' });
  expect(check(0, 'en').errors).toEqual({ tasks: 'A directive needs at least one task.' });
});
