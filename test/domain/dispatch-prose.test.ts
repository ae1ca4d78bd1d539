// The administrative style's patterns, one example each, as a coordinator would read them: who is
// assigned, with which role and deadline, and what the draft asks about.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import YAML from 'yaml';
import { parseDispatch, type DispatchDraft } from '../../domain/dispatch';
import { UnitDirectorySchema, unitsUnder, type UnitDirectory } from '../../domain/units';

const demo = UnitDirectorySchema.parse(
  YAML.parse(readFileSync(path.join(__dirname, '../../examples/units.yaml'), 'utf8')),
);
const ninhBinh = unitsUnder(demo, 'NB-UBND');
const DISTRICTS = ninhBinh.units.filter((u) => u.kind === 'district').map((u) => u.code);

const HEADER = (issuer = 'ỦY BAN NHÂN DÂN\nTỈNH NINH BÌNH') =>
  `${issuer}\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nSố: 12/UBND-VX\nNinh Bình, ngày 05 tháng 3 năm 2024\nV/v triển khai nhiệm vụ\n\n`;
const read = (body: string, directory: UnitDirectory = ninhBinh, header = HEADER()) =>
  parseDispatch(`${header}${body}`, directory);
const tasks = (d: DispatchDraft) => d.directive.tasks.map((t) => [t.unit, t.role, t.supports, t.deadline] as const);
const codes = (d: DispatchDraft) => d.questions.map((q) => q.code);

describe('who is assigned', () => {
  it('LEAD: "Giao X chủ trì, phối hợp với Y và Z …": X leads, Y and Z support X, with the same deadline', () => {
    const d = read(
      'Giao Sở Tư pháp chủ trì, phối hợp với Công an tỉnh và Sở Tài chính tổ chức tập huấn; hoàn thành trước ngày 15/11/2024.',
    );
    const due = { date: '2024-11-15' };
    expect(tasks(d)).toEqual([
      ['NB-STP', 'lead', undefined, due],
      ['NB-CATINH', 'support', 'NB-STP', due],
      ['NB-STC', 'support', 'NB-STP', due],
    ]);
    expect(d.directive.tasks[0].title).toBe(
      'Chủ trì, phối hợp với Công an tỉnh và Sở Tài chính tổ chức tập huấn; hoàn thành trước ngày 15/11/2024',
    );
  });

  it('SUPPORT: a duty that opens "X phối hợp với Y …" supports Y; "giao X phối hợp với Y" gives X the task', () => {
    const d = read(
      [
        'Sở Tư pháp tổ chức phổ biến pháp luật trước ngày 30/6/2024.',
        'Sở Tài chính phối hợp với Sở Tư pháp bố trí kinh phí trước ngày 30/6/2024.',
        'Giao Công an tỉnh phối hợp với Sở Nội vụ rà soát hồ sơ trước ngày 30/6/2024.',
      ].join('\n'),
    );
    const due = { date: '2024-06-30' };
    expect(tasks(d)).toEqual([
      ['NB-STP', 'lead', undefined, due],
      ['NB-STC', 'support', 'NB-STP', due],
      ['NB-CATINH', 'lead', undefined, due],
      ['NB-SNV', 'support', 'NB-CATINH', due],
    ]);
  });

  it('SENDER and REPORT: the sender and whoever receives the report are never assignees', () => {
    const d = read(
      'Sở Thông tin và Truyền thông đề nghị UBND các huyện, thành phố báo cáo kết quả về Sở Thông tin và Truyền thông trước ngày 10/12/2024 để tổng hợp, báo cáo UBND tỉnh.',
      ninhBinh,
      HEADER('UBND TỈNH NINH BÌNH\nSỞ THÔNG TIN VÀ TRUYỀN THÔNG'),
    );
    expect(d.directive.issuer).toBe('Sở Thông tin và Truyền thông tỉnh Ninh Bình');
    expect(tasks(d)).toEqual(DISTRICTS.map((c) => [c, 'lead', undefined, { date: '2024-12-10' }]));
  });

  it('DISTRIBUTIVE: "các Sở: Tư pháp, Tài chính, Nội vụ" names one unit each', () => {
    const d = read(
      'Giao các Sở: Tư pháp, Tài chính, Nội vụ có ý kiến bằng văn bản, gửi Sở Kế hoạch và Đầu tư trước ngày 20/11/2024.',
    );
    expect(tasks(d).map((t) => t[0])).toEqual(['NB-STP', 'NB-STC', 'NB-SNV']);
  });

  it('BY PLACE: "UBND các xã, phường" is every commune of the directory, "UBND các huyện" every district', () => {
    const communes = ninhBinh.units.filter((u) => u.kind === 'commune').map((u) => u.code);
    expect(communes.length).toBeGreaterThan(0);
    expect(tasks(read('Đề nghị UBND các xã, phường rà soát danh sách hộ nghèo.')).map((t) => t[0])).toEqual(communes);
    expect(tasks(read('Yêu cầu UBND các huyện xây dựng kế hoạch.')).map((t) => t[0])).toEqual(
      ninhBinh.units.filter((u) => /huyện/.test(u.name) && u.kind === 'district').map((u) => u.code),
    );
  });

  it('BY NAME: a ministry\'s "các Sở Thông tin và Truyền thông" is every such department', () => {
    const ministry = UnitDirectorySchema.parse({
      units: [
        { code: 'MIC', name: 'Bộ Thông tin và Truyền thông', emails: ['a@mic.example.vn'] },
        ...['Hà Giang', 'Cao Bằng', 'Lạng Sơn'].map((p, i) => ({
          code: `STTTT-${i}`,
          name: `Sở Thông tin và Truyền thông tỉnh ${p}`,
          emails: [`s${i}@mic.example.vn`],
          parent: 'MIC',
        })),
      ],
    });
    const d = read(
      'Kính gửi: Các Sở Thông tin và Truyền thông\n\nBộ Thông tin và Truyền thông đề nghị các Sở Thông tin và Truyền thông gửi báo cáo về Văn phòng Bộ trước ngày 05/12/2024.',
      ministry,
      'BỘ THÔNG TIN VÀ TRUYỀN THÔNG\nSố: 3478/BTTTT-VP\nHà Nội, ngày 18 tháng 11 năm 2024\nV/v báo cáo\n\n',
    );
    expect(tasks(d).map((t) => [t[0], t[3]])).toEqual(
      ['STTTT-0', 'STTTT-1', 'STTTT-2'].map((c) => [c, { date: '2024-12-05' }]),
    );
  });

  it('EVERYONE: a chasing letter\'s "các cơ quan, đơn vị" is every recipient, with the period its figures cover', () => {
    const d = read(
      [
        'Kính gửi:',
        '- Sở Tư pháp;',
        '- Sở Tài chính.',
        '',
        'Đến nay, Ủy ban nhân dân tỉnh chưa nhận được báo cáo của các đơn vị. Đề nghị các cơ quan, đơn vị khẩn trương gửi báo cáo (số liệu tính từ ngày 01/01/2024 đến ngày 30/9/2024) về Sở Nội vụ trước ngày 15/10/2024.',
      ].join('\n'),
    );
    expect(tasks(d)).toEqual([
      ['NB-STP', 'lead', undefined, { date: '2024-10-15' }],
      ['NB-STC', 'lead', undefined, { date: '2024-10-15' }],
    ]);
    expect(d.dataPeriod).toEqual({ from: '2024-01-01', to: '2024-09-30' });
  });

  it('FORMULA: "… chịu trách nhiệm thi hành Quyết định này" gives no task', () => {
    const d = read(
      'Điều 3. Chánh Văn phòng UBND tỉnh, Thủ trưởng các sở, ban, ngành; Chủ tịch UBND các huyện, thành phố chịu trách nhiệm thi hành Quyết định này./.',
    );
    expect(d.directive.tasks).toEqual([]);
    expect(codes(d)).toContain('tasks.none');
  });

  it('no task without a unit: a name the directory lacks is one question, quoting it, in both languages', () => {
    const d = read('Giao Hội Nông dân tỉnh chủ trì tuyên truyền trong tháng 10/2024.');
    expect(d.directive.tasks).toEqual([]);
    const q = d.questions.find((x) => x.code === 'unit.unknown')!;
    expect(q.text.vi).toContain('"Hội Nông dân tỉnh" không khớp đơn vị nào trong danh bạ');
    expect(q.text.en).toContain('"Hội Nông dân tỉnh" matched no unit of the directory');
  });
});

describe('when it is due', () => {
  it("MONTH and QUARTER: the last day of the month or quarter, the year the dispatch's when not written", () => {
    const d = read('Sở Tư pháp hoàn thành trong tháng 10/2024.\nCông an tỉnh hoàn thành trong quý IV.');
    expect(tasks(d).map((t) => t[3])).toEqual([{ date: '2024-10-31' }, { date: '2024-12-31' }]);
  });

  it('WORKING DAYS: from the launch, or from an event the text does not date, which is asked about', () => {
    const d = read(
      [
        'Sở Tư pháp báo cáo trong thời hạn 05 ngày làm việc kể từ ngày nhận được văn bản.',
        'Sở Giáo dục và Đào tạo báo cáo trong thời hạn 10 ngày làm việc kể từ khi kết thúc học kỳ I.',
      ].join('\n'),
    );
    expect(tasks(d).map((t) => t[3])).toEqual([{ workingDays: 5 }, { workingDays: 10 }]);
    expect(d.questions.filter((q) => q.code === 'deadline.fromEvent').map((q) => q.text.vi)).toEqual([
      '"trong thời hạn 10 ngày làm việc kể từ khi kết thúc học kỳ I": 10 ngày làm việc tính từ "khi kết thúc học kỳ I", văn bản không nêu ngày đó; hãy ghi ngày hạn',
    ]);
  });

  it('PERIODIC: "6 tháng (trước ngày 10/6) và hằng năm (trước ngày 10/12)": the cycles as written, the schedule half-yearly', () => {
    const d = read(
      'Các sở, ban, ngành báo cáo định kỳ 6 tháng (trước ngày 10/6) và hằng năm (trước ngày 10/12) về Sở Tư pháp đến năm 2025.',
    );
    expect(d.reportCycles).toEqual([
      { period: 'half-yearly', day: 10, month: 6 },
      { period: 'yearly', day: 10, month: 12 },
    ]);
    expect(d.directive.schedule).toEqual({
      kind: 'periodic',
      period: 'half-yearly',
      dueDay: 10,
      from: '2024-03-05',
      until: '2025-12-31',
    });
    expect(codes(d)).toEqual(expect.arrayContaining(['schedule.cycles', 'schedule.beforeCutoff']));
    // The report dates are the schedule's, not each task's deadline.
    expect(d.directive.tasks.every((t) => JSON.stringify(t.deadline) === '{"date":"YYYY-MM-DD"}')).toBe(true);
  });
});

describe('what it counts, and names that hold dashes', () => {
  it('INDICATORS: "tối thiểu 24 tin, bài", "02 lớp tập huấn", "100 % phóng viên …"', () => {
    const d = read(
      'Báo Ninh Bình đăng tải tối thiểu 24 tin, bài; tổ chức 02 lớp tập huấn; 100 % phóng viên được tập huấn về nhân quyền.',
    );
    expect(d.directive.tasks[0].indicators).toEqual([
      { code: 'articles', name: 'Tin, bài', unit: 'tin, bài', target: 24 },
      { code: 'training_classes', name: 'Lớp tập huấn, bồi dưỡng', unit: 'lớp', target: 2 },
      { code: 'share_1', name: 'Phóng viên', unit: '%', target: 100 },
    ]);
  });

  it('HYPHENS inside a quoted name or a year range do not split a heading', () => {
    const d = read(
      '1. Sở Lao động - Thương binh và Xã hội - xây dựng chuyên mục “Quyền con người - Cuộc sống” năm 2024 - 2025\n- Phát sóng hằng tuần.',
    );
    expect(tasks(d).map((t) => t[0])).toEqual(['NB-SLDTBXH']);
    expect(d.directive.tasks[0].title).toBe('Xây dựng chuyên mục “Quyền con người - Cuộc sống” năm 2024 - 2025');
  });
});
