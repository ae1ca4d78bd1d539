// What the importer asks a person, in Vietnamese and English. Each question has a stable code, so a
// page can show it in its own language (`text[lang]`) or group questions by kind; `message` is the
// English text, kept for readers of one language (the draft file's "# ?" comments, older pages).
type Params = Record<string, string | number>;
type Texts = (p: Params) => { vi: string; en: string };

const CATALOGUE = {
  'number.missing': () => ({
    vi: 'không có dòng "Số:"; hãy ghi số và ký hiệu, ví dụ 524/UBND-VP9',
    en: 'no "Số:" line; write the number and symbol, e.g. 524/UBND-VP9',
  }),
  'number.blank': (p) => ({
    vi: `số văn bản để trống ("Số: ${p.raw}"); hãy ghi khi văn bản được ban hành`,
    en: `the number is blank ("Số: ${p.raw}"); write it once the dispatch is issued`,
  }),
  'number.malformed': (p) => ({
    vi: `"${p.number}" không phải số và ký hiệu như 524/UBND-VP9`,
    en: `"${p.number}" is not a number and symbol like 524/UBND-VP9`,
  }),
  'issuedOn.missing': () => ({
    vi: 'không có ngày ban hành ("<địa danh>, ngày … tháng … năm …")',
    en: 'no issue date ("<place>, ngày … tháng … năm …")',
  }),
  'issuedOn.blank': () => ({
    vi: 'ngày ban hành để trống ("ngày … tháng … năm …"); hãy ghi khi văn bản được ban hành',
    en: 'the date is blank ("ngày … tháng … năm …"); write it once the dispatch is issued',
  }),
  'date.invalid': (p) => ({ vi: `"${p.raw}" không phải ngày có thật`, en: `"${p.raw}" is not a calendar date` }),
  'title.missing': () => ({
    vi: 'không có trích yếu "V/v"; hãy ghi tên văn bản',
    en: 'no "V/v" subject; write a title',
  }),
  'issuer.missing': () => ({
    vi: 'không thấy cơ quan ban hành phía trên "Số:"; hãy ghi cơ quan ban hành',
    en: 'no issuing body above "Số:"; write the issuer',
  }),
  'legalBasis.dateInvalid': (p) => ({
    vi: `${p.kind} ${p.number}: "${p.raw}" không phải ngày có thật`,
    en: `${p.kind} ${p.number}: "${p.raw}" is not a calendar date`,
  }),
  'schedule.incomplete': (p) => ({
    vi: `"${p.quote}" yêu cầu báo cáo định kỳ nhưng thiếu ${p.missingVi}; tạm để báo cáo một lần`,
    en: `"${p.quote}" asks for periodic reports without ${p.missingEn}; the schedule is left as once`,
  }),
  'schedule.dates': (p) => ({
    vi: `"${p.quote}" yêu cầu báo cáo định kỳ nhưng thiếu ${p.missingVi}; hãy ghi ngày thay cho YYYY-MM-DD`,
    en: `"${p.quote}" asks for periodic reports without ${p.missingEn}; write the dates in place of YYYY-MM-DD`,
  }),
  'schedule.cycles': (p) => ({
    vi: `văn bản đặt ${p.cyclesVi}; lịch báo cáo chỉ mang một kỳ: đã lấy ${p.chosenVi} (hạn ngày ${p.day}), hãy xem lại kỳ còn lại`,
    en: `the text sets ${p.cyclesEn}; a schedule carries one period: took ${p.chosenEn} (due on day ${p.day}); check the other`,
  }),
  'schedule.beforeCutoff': (p) => ({
    vi: `hạn báo cáo "${p.raw}" trước ngày chốt số liệu 14 của kỳ (Nghị định 09/2019/NĐ-CP); hãy xác nhận ngày đến hạn`,
    en: `the report due "${p.raw}" falls before the period's cut-off on the 14th (Decree 09/2019/NĐ-CP); confirm the due day`,
  }),
  'recipient.unknown': (p) => ({ vi: `"${p.name}" không khớp đơn vị nào`, en: `"${p.name}" matched no unit` }),
  'recipient.idle': (p) => ({
    vi: `"${p.name}": không mục nào giao nhiệm vụ cho ${p.codes}`,
    en: `"${p.name}": no section gives ${p.codes} a task`,
  }),
  'sections.firstNumber': (p) => ({
    vi: `mục đầu tiên đánh số "${p.number}"; văn bản có bị cắt phần đầu không?`,
    en: `the first section is numbered "${p.number}"; is the text cut at the top?`,
  }),
  'sections.gap': (p) => ({
    vi: `mục "${p.number}" đứng sau mục "${p.previous}"; có thiếu mục nào không?`,
    en: `section "${p.number}" follows section "${p.previous}"; is a section missing?`,
  }),
  'tasks.none': () => ({
    vi: 'không tìm thấy nhiệm vụ nào giao cho một đơn vị trong danh bạ; hãy thêm nhiệm vụ',
    en: 'found no task given to a unit of the directory; add the tasks',
  }),
  'unit.unknown': (p) => ({
    vi: `"${p.name}" không khớp đơn vị nào trong danh bạ; thêm đơn vị đó vào danh bạ hoặc giao cho đơn vị khác`,
    en: `"${p.name}" matched no unit of the directory; add it to the directory or give the task to another unit`,
  }),
  'unit.fuzzy': (p) => ({
    vi: `"${p.name}" viết khác với danh bạ; đã hiểu là ${p.units}`,
    en: `"${p.name}" is not written as in the directory; read as ${p.units}`,
  }),
  'unit.ambiguous': (p) => ({
    vi: `"${p.name}" khớp nhiều đơn vị: ${p.codes}`,
    en: `"${p.name}" matches several units: ${p.codes}`,
  }),
  'unit.everyRecipient': (p) => ({
    vi: `"${p.name}" là mọi nơi nhận, nhưng văn bản không có "Kính gửi"; hãy ghi các đơn vị`,
    en: `"${p.name}" means every recipient, but the text has no "Kính gửi"; name the units`,
  }),
  'title.none': (p) => ({
    vi: `${p.whereVi} không nêu nhiệm vụ cho đơn vị này`,
    en: `${p.whereEn} states no task for this unit`,
  }),
  'supports.several': (p) => ({
    vi: `"${p.name}" chỉ nhiều đơn vị (${p.codes}); hãy ghi đơn vị chủ trì mà nhiệm vụ này phối hợp`,
    en: `"${p.name}" names several units (${p.codes}); name the one this task supports`,
  }),
  'supports.none': () => ({
    vi: '"phối hợp" không nêu đơn vị chủ trì; hãy ghi đơn vị chủ trì, hoặc chuyển thành nhiệm vụ chủ trì',
    en: '"phối hợp" names no lead unit; name the unit this task supports, or make it a lead task',
  }),
  'supports.noTask': (p) => ({
    vi: `${p.code} không có nhiệm vụ trong văn bản này; hãy thêm, hoặc chuyển thành nhiệm vụ chủ trì`,
    en: `${p.code} has no task in this dispatch; add one or make this a lead task`,
  }),
  'deadline.none': (p) => ({
    vi: `${p.whereVi} không nêu thời hạn; hãy ghi ngày (YYYY-MM-DD) hoặc số ngày làm việc`,
    en: `${p.whereEn} sets no deadline; write a date (YYYY-MM-DD) or a number of working days`,
  }),
  'deadline.calendarDays': (p) => ({
    vi: `"${p.raw}" tính theo ngày lịch; hãy ghi ngày hoặc số ngày làm việc`,
    en: `"${p.raw}" counts calendar days; write a date or a number of working days`,
  }),
  'deadline.noYear': (p) => ({
    vi: p.iso ? `"${p.raw}" không ghi năm; đã hiểu là ${p.iso}` : `"${p.raw}" không ghi năm`,
    en: p.iso ? `"${p.raw}" gives no year; read as ${p.iso}` : `"${p.raw}" gives no year`,
  }),
  'deadline.several': (p) => ({
    vi: `nhiều thời hạn (${p.options}); đã lấy ${p.chosen}`,
    en: `several deadlines (${p.options}); took ${p.chosen}`,
  }),
  'deadline.fromEvent': (p) => ({
    vi: `"${p.raw}": ${p.days} ngày làm việc tính từ "${p.event}", văn bản không nêu ngày đó; hãy ghi ngày hạn`,
    en: `"${p.raw}": ${p.days} working days from "${p.event}", a day the text does not give; write the due date`,
  }),
  // A package received over the document exchange: its header against the attached document's text.
  'edxml.number.differs': (p) => ({
    vi: `văn bản ghi số ${p.text}, phần đầu gói tin ghi ${p.code}: đã lấy số của gói tin`,
    en: `the text says ${p.text}, the package's Code ${p.code}: took the package's`,
  }),
  'edxml.number.malformed': (p) => ({
    vi: `mã "${p.code}" của gói tin không phải số và ký hiệu như 524/UBND-VP9; hãy ghi số văn bản`,
    en: `the package's Code "${p.code}" is not a number and symbol like 524/UBND-VP9; write it`,
  }),
  'edxml.number.fromText': (p) => ({
    vi: `mã "${p.code}" của gói tin không phải số và ký hiệu; đã lấy số ghi trong văn bản`,
    en: `the package's Code "${p.code}" is not a number and symbol; took the text's`,
  }),
  'edxml.issuedOn.differs': (p) => ({
    vi: `văn bản ghi ngày ${p.text}, gói tin ghi ${p.header}: đã lấy ngày của gói tin`,
    en: `the text says ${p.text}, the package ${p.header}: took the package's`,
  }),
  'edxml.recipient.unknown': (p) => ({
    vi: `"${p.label}" (nơi nhận của gói tin) không khớp chắc chắn đơn vị nào${p.maybe ? ` (${p.maybe}?)` : ''}`,
    en: `"${p.label}" (a recipient of the package) matched no unit${p.maybe ? ` for certain (${p.maybe}?)` : ''}`,
  }),
  'edxml.recipient.idle': (p) => ({
    vi: `"${p.label}" nhận gói tin nhưng không mục nào giao nhiệm vụ cho ${p.codes}`,
    en: `"${p.label}" receives the package, but no section gives ${p.codes} a task`,
  }),
  'edxml.text.unread': (p) => ({
    vi: 'Không đọc được nội dung văn bản đính kèm gói tin: mỗi nơi nhận một nhiệm vụ, lấy trích yếu làm tên; hãy đối chiếu với văn bản',
    en: `${p.unread}: one task for each recipient of the package, titled with its subject; check them against the document`,
  }),
  'edxml.unit.none': () => ({
    vi: 'không nơi nhận nào của gói tin khớp một đơn vị; hãy ghi đơn vị',
    en: 'no recipient of the package matched a unit; write the unit',
  }),
  'edxml.deadline.missing': () => ({
    vi: 'gói tin không ghi hạn xử lý (DueDate)',
    en: 'the package gives no due date',
  }),
} satisfies Record<string, Texts>;

export type QuestionCode = keyof typeof CATALOGUE;

/** A question's words: its code, its text in both languages, and the English `message`. */
export interface Said {
  code: QuestionCode;
  message: string;
  text: { vi: string; en: string };
}

export function say(code: QuestionCode, params: Params = {}): Said {
  const text = CATALOGUE[code](params);
  return { code, message: text.en, text };
}

/** Where a section-level problem is, in both languages: "section 3" / "mục 3". */
export function where(label: { vi: string; en: string }): Params {
  return { whereVi: label.vi, whereEn: label.en };
}
