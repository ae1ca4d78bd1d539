// The draft in a form: the directive's fields, one fieldset per task, the importer's questions
// marked at their fields and listed on top, errors named by field. Plain HTML, no script.
import type { Lang } from '../../../domain/format';
import { isOpen, type Draft, type FieldErrors } from '../routes/launch-draft';
import { eta } from './layout';
import { esc, fill, LAUNCH_WORDS, PREVIEW, scheduleText, type LaunchWords, type PreviewView } from './launch';

export interface DraftFormModel {
  lang: Lang;
  csrf: string;
  d: Draft;
  units: { code: string; name: string }[];
  errors: FieldErrors;
  /** A file's problems as the parser words them, "file:line: field: reason". */
  fileProblems?: string[];
  preview?: PreviewView;
}

const DRAFT = `<h1><%= it.t.page %> — <%= it.t.draft %></h1>
<p class="muted"><%= it.sourceLine %> · <a href="/van-ban/moi"><%= it.t.again %></a></p>
<% if (it.summary.length || it.fileProblems.length) { %><div class="card err" role="alert" id="errors"><p><%= it.t.fix %></p>
<% if (it.fileProblems.length) { %><pre class="file-problems"><%= it.fileProblems.join('\\n') %></pre><% } %>
<ul><% it.summary.forEach(function (s) { %><li data-field="<%= s.field %>"><a href="#f-<%= s.field %>"><%= s.label %></a>: <%= s.message %></li><% }) %></ul></div><% } %>
<form method="post" action="/van-ban/moi/ban-nhap" class="card" id="draft">
<input type="hidden" name="_csrf" value="<%= it.csrf %>"><input type="hidden" name="source" value="<%= it.d.source %>"><input type="hidden" name="fromFile" value="<%= it.d.fromFile ? '1' : '' %>">
<input type="hidden" name="schedule" value="<%= it.d.schedule %>"><input type="hidden" name="policy" value="<%= it.d.policy %>"><input type="hidden" name="confidentiality" value="<%= it.d.confidentiality %>">
<% it.d.recipients.forEach(function (r) { %><input type="hidden" name="recipient" value="<%= r %>"><% }) %>
<% it.questions.forEach(function (q) { %><input type="hidden" name="q.<%= q.i %>.field" value="<%= q.field %>"><input type="hidden" name="q.<%= q.i %>.message" value="<%= q.message %>"><input type="hidden" name="q.<%= q.i %>.line" value="<%= q.line || '' %>"><input type="hidden" name="q.<%= q.i %>.was" value="<%= q.was %>">
<% }) %>
<% if (it.questions.length) { %><fieldset id="questions"><legend><%= it.t.questions %> (<span id="open-count"><%= it.openCount %></span> <%= it.t.openCount %>)</legend><ol>
<% it.questions.forEach(function (q) { %><li class="<%= q.open ? 'q-open' : 'q-done' %>" data-field="<%= q.field %>"><a href="#f-<%= q.field %>"><%= q.label %></a>: <%= q.message %><% if (q.where) { %> <span class="muted">(<%= q.where %>)</span><% } %><% if (!q.open && !q.ok) { %> — <%= it.t.answered %><% } %>
<label class="keep"><input type="checkbox" name="q.<%= q.i %>.ok" value="1"<%= q.ok ? ' checked' : '' %>> <%= it.t.keep %></label></li>
<% }) %></ol></fieldset><% } %>
<h2><%= it.t.directive %></h2>
<label for="f-number"><%= it.t.number %></label><input type="text" id="f-number" name="number" value="<%= it.d.number %>"<%~ it.inv('number') %>><%~ it.notes('number') %>
<label for="f-title"><%= it.t.title %></label><input type="text" id="f-title" name="title" value="<%= it.d.title %>"<%~ it.inv('title') %>><%~ it.notes('title') %>
<label for="f-issuer"><%= it.t.issuer %></label><input type="text" id="f-issuer" name="issuer" value="<%= it.d.issuer %>"<%~ it.inv('issuer') %>><%~ it.notes('issuer') %>
<label for="f-issuedOn"><%= it.t.issuedOn %></label><input type="date" id="f-issuedOn" name="issuedOn" value="<%= it.d.issuedOn %>"<%~ it.inv('issuedOn') %>><%~ it.notes('issuedOn') %>
<label for="f-legalBases"><%= it.t.legalBases %></label><textarea id="f-legalBases" name="legalBases" rows="<%= Math.max(2, it.d.legalBases.split('\\n').length) %>"<%~ it.inv('legalBases') %>><%= it.d.legalBases %></textarea><%~ it.notes('legalBases') %>
<p id="f-schedule"><b><%= it.t.schedule %>:</b> <%= it.scheduleText %></p><%~ it.notes('schedule') %><%~ it.notes('policy') %><%~ it.notes('confidentiality') %>
<% if (it.d.recipients.length) { %><p><b><%= it.t.recipients %>:</b></p><ul id="recipients"><% it.d.recipients.forEach(function (r, i) { %><li id="f-recipients.<%= i %>"><%= r %><%~ it.notes('recipients.' + i) %></li><% }) %></ul><% } %>
<h2 id="f-tasks"><%= it.t.tasks %> (<%= it.d.tasks.length %>)</h2><%~ it.notes('tasks') %>
<% it.d.tasks.forEach(function (task, i) { var k = 't.' + i + '.'; %>
<fieldset class="task<%= it.rowOpen(i) ? ' q-open' : '' %>" id="task-<%= i %>" data-unit="<%= task.unit %>"><legend><%= i + 1 %>. <%= it.names[task.unit] || it.t.choose %></legend><div class="cells">
<div><label for="f-<%= k %>unit"><%= it.t.unit %></label><select id="f-<%= k %>unit" name="<%= k %>unit"<%~ it.inv(k + 'unit') %>><option value="?"><%= it.t.choose %></option>
<% if (task.unit && task.unit !== '?' && !it.names[task.unit]) { %><option value="<%= task.unit %>" selected><%= task.unit %></option><% } %>
<% it.units.forEach(function (u) { %><option value="<%= u.code %>"<%= u.code === task.unit ? ' selected' : '' %>><%= u.name %> (<%= u.code %>)</option><% }) %></select><%~ it.notes(k + 'unit') %></div>
<div><label for="f-<%= k %>role"><%= it.t.role %></label><select id="f-<%= k %>role" name="<%= k %>role"<%~ it.inv(k + 'role') %>><option value="lead"<%= task.role === 'lead' ? ' selected' : '' %>><%= it.t.lead %></option><option value="support"<%= task.role === 'support' ? ' selected' : '' %>><%= it.t.support %></option></select><%~ it.notes(k + 'role') %></div>
<div><label for="f-<%= k %>supports"><%= it.t.supports %></label><select id="f-<%= k %>supports" name="<%= k %>supports"<%~ it.inv(k + 'supports') %>><option value=""><%= it.t.none %></option>
<% if (task.supports && !it.d.tasks.some(function (o) { return o.unit === task.supports; })) { %><option value="<%= task.supports %>" selected><%= task.supports === '?' ? it.t.choose : task.supports %></option><% } %>
<% it.d.tasks.forEach(function (o, j) { if (j !== i && o.unit && o.unit !== '?') { %><option value="<%= o.unit %>"<%= o.unit === task.supports ? ' selected' : '' %>><%= it.names[o.unit] || o.unit %></option><% } }) %></select><%~ it.notes(k + 'supports') %></div>
<div class="wide"><label for="f-<%= k %>title"><%= it.t.taskTitle %></label><input type="text" id="f-<%= k %>title" name="<%= k %>title" value="<%= task.title %>"<%~ it.inv(k + 'title') %>><%~ it.notes(k + 'title') %></div>
<div><label for="f-<%= k %>deadline"><%= it.t.deadline %></label><span class="deadline"><select id="f-<%= k %>deadline" name="<%= k %>kind"<%~ it.inv(k + 'deadline') %>><option value="date"<%= task.kind === 'date' ? ' selected' : '' %>><%= it.t.byDate %></option><option value="days"<%= task.kind === 'days' ? ' selected' : '' %>><%= it.t.byDays %></option></select>
<input type="date" name="<%= k %>date" value="<%= task.date %>" aria-label="<%= it.t.byDate %>"> <input type="number" name="<%= k %>days" value="<%= task.days %>" min="1" max="365" aria-label="<%= it.t.byDays %>"> <%= it.t.days %></span><%~ it.notes(k + 'deadline') %></div>
<div class="two"><label for="f-<%= k %>indicators"><%= it.t.indicators %></label><textarea id="f-<%= k %>indicators" name="<%= k %>indicators" rows="2"<%~ it.inv(k + 'indicators') %>><%= task.indicators %></textarea><%~ it.notes(k + 'indicators') %></div></div>
<details><summary><%= it.t.body %></summary><textarea id="f-<%= k %>body" name="<%= k %>body" rows="8"><%= task.body %></textarea></details>
<input type="hidden" name="<%= k %>completion" value="<%= task.completion %>"><input type="hidden" name="<%= k %>cascade" value="<%= task.cascade %>">
<label class="keep"><input type="checkbox" name="<%= k %>remove" value="1"> <%= it.t.remove %></label></fieldset>
<% }) %>
<% if (it.preview) { %><%~ it.previewHtml %><% } %>
<p class="actions"><button name="do" value="preview" id="do-preview"><%= it.t.preview %></button> <button name="do" value="launch" id="do-launch"><%= it.t.launch %></button> <button name="do" value="add" id="do-add" class="secondary"><%= it.t.add %></button></p>
</form>
<style>fieldset.task{background:#fff;border-radius:6px;margin:1rem 0}fieldset.task.q-open,#questions{border-color:#d9a400}
.question{background:#fff7e0;border-left:3px solid #d9a400;padding:.2rem .5rem;margin:.25rem 0}li.q-open{font-weight:600}li.q-done{color:#5b6673}
#questions ol{max-height:24rem;overflow-y:auto;margin:.3rem 0;font-size:.95rem}#questions li{margin:.15rem 0}
label.keep{font-weight:400!important;display:inline!important;margin:0 0 0 .5rem!important;white-space:nowrap}.task .cells{display:grid;grid-template-columns:2fr 1fr 2fr;gap:0 1rem}.task .wide{grid-column:1/-1}.task .two{grid-column:span 2}.task select{width:100%;padding:.4rem}
form.card .deadline :is(select,input[type=date]){width:auto}.deadline input[type=number]{width:5rem}@media (max-width:40rem){.task .cells{grid-template-columns:1fr}.task .two{grid-column:auto}}
form.card button.secondary{background:#5b6673}pre.file-problems{background:#fff;padding:.5rem}</style>`;

/** What a field is called in the list of errors and questions: "Nhiệm vụ 3 (Sở Tư pháp) — Thời hạn". */
function labelOf(field: string, d: Draft, names: ReadonlyMap<string, string>, t: LaunchWords): string {
  const row = /^t\.(\d+)\.(\w+)$/.exec(field);
  if (row) {
    const unit = d.tasks[Number(row[1])]?.unit ?? '';
    const who = names.get(unit) ?? (unit && unit !== '?' ? unit : '');
    const what: Record<string, string> = {
      unit: t.unit,
      role: t.role,
      supports: t.supports,
      title: t.taskTitle,
      deadline: t.deadline,
      indicators: t.indicators.replace(/ \(.*$/, ''),
      body: t.body,
    };
    return `${t.task} ${Number(row[1]) + 1}${who ? ` (${who})` : ''} — ${what[row[2]] ?? row[2]}`;
  }
  const recipient = /^recipients\.(\d+)$/.exec(field);
  if (recipient) return `${t.recipients}: ${d.recipients[Number(recipient[1])] ?? ''}`;
  const top: Record<string, string> = {
    number: t.number,
    title: t.title,
    issuer: t.issuer,
    issuedOn: t.issuedOn,
    legalBases: t.legalBases.replace(/ \(.*$/, ''),
    schedule: t.schedule,
    policy: t.policy,
    confidentiality: t.confidentiality,
    tasks: t.tasks,
  };
  return top[field] ?? field;
}

export function draftForm(m: DraftFormModel): string {
  const t = LAUNCH_WORDS[m.lang];
  const names = new Map(m.units.map((u) => [u.code, u.name]));
  const questions = m.d.questions.map((q, i) => ({
    ...q,
    i,
    open: isOpen(m.d, q),
    label: labelOf(q.field, m.d, names, t),
    where: q.line ? fill(m.d.fromFile ? t.lineOfFile : t.lineOfText, { n: q.line }) : '',
  }));
  const open: Record<string, string> = {};
  for (const q of questions) if (q.open) open[q.field] = open[q.field] ? `${open[q.field]}; ${q.message}` : q.message;
  const notes = (field: string) =>
    (m.errors[field] ? `<p class="field-error" data-field="${esc(field)}">${esc(m.errors[field])}</p>` : '') +
    (open[field] ? `<p class="question" data-field="${esc(field)}">❓ ${esc(open[field])}</p>` : '');
  return eta.renderString(DRAFT, {
    t,
    csrf: m.csrf,
    d: m.d,
    units: m.units,
    names: Object.fromEntries(names),
    questions,
    openCount: questions.filter((q) => q.open).length,
    summary: Object.entries(m.errors).map(([field, message]) => ({
      field,
      message,
      label: labelOf(field, m.d, names, t),
    })),
    fileProblems: m.fileProblems ?? [],
    sourceLine: m.d.source ? `${t.fromFile} ${m.d.source}` : t.fromText,
    scheduleText: scheduleText(m.d.schedule, m.lang),
    inv: (field: string) => (m.errors[field] || open[field] ? ' aria-invalid="true"' : ''),
    notes,
    rowOpen: (i: number) => Object.keys(open).some((f) => f.startsWith(`t.${i}.`)),
    preview: m.preview,
    previewHtml: m.preview ? eta.renderString(PREVIEW, { t, preview: m.preview, esc }) : '',
  });
}
