// The department's forms: acknowledge, report (or resubmit a returned one), ask for an
// extension. Plain HTML forms that work without script; a form that comes back with an error
// keeps everything typed and names the field.
import type { Lang } from '../../../domain/format';
import { eta } from './layout';

/** What the person typed, as typed, so a form with an error comes back whole. */
export interface FormValues {
  submissionId: string;
  text: string;
  submittedBy: string;
  indicators: Record<string, string>;
  until: string;
  reason: string;
}

/** Field name (text, submittedBy, ind.CODE, attachments, until, reason) → message; `form` for the whole form. */
export type FieldErrors = Record<string, string>;

export interface TaskFormsModel {
  lang: Lang;
  csrf: string;
  acknowledge: boolean;
  report?: {
    resubmit: boolean;
    returnedComment?: string;
    indicators: { code: string; name: string; unit: string; target?: string }[];
  };
  extension: boolean;
  minDate: string;
  maxMb: string;
  values: FormValues;
  errors: FieldErrors;
  kept: { token: string; name: string; size: string }[];
}

export const FORM_WORDS = {
  vi: {
    ackTitle: 'Xác nhận đã nhận nhiệm vụ',
    ackHint: 'Cho văn phòng biết đơn vị đã nhận và đang triển khai nhiệm vụ.',
    ack: 'Xác nhận đã nhận',
    reportTitle: 'Gửi báo cáo',
    resubmitTitle: 'Gửi lại báo cáo đã hoàn thiện',
    returned: 'Văn phòng đã trả lại báo cáo với ý kiến',
    text: 'Nội dung báo cáo',
    numberHint: 'nhập số, ví dụ 20.000 hoặc 12,5',
    target: 'chỉ tiêu',
    files: 'Tệp đính kèm',
    filesHint: 'mỗi tệp tối đa',
    kept: 'Đã nhận các tệp',
    by: 'Người báo cáo (họ tên, chức vụ)',
    send: 'Gửi báo cáo',
    resend: 'Gửi lại báo cáo',
    extTitle: 'Đề nghị gia hạn',
    until: 'Gia hạn đến ngày',
    reason: 'Lý do',
    ask: 'Gửi đề nghị gia hạn',
  },
  en: {
    ackTitle: 'Acknowledge the task',
    ackHint: 'Tell the office the unit has received the task and is working on it.',
    ack: 'Acknowledge',
    reportTitle: 'Send the report',
    resubmitTitle: 'Send the revised report',
    returned: 'The office returned the report with this comment',
    text: 'Report',
    numberHint: 'a number, e.g. 20,000 or 12.5',
    target: 'target',
    files: 'Attachments',
    filesHint: 'each file at most',
    kept: 'Files already received',
    by: 'Reported by (name, position)',
    send: 'Send the report',
    resend: 'Send the revised report',
    extTitle: 'Ask for an extension',
    until: 'Extend until',
    reason: 'Reason',
    ask: 'Ask for the extension',
  },
} as const;

/** The error under a field, and the attributes that tie it to the field for screen readers. */
const fieldError = (f: string) =>
  `<% if (it.m.errors['${f}']) { %><p class="field-error" id="${f}-error"><%= it.m.errors['${f}'] %></p><% } %>`;
const invalid = (f: string) =>
  `<% if (it.m.errors['${f}']) { %> aria-invalid="true" aria-describedby="${f}-error"<% } %>`;

const TEMPLATE = `<% if (it.m.errors.form) { %><div class="error" role="alert"><%= it.m.errors.form %></div><% } %>
<% if (it.m.acknowledge) { %><form method="post" action="?lang=<%= it.m.lang %>" class="card">
<input type="hidden" name="_csrf" value="<%= it.m.csrf %>"><input type="hidden" name="do" value="acknowledge">
<h2><%= it.w.ackTitle %></h2><p><%= it.w.ackHint %></p><button type="submit"><%= it.w.ack %></button>
</form><% } %>
<% if (it.m.report) { %><form method="post" action="?lang=<%= it.m.lang %>" enctype="multipart/form-data" class="card" id="bao-cao">
<input type="hidden" name="_csrf" value="<%= it.m.csrf %>"><input type="hidden" name="do" value="report"><input type="hidden" name="submissionId" value="<%= it.m.values.submissionId %>">
<h2><%= it.m.report.resubmit ? it.w.resubmitTitle : it.w.reportTitle %></h2>
<% if (it.m.report.returnedComment) { %><p class="comment"><strong><%= it.w.returned %>:</strong> <%= it.m.report.returnedComment %></p><% } %>
<label for="text"><%= it.w.text %></label>
<textarea id="text" name="text" rows="8" required${invalid('text')}><%= it.m.values.text %></textarea>
${fieldError('text')}
<% it.m.report.indicators.forEach(function (i) { var f = 'ind.' + i.code, id = 'ind-' + i.code; %>
<label for="<%= id %>"><%= i.name %> (<%= i.unit %>)<% if (i.target) { %>, <%= it.w.target %> <%= i.target %><% } %></label>
<input type="text" inputmode="decimal" id="<%= id %>" name="<%= f %>" value="<%= it.m.values.indicators[i.code] || '' %>" placeholder="<%= it.w.numberHint %>"<% if (it.m.errors[f]) { %> aria-invalid="true" aria-describedby="<%= id %>-error"<% } %>>
<% if (it.m.errors[f]) { %><p class="field-error" id="<%= id %>-error"><%= it.m.errors[f] %></p><% } %>
<% }) %>
<label for="attachments"><%= it.w.files %> (<%= it.w.filesHint %> <%= it.m.maxMb %> MB)</label>
<% if (it.m.kept.length) { %><p><%= it.w.kept %>: <% it.m.kept.forEach(function (k, n) { %><% if (n) { %>, <% } %><%= k.name %> (<%= k.size %>)<input type="hidden" name="kept" value="<%= k.token %>"><% }) %></p><% } %>
<input type="file" id="attachments" name="attachments" multiple${invalid('attachments')}>
${fieldError('attachments')}
<label for="submittedBy"><%= it.w.by %></label>
<input type="text" id="submittedBy" name="submittedBy" value="<%= it.m.values.submittedBy %>" maxlength="200"${invalid('submittedBy')}>
${fieldError('submittedBy')}
<button type="submit"><%= it.m.report.resubmit ? it.w.resend : it.w.send %></button>
</form><% } %>
<% if (it.m.extension) { %><form method="post" action="?lang=<%= it.m.lang %>" class="card" id="gia-han">
<input type="hidden" name="_csrf" value="<%= it.m.csrf %>"><input type="hidden" name="do" value="extension">
<h2><%= it.w.extTitle %></h2>
<label for="until"><%= it.w.until %></label>
<input type="date" id="until" name="until" min="<%= it.m.minDate %>" value="<%= it.m.values.until %>" required${invalid('until')}>
${fieldError('until')}
<label for="reason"><%= it.w.reason %></label>
<textarea id="reason" name="reason" rows="3" required${invalid('reason')}><%= it.m.values.reason %></textarea>
${fieldError('reason')}
<button type="submit"><%= it.w.ask %></button>
</form><% } %>`;

export function renderTaskForms(m: TaskFormsModel): string {
  return eta.renderString(TEMPLATE, { m, w: FORM_WORDS[m.lang] });
}
