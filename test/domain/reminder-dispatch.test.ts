import { documentText, issuerHeading, placeOf } from '../../domain/admin-document';
import { recipientsOf, reminderDispatch, type ReminderDispatchInput } from '../../domain/reminder-dispatch';
import { consolidate, consolidatedDocument } from '../../domain/consolidate';

const input: ReminderDispatchInput = {
  number: '45/UBND-VP9',
  date: '2023-03-05',
  directive: {
    number: '524/UBND-VP9',
    title: 'Triển khai thực hiện Quyết định 1079/QĐ-TTg',
    issuer: 'UBND tỉnh Ninh Bình',
    issuedOn: '2022-12-21',
  },
  overdue: [
    {
      unitCode: 'NB-STTTT',
      unitName: 'Sở Thông tin và Truyền thông',
      title: 'Tuyên truyền trên báo chí',
      deadline: '2023-02-10',
      workingDaysOverdue: 16,
    },
    {
      unitCode: 'NB-CATINH',
      unitName: 'Công an tỉnh',
      title: 'Cung cấp thông tin cho báo chí',
      deadline: '2023-02-20',
      workingDaysOverdue: 10,
    },
    {
      unitCode: 'NB-STTTT',
      unitName: 'Sở Thông tin và Truyền thông',
      title: 'Báo cáo định kỳ',
      deadline: '2023-02-28',
      workingDaysOverdue: 4,
    },
  ],
  reportBy: '2023-03-10',
  signer: { name: 'Nguyễn Văn An', title: 'KT. CHỦ TỊCH / PHÓ CHỦ TỊCH' },
};

describe('the formal reminder dispatch (công văn đôn đốc)', () => {
  const doc = reminderDispatch(input);

  it('has the header of an administrative document', () => {
    expect(doc.issuer.name).toBe('ỦY BAN NHÂN DÂN TỈNH NINH BÌNH');
    expect(doc.numberLine).toBe('Số: 45/UBND-VP9');
    expect(doc.placeDate).toBe('Ninh Bình, ngày 05 tháng 3 năm 2023');
    expect(doc.subject).toBe('V/v đôn đốc thực hiện nhiệm vụ được giao tại Văn bản số 524/UBND-VP9');
  });

  it('writes to each overdue unit once and names every overdue task', () => {
    expect(doc.recipients).toEqual(['Sở Thông tin và Truyền thông', 'Công an tỉnh']);
    expect(doc.table!.rows.map((r) => [r[1], r[2], r[3], r[4]])).toEqual([
      ['Sở Thông tin và Truyền thông', 'Tuyên truyền trên báo chí', '10/02/2023', '16'],
      ['Công an tỉnh', 'Cung cấp thông tin cho báo chí', '20/02/2023', '10'],
      ['Sở Thông tin và Truyền thông', 'Báo cáo định kỳ', '28/02/2023', '4'],
    ]);
    expect(doc.body[0]).toBe(
      'Thực hiện Văn bản số 524/UBND-VP9 ngày 21 tháng 12 năm 2022 của UBND tỉnh Ninh Bình về việc triển khai thực hiện Quyết định 1079/QĐ-TTg, đến ngày 05 tháng 3 năm 2023, các cơ quan, đơn vị sau chưa hoàn thành nhiệm vụ được giao đúng thời hạn:',
    );
    expect(doc.closing[0]).toContain('báo cáo kết quả trước ngày 10 tháng 3 năm 2023');
  });

  it('ends with "Nơi nhận" and a signature on behalf of the chair', () => {
    expect(doc.copyTo).toEqual(['- Như trên;', '- Lãnh đạo UBND tỉnh Ninh Bình;', '- Lưu: VT.']);
    expect(doc.signature).toEqual({ authority: 'KT. CHỦ TỊCH', title: 'PHÓ CHỦ TỊCH', name: 'Nguyễn Văn An' });
    const text = documentText(doc);
    expect(text.indexOf('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM')).toBeLessThan(
      text.indexOf('Kính gửi: Sở Thông tin và Truyền thông; Công an tỉnh'),
    );
    expect(text.indexOf('Nơi nhận:')).toBeLessThan(text.indexOf('Nguyễn Văn An'));
  });

  it('refuses a dispatch with nobody overdue', () => {
    expect(() => reminderDispatch({ ...input, overdue: [] })).toThrow(
      'overdue: a reminder dispatch needs at least one overdue task',
    );
  });

  it('spells out issuers and finds the place', () => {
    expect(issuerHeading('UBND huyện Kon Rẫy')).toBe('ỦY BAN NHÂN DÂN HUYỆN KON RẪY');
    expect(placeOf('UBND thành phố Hà Nội')).toBe('Hà Nội');
    expect(placeOf('Sở Tư pháp')).toBe('Sở Tư pháp');
    expect(recipientsOf(input.overdue).map((r) => r.code)).toEqual(['NB-STTTT', 'NB-CATINH']);
  });
});

describe('the consolidated report', () => {
  const tasks = [
    {
      indicators: [
        { code: 'articles', name: 'Tin, bài', unit: 'bài', target: 100 },
        { code: 'leaflets', name: 'Tờ gấp', unit: 'tờ' },
      ],
    },
    {
      indicators: [
        { code: 'articles', name: 'Tin, bài', unit: 'bài', target: 50 },
        { code: 'attendees', name: 'Lượt người tham dự', unit: 'lượt' },
      ],
    },
  ];
  const result = consolidate(tasks, [
    { unit: 'BK-CATINH', unitName: 'Công an tỉnh', cycle: '2023-H1', values: { articles: 120, leaflets: 20_000 } },
    { unit: 'BK-CATINH', unitName: 'Công an tỉnh', cycle: '2023-H2', values: { articles: 98, leaflets: 4_600 } },
    { unit: 'BK-STP', unitName: 'Sở Tư pháp', cycle: '2023-H2', values: { attendees: 2_805, stray: 9 } },
  ]);

  it('sums each indicator across units and cycles, and ignores values nobody asked for', () => {
    expect(result.indicators).toEqual([
      { code: 'articles', name: 'Tin, bài', unit: 'bài', target: 150, total: 218 },
      { code: 'leaflets', name: 'Tờ gấp', unit: 'tờ', target: undefined, total: 24_600 },
      { code: 'attendees', name: 'Lượt người tham dự', unit: 'lượt', target: undefined, total: 2_805 },
    ]);
    expect(result.byUnit).toEqual([
      { unit: 'BK-CATINH', unitName: 'Công an tỉnh', values: { articles: 218, leaflets: 24_600 } },
      { unit: 'BK-STP', unitName: 'Sở Tư pháp', values: { attendees: 2_805 } },
    ]);
    expect(result.byCycle.map((c) => [c.cycle, c.values.articles ?? 0])).toEqual([
      ['2023-H1', 120],
      ['2023-H2', 98],
    ]);
    expect(result.reports).toBe(3);
  });

  it('is written as a report with the totals in Vietnamese numbers', () => {
    const doc = consolidatedDocument({
      directive: {
        number: '1297/KH-UBND',
        title: 'Kế hoạch truyền thông',
        issuer: 'UBND tỉnh Kon Tum',
        issuedOn: '2023-05-05',
      },
      date: '2024-01-15',
      result,
    });
    expect(doc.title).toEqual(['BÁO CÁO', 'Kết quả thực hiện Văn bản số 1297/KH-UBND ngày 05 tháng 5 năm 2023']);
    expect(doc.placeDate).toBe('Kon Tum, ngày 15 tháng 01 năm 2024');
    expect(doc.body).toContain('- Tin, bài: 218 bài (chỉ tiêu 150);');
    expect(doc.table!.rows.at(-1)).toEqual(['', 'Tổng cộng', '218', '24.600', '2.805']);
  });
});
