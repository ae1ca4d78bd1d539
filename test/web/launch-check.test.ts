// The launch form's check of a directive too large to carry: said in the page's language, with
// the split that would fit, and nothing else mistaken for it.
import { CARRY_LIMIT_BYTES, carriedBytes } from '../../domain/carried';
import { DirectiveSchema } from '../../domain/schemas';
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

test('5,000 communes in one directive are refused in Vietnamese and in English, with the largest part that fits', () => {
  const d = DirectiveSchema.parse(raw(5_000));
  const most = Math.floor((5_000 * CARRY_LIMIT_BYTES) / carriedBytes(d));
  const vi = check(5_000, 'vi');
  expect(vi.directive).toBeUndefined();
  expect(vi.errors).toEqual({
    tasks: `5000 nhiệm vụ là quá nhiều cho một văn bản: hãy tách thành nhiều văn bản, mỗi văn bản không quá ${most} nhiệm vụ, hoặc giao qua cấp huyện để huyện giao tiếp cho xã.`,
  });
  expect(check(5_000, 'en').errors).toEqual({
    tasks: `5000 tasks are more than one directive can carry: split it into directives of at most ${most} tasks each, or assign through the districts and let them cascade to their communes.`,
  });
  // The part it proposes goes through.
  expect(check(most, 'vi')).toEqual({ directive: expect.objectContaining({ number: '1079/KH-UBND' }), errors: {} });
});

test('a directive with no task is still told it needs one', () => {
  expect(check(0, 'vi').errors).toEqual({ tasks: 'Văn bản cần ít nhất một nhiệm vụ.' });
});
