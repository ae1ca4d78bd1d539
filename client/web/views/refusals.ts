// A refusal said in the page's language. The workflows and the schemas name the field and the
// reason in English ("unit: NB-STP has no task in this directive"), the words a log and the API
// keep; a Vietnamese page says the same in Vietnamese, field first, so a person knows what to fix.
import type { Lang } from '../../../domain/format';

type Rule = [RegExp, (m: RegExpExecArray) => string];

const VI: Rule[] = [
  [
    /^reason: say why the deadline moves$/,
    () => 'reason: hãy nêu lý do đổi hạn (ít nhất 3 ký tự); đơn vị sẽ nhận được lý do này',
  ],
  [/^reason: give a reason$/, () => 'reason: hãy nêu lý do'],
  [/^comment: say what must be revised$/, () => 'comment: hãy ghi rõ nội dung đơn vị cần hoàn thiện'],
  [/^comment: say why the extension is refused$/, () => 'comment: hãy nêu lý do không chấp thuận gia hạn'],
  [/^title: give the task a title$/, () => 'title: hãy ghi tên nhiệm vụ'],
  [/^(\S+): expected a date as YYYY-MM-DD$/, (m) => `${m[1]}: cần một ngày có thật`],
  [/^(\S+): not a real calendar date$/, (m) => `${m[1]}: không phải một ngày có thật`],
  [/^(\S+): must be in the future$/, (m) => `${m[1]}: ngày này phải sau hôm nay`],
  [/^(\S+): (\S+) is in the past$/, (m) => `${m[1]}: ngày ${m[2]} đã qua`],
  [/^until: must be after the deadline (\S+)$/, (m) => `until: ngày gia hạn phải sau thời hạn hiện tại (${m[1]})`],
  [/^unit: (\S+) has no task in this directive$/, (m) => `unit: đơn vị ${m[1]} không có nhiệm vụ trong văn bản này`],
  [/^unit: no unit (\S+) in the directory$/, (m) => `unit: không có đơn vị ${m[1]} trong danh mục đơn vị`],
  [/^unit: (\S+)'s task is already closed$/, (m) => `unit: nhiệm vụ của đơn vị ${m[1]} đã kết thúc`],
  [
    /^task\.unit: (\S+) already has a task in this directive$/,
    (m) => `unit: đơn vị ${m[1]} đã có nhiệm vụ trong văn bản này`,
  ],
  [/^task\.unit: (\S+) was removed from this directive$/, (m) => `unit: đơn vị ${m[1]} đã được bỏ khỏi văn bản này`],
  [/^receipt: no report (\S+)$/, (m) => `receipt: không có báo cáo số ${m[1]}`],
  [/^report (\S+) was already (accepted|returned)$/, (m) => `báo cáo số ${m[1]} đã được xem xét trước đó`],
  [/^there is no extension request to decide$/, () => 'không có đề nghị gia hạn nào đang chờ quyết định'],
  [/^an extension request is already waiting for a decision$/, () => 'đề nghị gia hạn trước đang chờ quyết định'],
  [/^the directive is (\w+)$/, () => 'văn bản đã kết thúc: không thể điều chỉnh'],
  [/^the task (is \w+|was cancelled)$/, () => 'nhiệm vụ đã kết thúc hoặc đã bị hủy'],
  [/^(\S+) is closed \(\w+\): nothing more can be changed$/, (m) => `${m[1]} đã kết thúc: không thể thay đổi gì thêm`],
  [/^try again in a moment$/, () => 'hệ thống đang bận, xin thử lại sau ít phút'],
];

/** Each "field: reason" part of a refusal, in Vietnamese where the page is; unknown parts as they are. */
export function refusalIn(message: string, lang: Lang): string {
  if (lang === 'en') return message;
  return message
    .split('; ')
    .map((part) => {
      for (const [re, say] of VI) {
        const m = re.exec(part);
        if (m) return say(m);
      }
      return part;
    })
    .join('; ');
}
