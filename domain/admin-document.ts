// The parts of a Vietnamese administrative document (Nghị định 30/2020/NĐ-CP, Phụ lục I) as
// plain text, so a dispatch or a report is written once and drawn as DOCX, HTML or mail text.
import { formatDateVi } from './format';
import type { LocalDate } from './schemas';

export const NATIONAL_MOTTO = 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM';
export const MOTTO = 'Độc lập - Tự do - Hạnh phúc';

export interface AdminDocument {
  /** Upper left: the issuing body, in capitals, its parent body first when there is one. */
  issuer: { parent?: string; name: string };
  /** "Số: 123/UBND-VP9". */
  numberLine: string;
  /** "Ninh Bình, ngày 05 tháng 3 năm 2023". */
  placeDate: string;
  /** Under the number of a công văn: "V/v đôn đốc …". */
  subject?: string;
  /** A report's centred title lines instead of a subject, e.g. "BÁO CÁO" and what it is about. */
  title?: string[];
  /** "Kính gửi:" lines; empty for a report. */
  recipients: string[];
  /** Paragraphs before and after the table. */
  body: string[];
  table?: { header: string[]; rows: string[][] };
  closing: string[];
  /** "Nơi nhận:" lines. */
  copyTo: string[];
  signature: { authority?: string; title: string; name: string };
  /**
   * An annex (phụ lục) to a report: drawn under the annex heading and the line naming the report
   * it goes with, without the header, "Nơi nhận" or signature of a document of its own.
   */
  annex?: { heading: string; of: string; notes: string[] };
  /** A wide table is drawn on a landscape page. */
  landscape?: boolean;
}

/** "UBND tỉnh Ninh Bình" → "ỦY BAN NHÂN DÂN TỈNH NINH BÌNH": a header spells the body out. */
export function issuerHeading(issuer: string): string {
  return issuer
    .replace(/^UBND\b/i, 'Ủy ban nhân dân')
    .replace(/^HĐND\b/i, 'Hội đồng nhân dân')
    .toLocaleUpperCase('vi');
}

/** The place in the date line: the province or city an issuer belongs to ("Ninh Bình"). */
export function placeOf(issuer: string): string {
  const m = /(?:tỉnh|thành phố|huyện|quận|thị xã)\s+(.+)$/iu.exec(issuer.trim());
  return m ? m[1].trim() : issuer.trim();
}

export const placeDateLine = (place: string, day: LocalDate): string => `${place}, ${formatDateVi(day)}`;

/** The document as plain text, for a mail body. */
export function documentText(d: AdminDocument): string {
  const lines = [
    d.issuer.parent,
    d.issuer.name,
    d.numberLine,
    d.subject,
    '',
    NATIONAL_MOTTO,
    MOTTO,
    d.placeDate,
    '',
    ...(d.title ?? []),
    d.recipients.length ? `Kính gửi: ${d.recipients.join('; ')}` : undefined,
    '',
    ...d.body,
    ...(d.table ? [d.table.header.join(' | '), ...d.table.rows.map((r) => r.join(' | '))] : []),
    ...d.closing,
    '',
    'Nơi nhận:',
    ...d.copyTo,
    '',
    d.signature.authority,
    d.signature.title,
    d.signature.name,
  ];
  return lines.filter((l): l is string => l !== undefined).join('\n');
}
