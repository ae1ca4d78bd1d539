// The office's directory pages (staff/units.eta, staff/unit.eta): every unit with its addresses,
// head, focal point and substitute; a closed unit's tasks left to move or cancel; the history.
import { formatDate, formatDateTime, type Lang } from '../../../domain/format';
import type { DirectoryEntry, UnitAuditEntry } from '../../../db/unit-admin';
import type { TaskRow } from '../../../db/read-model';
import type { TaskMove } from '../../unit-changes';

export const UNIT_WORDS = {
  vi: {
    title: 'Danh mục cơ quan, đơn vị',
    code: 'Mã',
    name: 'Tên',
    kind: 'Loại',
    parent: 'Trực thuộc',
    emails: 'Địa chỉ thư (mỗi dòng một địa chỉ)',
    mailboxes: 'Địa chỉ thư',
    head: 'Thủ trưởng',
    focal: 'Đầu mối',
    substitute: 'Người thay thủ trưởng khi vắng',
    from: 'từ ngày',
    to: 'đến ngày',
    personName: 'họ tên',
    personEmail: 'thư điện tử',
    state: 'Tình trạng',
    active: 'Đang hoạt động',
    closed: 'Đã ngừng',
    mergedInto: 'Đã sáp nhập vào',
    open: 'Nhiệm vụ chưa xong',
    edit: 'Sửa',
    add: 'Thêm đơn vị',
    save: 'Lưu thay đổi',
    deactivate: 'Ngừng hoạt động',
    deactivateHint: 'Nhiệm vụ chưa xong của đơn vị được liệt kê để văn phòng chuyển cho đơn vị khác hoặc hủy.',
    merge: 'Sáp nhập vào đơn vị khác',
    mergeHint:
      'Nhiệm vụ chưa xong được chuyển sang đơn vị nhận, giữ nguyên thời hạn (hạn đã qua thành ngày làm việc kế tiếp); lịch sử của đơn vị cũ được giữ và tính cho đơn vị nhận.',
    into: 'Đơn vị nhận',
    choose: '— chọn đơn vị —',
    reason: 'Lý do',
    tasks: 'Nhiệm vụ chưa xong',
    noTasks: 'Không còn nhiệm vụ nào chưa xong.',
    move: 'Chuyển cho',
    moveButton: 'Chuyển',
    cancel: 'Hủy nhiệm vụ',
    attention: 'Đơn vị đã ngừng hoạt động còn nhiệm vụ chưa xong — cần chuyển hoặc hủy:',
    history: 'Lịch sử thay đổi',
    mergedUnits: 'Các đơn vị đã sáp nhập vào đơn vị này',
    directive: 'Văn bản',
    task: 'Nhiệm vụ',
    deadline: 'Hạn',
    back: 'Danh mục',
    none: '—',
    outcome: { moved: 'đã chuyển, hạn', cancelled: 'đã hủy', refused: 'chưa chuyển được' } as Record<
      TaskMove['outcome'],
      string
    >,
    saved: 'Đã lưu.',
    nothing: 'Không có gì thay đổi.',
  },
  en: {
    title: 'Directory of units',
    code: 'Code',
    name: 'Name',
    kind: 'Kind',
    parent: 'Under',
    emails: 'Mail addresses (one a line)',
    mailboxes: 'Mail addresses',
    head: 'Head',
    focal: 'Focal point',
    substitute: 'Stands in for the head',
    from: 'from',
    to: 'to',
    personName: 'name',
    personEmail: 'email',
    state: 'State',
    active: 'Active',
    closed: 'Closed',
    mergedInto: 'Merged into',
    open: 'Open tasks',
    edit: 'Edit',
    add: 'Add a unit',
    save: 'Save the changes',
    deactivate: 'Close the unit',
    deactivateHint: "The unit's open tasks are listed for the office to move to another unit or cancel.",
    merge: 'Merge into another unit',
    mergeHint:
      "Open tasks move to the receiving unit with their deadlines (one already past becomes the next working day); the old unit's history is kept and counted for the receiving unit.",
    into: 'Receiving unit',
    choose: '— choose a unit —',
    reason: 'Reason',
    tasks: 'Open tasks',
    noTasks: 'No open task left.',
    move: 'Move to',
    moveButton: 'Move',
    cancel: 'Cancel the task',
    attention: 'Closed units still have open tasks — move or cancel them:',
    history: 'Changes',
    mergedUnits: 'Units merged into this one',
    directive: 'Directive',
    task: 'Task',
    deadline: 'Deadline',
    back: 'Directory',
    none: '—',
    outcome: { moved: 'moved, due', cancelled: 'cancelled', refused: 'not moved' } as Record<
      TaskMove['outcome'],
      string
    >,
    saved: 'Saved.',
    nothing: 'Nothing changed.',
  },
};

const person = (p?: { name: string; email: string }) => (p ? `${p.name} <${p.email}>` : '');

export function unitListView(
  entries: DirectoryEntry[],
  attention: { code: string; name: string; open: number }[],
  lang: Lang,
) {
  const names = new Map(entries.map((e) => [e.unit.code, e.unit.name]));
  return {
    t: UNIT_WORDS[lang],
    attention,
    units: entries
      .map((e) => ({
        code: e.unit.code,
        name: e.unit.name,
        kind: e.unit.kind,
        parent: e.unit.parent ? (names.get(e.unit.parent) ?? e.unit.parent) : '',
        emails: e.unit.emails.join(', '),
        head: person(e.unit.head),
        focal: person(e.unit.focalPoint),
        state: e.active ? 'active' : e.mergedInto ? 'merged' : 'closed',
        mergedInto: e.mergedInto ? (names.get(e.mergedInto) ?? e.mergedInto) : '',
        open: e.openTasks,
      }))
      .sort((a, b) => a.name.localeCompare(b.name, 'vi')),
  };
}

export interface UnitPageFigures {
  entry: DirectoryEntry;
  units: { code: string; name: string; active: boolean }[];
  tasks: TaskRow[];
  history: UnitAuditEntry[];
  merged: { code: string; name: string }[];
  moves?: TaskMove[];
  notice?: string;
  error?: string;
}

export function unitPageView(f: UnitPageFigures, lang: Lang, csrf: string) {
  const t = UNIT_WORDS[lang];
  const u = f.entry.unit;
  const nameOf = new Map(f.units.map((x) => [x.code, x.name]));
  return {
    t,
    csrf,
    notice: f.notice,
    error: f.error,
    unit: {
      code: u.code,
      name: u.name,
      kind: u.kind,
      parent: u.parent ?? '',
      emails: u.emails.join('\n'),
      head: u.head ?? { name: '', email: '' },
      focal: u.focalPoint ?? { name: '', email: '' },
      substitute: u.substitute ?? { name: '', email: '', from: '', to: '' },
    },
    active: f.entry.active,
    mergedInto: f.entry.mergedInto ? (nameOf.get(f.entry.mergedInto) ?? f.entry.mergedInto) : undefined,
    parents: f.units.filter((x) => x.code !== u.code),
    receivers: f.units.filter((x) => x.active && x.code !== u.code),
    tasks: f.tasks.map((r) => ({
      id: r.workflow_id,
      directive: r.directive_number,
      title: r.title,
      deadline: formatDate(r.deadline, lang),
      state: r.state,
    })),
    moves: (f.moves ?? []).map((m) => ({
      ...m,
      to: m.to ? (nameOf.get(m.to) ?? m.to) : '',
      said: `${t.outcome[m.outcome]}${m.deadline ? ` ${formatDate(m.deadline, lang)}` : ''}${m.why ? `: ${m.why}` : ''}`,
    })),
    history: f.history.map((h) => ({
      at: formatDateTime(h.at.getTime(), lang),
      actor: h.actor,
      action: h.action.replace(/^unit\./, ''),
      detail: JSON.stringify(h.detail.after ?? h.detail.unit ?? h.detail),
    })),
    merged: f.merged,
  };
}
