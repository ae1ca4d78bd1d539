// The district's part of its task page: pass the task on to its own units (a sub-directive), or,
// once passed on, where that sub-directive stands. Plain HTML, working without script.
import type { Lang } from '../../../domain/format';
import { eta } from './layout';

export interface CascadeValues {
  number: string;
  title: string;
  deadline: string;
  units: string[];
}

export interface CascadeModel {
  lang: Lang;
  csrf: string;
  /** The form, while the task can still be passed on. */
  form?: {
    units: { code: string; name: string }[];
    values: CascadeValues;
    errors: Record<string, string>;
    minDate: string;
    maxDate: string;
    closesWith: string;
  };
  /** The sub-directive, once started. */
  started?: { number: string; at: string; by: string; units: string[]; phase: string };
}

export const CASCADE_WORDS = {
  vi: {
    title: 'Giao tiếp cho đơn vị cấp dưới',
    hint: 'Huyện giao nhiệm vụ này cho các xã, phường, cơ quan trực thuộc bằng một văn bản của huyện; hệ thống gửi thư và đôn đốc từng đơn vị.',
    number: 'Số, ký hiệu văn bản của huyện (ví dụ 45/KH-UBND)',
    docTitle: 'Trích yếu',
    deadline: 'Hạn báo cáo của đơn vị cấp dưới',
    units: 'Đơn vị được giao',
    send: 'Giao nhiệm vụ',
    none: 'Chưa có đơn vị trực thuộc nào trong danh bạ; hãy đề nghị văn phòng bổ sung.',
    started: 'Đã giao tiếp cho đơn vị cấp dưới',
    at: 'lúc',
    by: 'người giao',
    phases: { running: 'đang thực hiện', done: 'đã hoàn thành', cancelled: 'đã hủy' } as Record<string, string>,
    closes: {
      'sub-directive': 'Nhiệm vụ của huyện hoàn thành khi tất cả đơn vị cấp dưới hoàn thành.',
      report: 'Huyện vẫn cần gửi báo cáo của mình để hoàn thành nhiệm vụ.',
    } as Record<string, string>,
  },
  en: {
    title: 'Pass on to subordinate units',
    hint: 'The district passes this task to its communes, wards and offices with a document of its own; dondoc mails and chases each of them.',
    number: "Number and symbol of the district's document (e.g. 45/KH-UBND)",
    docTitle: 'Subject',
    deadline: 'Report deadline for the units',
    units: 'Units',
    send: 'Pass the task on',
    none: 'No subordinate unit is in the directory yet; ask the office to add them.',
    started: 'Passed on to subordinate units',
    at: 'at',
    by: 'by',
    phases: { running: 'in progress', done: 'done', cancelled: 'cancelled' } as Record<string, string>,
    closes: {
      'sub-directive': "The district's task is done when every subordinate unit is done.",
      report: 'The district still sends its own report to close the task.',
    } as Record<string, string>,
  },
} as const;

const fieldError = (f: string) =>
  `<% if (it.m.form.errors['${f}']) { %><p class="field-error" id="c-${f}-error"><%= it.m.form.errors['${f}'] %></p><% } %>`;
const invalid = (f: string) =>
  `<% if (it.m.form.errors['${f}']) { %> aria-invalid="true" aria-describedby="c-${f}-error"<% } %>`;

const TEMPLATE = `<% if (it.m.started) { %><div class="card" id="giao-tiep">
<h2><%= it.w.started %></h2>
<p><strong><%= it.m.started.number %></strong> — <%= it.w.phases[it.m.started.phase] %> (<%= it.w.at %> <%= it.m.started.at %>, <%= it.w.by %> <%= it.m.started.by %>)</p>
<ul><% it.m.started.units.forEach(function (u) { %><li><%= u %></li><% }) %></ul>
</div><% } else if (it.m.form) { %><form method="post" action="?lang=<%= it.m.lang %>" class="card" id="giao-tiep">
<input type="hidden" name="_csrf" value="<%= it.m.csrf %>"><input type="hidden" name="do" value="cascade">
<h2><%= it.w.title %></h2>
<p class="hint"><%= it.w.hint %> <%= it.m.form.closesWith %></p>
<% if (it.m.form.errors.form) { %><p class="field-error" role="alert"><%= it.m.form.errors.form %></p><% } %>
<label for="c-number"><%= it.w.number %></label>
<input id="c-number" name="cascade.number" value="<%= it.m.form.values.number %>" required${invalid('number')}>
${fieldError('number')}
<label for="c-title"><%= it.w.docTitle %></label>
<input id="c-title" name="cascade.title" value="<%= it.m.form.values.title %>" required${invalid('title')}>
${fieldError('title')}
<label for="c-deadline"><%= it.w.deadline %></label>
<input type="date" id="c-deadline" name="cascade.deadline" min="<%= it.m.form.minDate %>" max="<%= it.m.form.maxDate %>" value="<%= it.m.form.values.deadline %>" required${invalid('deadline')}>
${fieldError('deadline')}
<fieldset><legend><%= it.w.units %></legend>
<% if (!it.m.form.units.length) { %><p><%= it.w.none %></p><% } %>
<% it.m.form.units.forEach(function (u) { %><label class="check"><input type="checkbox" name="cascade.units" value="<%= u.code %>"<% if (it.m.form.values.units.includes(u.code)) { %> checked<% } %>> <%= u.name %></label>
<% }) %></fieldset>
${fieldError('units')}
<button type="submit"<% if (!it.m.form.units.length) { %> disabled<% } %>><%= it.w.send %></button>
</form><% } %>`;

export function renderCascade(m: CascadeModel): string {
  return eta.renderString(TEMPLATE, { m, w: CASCADE_WORDS[m.lang] });
}
