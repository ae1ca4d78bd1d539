// Templates of the coordinator's pages: directives with progress, a directive's task matrix, and
// one task with its history and the office's actions.

export const DIR_WORDS = {
  vi: {
    directives: 'Văn bản đang theo dõi',
    number: 'Số, ký hiệu',
    title: 'Trích yếu',
    state: 'Tình trạng',
    tasks: 'Nhiệm vụ',
    done: 'Đã xong',
    overdue: 'Quá hạn',
    review: 'Chờ duyệt',
    progress: 'Tiến độ',
    none: 'Chưa có văn bản nào.',
    unit: 'Đơn vị',
    status: 'Tình trạng',
    deadline: 'Thời hạn',
    lastChase: 'Nhắc gần nhất',
    level: 'Cấp đôn đốc',
    report: 'Báo cáo',
    consolidated: 'Báo cáo tổng hợp',
    amend: 'Điều chỉnh',
    move: 'Lùi hạn',
    remove: 'Bỏ nhiệm vụ của đơn vị',
    newDeadline: 'Hạn mới',
    apply: 'Thực hiện',
    cancel: 'Hủy văn bản',
    reason: 'Lý do',
    noReport: 'chưa có',
    history: 'Diễn biến',
    reviewTitle: 'Xem xét báo cáo',
    accept: 'Chấp nhận',
    return: 'Trả lại để hoàn thiện',
    comment: 'Ý kiến',
    extTitle: 'Đề nghị gia hạn',
    approve: 'Chấp thuận',
    reject: 'Không chấp thuận',
    indicators: 'Chỉ tiêu',
    text: 'Nội dung',
    matrix: 'Ma trận nhiệm vụ',
    ok: {
      accepted: 'Đã chấp nhận báo cáo.',
      returned: 'Đã trả lại báo cáo; đơn vị được báo qua thư.',
      approved: 'Đã chấp thuận gia hạn.',
      rejected: 'Đã từ chối gia hạn; đơn vị được báo qua thư.',
      moved: 'Đã lùi hạn.',
      removed: 'Đã bỏ nhiệm vụ của đơn vị.',
      cancelled: 'Đã hủy văn bản; các nhiệm vụ đang được dừng.',
      launched: 'Đã giao việc: thư giao nhiệm vụ đang được gửi đến các đơn vị',
      already: 'Văn bản này đã giao trước đó; không giao lại.',
    } as Record<string, string>,
  },
  en: {
    directives: 'Directives followed',
    number: 'Number',
    title: 'Title',
    state: 'State',
    tasks: 'Tasks',
    done: 'Done',
    overdue: 'Overdue',
    review: 'To review',
    progress: 'Progress',
    none: 'No directive yet.',
    unit: 'Unit',
    status: 'Status',
    deadline: 'Deadline',
    lastChase: 'Last reminder',
    level: 'Escalation',
    report: 'Report',
    consolidated: 'Consolidated report',
    amend: 'Amend',
    move: 'Move the deadline',
    remove: "Remove the unit's task",
    newDeadline: 'New deadline',
    apply: 'Apply',
    cancel: 'Cancel the directive',
    reason: 'Reason',
    noReport: 'none',
    history: 'History',
    reviewTitle: 'Review the report',
    accept: 'Accept',
    return: 'Return for revision',
    comment: 'Comment',
    extTitle: 'Extension request',
    approve: 'Approve',
    reject: 'Refuse',
    indicators: 'Indicators',
    text: 'Text',
    matrix: 'Task matrix',
    ok: {
      accepted: 'Report accepted.',
      returned: 'Report returned; the unit was told by mail.',
      approved: 'Extension approved.',
      rejected: 'Extension refused; the unit was told by mail.',
      moved: 'Deadline moved.',
      removed: "The unit's task was removed.",
      cancelled: 'Directive cancelled; its tasks are being stopped.',
      launched: 'Launched: the assignment mail is on its way to each unit',
      already: 'This directive was launched before; it was not launched again.',
    } as Record<string, string>,
  },
};

export const DIRECTIVES = `<h1><%= it.t.directives %></h1>
<% if (it.rows.length === 0) { %><p><%= it.t.none %></p><% } else { %>
<table id="directives"><thead><tr><th><%= it.t.number %></th><th><%= it.t.title %></th><th><%= it.t.state %></th><th><%= it.t.tasks %></th><th><%= it.t.done %></th><th><%= it.t.overdue %></th><th><%= it.t.review %></th><th><%= it.t.progress %></th></tr></thead><tbody>
<% it.rows.forEach(function (d) { %><tr><td><a href="/van-ban/ma-tran?so=<%= encodeURIComponent(d.number) %>"><%= d.number %></a></td><td><%= d.title %></td><td><%= d.state %></td><td class="num"><%= d.tasks %></td><td class="num"><%= d.done %></td><td class="num"><%= d.overdue %></td><td class="num"><%= d.to_review %></td><td><progress max="<%= d.tasks || 1 %>" value="<%= d.done %>"></progress> <%= d.pct %>%</td></tr>
<% }) %></tbody></table><% } %>`;

const NOTICE = `<% if (it.notice) { %><p class="card ok" role="status" id="notice"><%= it.notice %></p><% } %>
<% if (it.error) { %><p class="card err" role="alert" id="error"><%= it.error %></p><% } %>`;

export const MATRIX = `<h1><%= it.d.number %> — <%= it.d.title %></h1>
<p class="muted"><%= it.d.issuer %> · <%= it.d.state %> · <a href="/van-ban/tong-hop?so=<%= encodeURIComponent(it.d.number) %>"><%= it.t.consolidated %></a></p>
${NOTICE}
<h2><%= it.t.matrix %></h2>
<table id="matrix"><thead><tr><th><%= it.t.unit %></th><th><%= it.t.status %></th><th><%= it.t.deadline %></th><th><%= it.t.lastChase %></th><th><%= it.t.level %></th><th><%= it.t.report %></th></tr></thead><tbody>
<% it.tasks.forEach(function (r) { %><tr><td><a href="/nhiem-vu?id=<%= encodeURIComponent(r.id) %>"><%= r.unitName %></a><%= r.cycle ? ' · ' + r.cycle : '' %></td><td><span class="status <%= r.status %>"><%= r.statusLabel %></span></td><td><%= r.deadline %></td><td><%= r.lastChase %></td><td class="num"><%= r.level %></td><td><%= r.report %></td></tr>
<% }) %></tbody></table>
<% if (it.d.state === 'running') { %>
<div class="tiles"><form method="post" action="/van-ban/dieu-chinh" class="card" id="amend"><h2><%= it.t.amend %></h2><input type="hidden" name="_csrf" value="<%= it.csrf %>"><input type="hidden" name="so" value="<%= it.d.number %>">
<label><input type="radio" name="kind" value="move" checked> <%= it.t.move %></label><label><input type="radio" name="kind" value="remove"> <%= it.t.remove %></label>
<label><%= it.t.unit %> <select name="unit"><% it.tasks.forEach(function (r) { %><option value="<%= r.unit %>"><%= r.unitName %></option><% }) %></select></label>
<label><%= it.t.newDeadline %> <input type="date" name="deadline"></label><button><%= it.t.apply %></button></form>
<form method="post" action="/van-ban/huy" class="card" id="cancel"><h2><%= it.t.cancel %></h2><input type="hidden" name="_csrf" value="<%= it.csrf %>"><input type="hidden" name="so" value="<%= it.d.number %>">
<label><%= it.t.reason %> <textarea name="reason" rows="2" required></textarea></label><button><%= it.t.cancel %></button></form></div><% } %>`;

export const TASK = `<h1><%= it.title %></h1>
<p class="muted"><a href="<%= it.back %>"><%= it.task.directive.number %></a> — <%= it.task.directive.title %> · <%= it.unitName %> · <span class="status <%= it.status %>"><%= it.statusLabel %></span> · <%= it.t.deadline %>: <%= it.deadline %></p>
${NOTICE}
<% if (it.pending && it.canAct) { %><form method="post" action="/nhiem-vu/duyet" class="card" id="review"><h2><%= it.t.reviewTitle %> <%= it.pending.receipt %></h2>
<pre><%= it.pending.text %></pre><% if (it.pending.indicators.length) { %><p><%= it.t.indicators %>: <%= it.pending.indicators.join('; ') %></p><% } %>
<input type="hidden" name="_csrf" value="<%= it.csrf %>"><input type="hidden" name="id" value="<%= it.task.workflowId %>"><input type="hidden" name="receipt" value="<%= it.pending.receipt %>">
<label><%= it.t.comment %> <textarea name="comment" rows="2"><%= it.comment %></textarea></label>
<button name="decision" value="accept"><%= it.t.accept %></button> <button name="decision" value="return"><%= it.t.return %></button></form><% } %>
<% if (it.task.state.extension && it.canAct) { %><form method="post" action="/nhiem-vu/gia-han" class="card" id="extension"><h2><%= it.t.extTitle %></h2>
<p><%= it.extension %></p><input type="hidden" name="_csrf" value="<%= it.csrf %>"><input type="hidden" name="id" value="<%= it.task.workflowId %>">
<label><%= it.t.newDeadline %> <input type="date" name="deadline" value="<%= it.task.state.extension.requested %>"></label>
<label><%= it.t.comment %> <textarea name="comment" rows="2"></textarea></label>
<button name="decision" value="approve"><%= it.t.approve %></button> <button name="decision" value="reject"><%= it.t.reject %></button></form><% } %>
<h2><%= it.t.history %></h2>
<table id="history"><tbody><% it.history.forEach(function (e) { %><tr><td><%= e.when %></td><td><%= e.what %></td></tr><% }) %></tbody></table>`;
