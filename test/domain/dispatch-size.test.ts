// A pasted text is read in time proportional to its length, and one larger than the limit is refused
// before any work, by name. Times are compared with a plain scan of the same text in the same run,
// not with a fixed number of milliseconds.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import YAML from 'yaml';
import { DispatchError, parseDispatch } from '../../domain/dispatch';
import { UnitDirectorySchema, tokensVi } from '../../domain/units';

const directory = UnitDirectorySchema.parse(
  YAML.parse(readFileSync(path.join(__dirname, '../../examples/units.yaml'), 'utf8')),
);
const LIMIT = 512 * 1024;
const HEADER = [
  'ỦY BAN NHÂN DÂN',
  'TỈNH NINH BÌNH',
  'Số: 12/UBND-VX',
  'Ninh Bình, ngày 05 tháng 3 năm 2024',
  'V/v tuyên truyền về quyền con người năm 2024',
  '',
];

/** A text of just under `bytes` in UTF-8, made of `piece` repeated after the header. */
function textOf(bytes: number, piece: (i: number) => string): string {
  const parts = [HEADER.join('\n')];
  let size = Buffer.byteLength(parts[0]);
  for (let i = 1; ; i++) {
    const p = piece(i);
    const n = Buffer.byteLength(p);
    if (size + n > bytes) break;
    parts.push(p);
    size += n;
  }
  return parts.join('');
}

/**
 * The fastest of five runs of each, taken in turns: the machine is shared with other test files,
 * and a run slowed by them says the least about the code.
 */
function fastest(runs: Array<() => unknown>): number[] {
  const best = runs.map(() => Infinity);
  for (let round = 0; round < 5; round++)
    runs.forEach((run, k) => {
      const t0 = performance.now();
      run();
      best[k] = Math.min(best[k], performance.now() - t0);
    });
  return best;
}

describe('a pasted text of 512 KB', () => {
  // The security review's case: one line naming units twenty thousand times (a "Kính gửi" list), and
  // the ordinary shapes, sections and prose, at the same size.
  const shapes: Array<[string, (i: number) => string]> = [
    ['one recipient line with thousands of names', (i) => (i === 1 ? 'Kính gửi: ' : 'Sở Tư pháp; Công an tỉnh; ')],
    [
      'thousands of numbered sections',
      (i) =>
        `\n${i}. Sở Tư pháp, Công an tỉnh\n- Giao Sở Tài chính chủ trì, phối hợp với Sở Nội vụ báo cáo trước ngày 15/11/2024.\n`,
    ],
    [
      'one paragraph of prose',
      (i) =>
        i === 1
          ? '\n'
          : 'Giao Sở Tư pháp chủ trì, phối hợp với Công an tỉnh và UBND các huyện, thành phố triển khai; hoàn thành trong tháng 10/2024. ',
    ],
  ];

  it.each(shapes)('%s is drafted in time proportional to a plain scan of it', (_shape, piece) => {
    const text = textOf(LIMIT, piece);
    const half = textOf(LIMIT / 2, piece);
    expect(Buffer.byteLength(text)).toBeGreaterThan(LIMIT - 1024);
    const [scan, draft, halfDraft] = fastest([
      () => tokensVi(text),
      () => parseDispatch(text, directory),
      () => parseDispatch(half, directory),
    ]);
    // The quadratic matcher took minutes on such a text; a linear one stays within some scans of it,
    // and twice the text takes about twice the time, not four times.
    expect(draft).toBeLessThan(60 * scan + 100);
    expect(draft).toBeLessThan(5 * halfDraft + 100);
  });

  it('one byte more is refused before it is read, naming the limit', () => {
    const over = `${textOf(LIMIT, () => 'Sở Tư pháp; ')}${'a'.repeat(LIMIT)}`.slice(0, 400_000) + 'ả'.repeat(60_000);
    expect(Buffer.byteLength(over)).toBeGreaterThan(LIMIT);
    expect(() => parseDispatch(over, directory)).toThrow(DispatchError);
    expect(() => parseDispatch(over, directory)).toThrow(
      /larger than 512 KB \(\d+ KB\); import one dispatch at a time/,
    );
  });
});
