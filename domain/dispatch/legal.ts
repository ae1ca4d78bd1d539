// The documents a dispatch rests on, cited in its opening ("Thực hiện Quyết định số 1079/QĐ-TTg
// ngày 14/9/2022 …", "Căn cứ …") or in its footnotes.
import { foldVi } from '../units';
import { DATE, dateFromGroups } from './text';
import { say } from './questions';
import type { LegalBasis, AskedQuestion } from './types';

const KINDS: Record<string, string> = {
  'quyet dinh': 'Quyết định',
  'nghi quyet': 'Nghị quyết',
  'nghi dinh': 'Nghị định',
  'chi thi': 'Chỉ thị',
  'thong tu': 'Thông tư',
  'ke hoach': 'Kế hoạch',
  'cong van': 'Công văn',
  'van ban': 'Văn bản',
  'thong bao': 'Thông báo',
  'huong dan': 'Hướng dẫn',
  'ket luan': 'Kết luận',
  'chuong trinh': 'Chương trình',
};
const CITATION = new RegExp(
  String.raw`(?<![a-z0-9])(${Object.keys(KINDS).join('|')})\s+(?:so\s+)?(\d{1,6}(?:/|-(?=[a-z]))[^\s,;:()]+)(?:\s+ngay\s+(?:${DATE}))?`,
  'gd',
);

export interface CitingText {
  text: string;
  line: number;
}

/** Each document once, in the order cited; the dispatch's own number is not its own basis. */
export function readLegalBases(
  texts: CitingText[],
  ownNumber?: string,
): { bases: LegalBasis[]; questions: AskedQuestion[] } {
  const bases: LegalBasis[] = [];
  const questions: AskedQuestion[] = [];
  for (const { text, line } of texts) {
    for (const m of foldVi(text).matchAll(CITATION)) {
      const span = (g: number) => text.slice(m.indices![g][0], m.indices![g][1]);
      const number = span(2).replace(/[.\-/]+$/, '');
      if (number === ownNumber) continue;
      const known = bases.find((b) => b.number === number);
      const basis = known ?? { kind: KINDS[m[1]], number };
      if (!known) bases.push(basis);
      const dated = m[3] !== undefined || m[6] !== undefined;
      if (basis.date || !dated) continue;
      const rawStart = m.indices![m[3] ? 3 : 6][0];
      const rawEnd = m.indices![m[3] ? 5 : 8][1];
      const date = dateFromGroups(m.slice(3, 9), text.slice(rawStart, rawEnd));
      if ('iso' in date) basis.date = date.iso;
      else
        questions.push({
          path: `legalBases.${bases.indexOf(basis)}`,
          ...say('legalBasis.dateInvalid', { kind: basis.kind, number, raw: date.invalid }),
          line,
        });
    }
  }
  return { bases, questions };
}
