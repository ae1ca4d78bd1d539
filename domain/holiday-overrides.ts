// The days off the government actually announced for public offices (cơ quan hành chính, sự
// nghiệp), year by year. They replace the Labour Code rules for the occasions they cover; a year
// or an occasion missing here follows the rules (see holiday-rules.ts). Add each new year's
// announcement here when it is published, usually in the autumn before.
import type { HolidayAnnouncement } from './holiday-rules';

const MOLISA = 'Thông báo của Bộ Lao động - Thương binh và Xã hội';

export const HOLIDAY_OVERRIDES: readonly HolidayAnnouncement[] = [
  // 2023 — Quý Mão
  {
    year: 2023,
    occasions: ['new-year'],
    name: 'Tết Dương lịch',
    off: { from: '2022-12-31', to: '2023-01-02' },
    basis: MOLISA,
  },
  {
    year: 2023,
    occasions: ['tet'],
    name: 'Tết Nguyên đán',
    off: { from: '2023-01-20', to: '2023-01-26' },
    basis: MOLISA,
  },
  {
    year: 2023,
    occasions: ['hung-kings', 'reunification', 'labour-day'],
    name: 'Kỳ nghỉ Giỗ Tổ Hùng Vương, 30/4 và 1/5',
    off: { from: '2023-04-29', to: '2023-05-03' },
    basis: MOLISA,
  },
  {
    year: 2023,
    occasions: ['national-day'],
    name: 'Kỳ nghỉ Quốc khánh',
    off: { from: '2023-09-01', to: '2023-09-04' },
    basis: MOLISA,
  },

  // 2024 — Giáp Thìn
  {
    year: 2024,
    occasions: ['new-year'],
    name: 'Tết Dương lịch',
    off: { from: '2023-12-30', to: '2024-01-01' },
    basis: MOLISA,
  },
  {
    year: 2024,
    occasions: ['tet'],
    name: 'Tết Nguyên đán',
    off: { from: '2024-02-08', to: '2024-02-14' },
    basis: MOLISA,
  },
  {
    year: 2024,
    occasions: ['reunification', 'labour-day'],
    name: 'Kỳ nghỉ 30/4 và 1/5 (hoán đổi ngày làm việc)',
    off: { from: '2024-04-27', to: '2024-05-01' },
    makeUpDays: ['2024-05-04'],
    basis: 'Công văn 2450/VPCP-KGVX ngày 12/4/2024',
  },
  {
    year: 2024,
    occasions: ['national-day'],
    name: 'Kỳ nghỉ Quốc khánh',
    off: { from: '2024-08-31', to: '2024-09-03' },
    basis: MOLISA,
  },

  // 2025 — Ất Tỵ
  {
    year: 2025,
    occasions: ['new-year'],
    name: 'Tết Dương lịch',
    off: { from: '2025-01-01', to: '2025-01-01' },
    basis: MOLISA,
  },
  {
    year: 2025,
    occasions: ['tet'],
    name: 'Tết Nguyên đán',
    off: { from: '2025-01-25', to: '2025-02-02' },
    basis: MOLISA,
  },
  {
    year: 2025,
    occasions: ['reunification', 'labour-day'],
    name: 'Kỳ nghỉ 30/4 và 1/5 (hoán đổi ngày làm việc)',
    off: { from: '2025-04-30', to: '2025-05-04' },
    makeUpDays: ['2025-04-26'],
  },
  {
    year: 2025,
    occasions: ['national-day'],
    name: 'Kỳ nghỉ Quốc khánh',
    off: { from: '2025-08-30', to: '2025-09-02' },
    basis: MOLISA,
  },

  // 2026 — Bính Ngọ
  {
    year: 2026,
    occasions: ['new-year'],
    name: 'Kỳ nghỉ Tết Dương lịch (hoán đổi ngày làm việc)',
    off: { from: '2026-01-01', to: '2026-01-04' },
    makeUpDays: ['2026-01-10'],
    basis: 'Công văn 12729/VPCP-KGVX ngày 25/12/2025',
  },
  {
    year: 2026,
    occasions: ['tet'],
    name: 'Tết Nguyên đán',
    off: { from: '2026-02-14', to: '2026-02-22' },
    basis: 'Thông báo 9441/TB-BNV ngày 16/10/2025',
  },
  {
    year: 2026,
    occasions: ['national-day'],
    name: 'Kỳ nghỉ Quốc khánh (hoán đổi ngày làm việc)',
    off: { from: '2026-08-29', to: '2026-09-02' },
    makeUpDays: ['2026-08-22'],
    basis: 'Thông báo 9441/TB-BNV ngày 16/10/2025',
  },
];
