// Templates of the supervisor board and the monthly overview.

export const BOARD_WORDS = {
  vi: {
    title: 'Bảng theo dõi nhiệm vụ quá hạn',
    total: 'Tổng số nhiệm vụ',
    share: 'Tỷ lệ quá hạn',
    filter: 'Lọc',
    all: 'Tất cả',
    directive: 'Văn bản',
    unit: 'Đơn vị',
    level: 'Cấp đôn đốc',
    days: 'Quá hạn từ (ngày làm việc)',
    title_: 'Nhiệm vụ',
    deadline: 'Hạn',
    daysOverdue: 'Số ngày làm việc quá hạn',
    lastChase: 'Đôn đốc gần nhất',
    state: 'Tình trạng',
    none: 'Không có nhiệm vụ quá hạn nào khớp bộ lọc.',
    list: 'Nhiệm vụ quá hạn và đã báo cáo vượt cấp',
    shown: 'Hiển thị',
    of: 'trên',
    more: 'hơn',
    prev: '« Trang trước',
    next: 'Trang sau »',
    csv: 'Tải CSV',
    byUnit: 'Quá hạn theo đơn vị',
    trend: 'Xu hướng theo tuần (theo tuần đến hạn)',
    week: 'Tuần',
    dispatch: 'Gửi công văn đôn đốc',
    dispatchHint: 'Tạo công văn đôn đốc (DOCX) gửi các đơn vị có nhiệm vụ quá hạn của văn bản đã chọn và gửi kèm thư.',
    number: 'Số công văn',
    signer: 'Người ký',
    signerTitle: 'Chức vụ người ký',
    send: 'Tạo và gửi',
    download: 'Chỉ tải về',
    pickDirective: 'Chọn một văn bản ở bộ lọc để gửi công văn đôn đốc.',
    levels: ['Chưa báo cáo vượt cấp', 'Cấp 1: thủ trưởng đơn vị', 'Cấp 2: lãnh đạo phụ trách', 'Cấp 3: Ban Chỉ đạo'],
  },
  en: {
    title: 'Overdue task board',
    total: 'Tasks in total',
    share: 'Overdue share',
    filter: 'Filter',
    all: 'All',
    directive: 'Directive',
    unit: 'Unit',
    level: 'Escalation level',
    days: 'At least (working days overdue)',
    title_: 'Task',
    deadline: 'Deadline',
    daysOverdue: 'Working days overdue',
    lastChase: 'Last chase',
    state: 'State',
    none: 'No overdue task matches the filter.',
    list: 'Overdue and escalated tasks',
    shown: 'Showing',
    of: 'of',
    more: 'more than',
    prev: '« Previous',
    next: 'Next »',
    csv: 'Download CSV',
    byUnit: 'Overdue by unit',
    trend: 'Weekly trend (by week due)',
    week: 'Week',
    dispatch: 'Send a formal reminder',
    dispatchHint:
      'Makes a reminder dispatch (DOCX) to the units with overdue tasks of the chosen directive and mails it to them.',
    number: 'Dispatch number',
    signer: 'Signed by',
    signerTitle: "Signer's title",
    send: 'Make and send',
    download: 'Download only',
    pickDirective: 'Choose a directive in the filter to send a formal reminder.',
    levels: ['Not escalated', 'Level 1: head of unit', 'Level 2: supervising leader', 'Level 3: steering committee'],
  },
};

export const BOARD = `<h1><%= it.t.title %></h1>
<div class="tiles" id="buckets">
<% it.buckets.forEach(function (b) { %><div class="tile <%= b.key %>" data-bucket="<%= b.key %>"><b><%= b.n %></b><%= b.label %></div><% }) %>
<div class="tile" data-bucket="share"><b><%= it.share %></b><%= it.t.share %></div>
<div class="tile"><b><%= it.total %></b><%= it.t.total %></div>
</div>
<form method="get" action="/giam-sat" class="card" id="filters">
<label><%= it.t.directive %> <select name="directive"><option value=""><%= it.t.all %></option><% it.directives.forEach(function (d) { %><option value="<%= d.number %>"<%= d.number === it.f.directive ? ' selected' : '' %>><%= d.number %> — <%= d.title %></option><% }) %></select></label>
<label><%= it.t.unit %> <select name="unit"><option value=""><%= it.t.all %></option><% it.units.forEach(function (u) { %><option value="<%= u.code %>"<%= u.code === it.f.unit ? ' selected' : '' %>><%= u.name %></option><% }) %></select></label>
<label><%= it.t.level %> <select name="level"><option value=""><%= it.t.all %></option><% it.t.levels.forEach(function (l, i) { %><option value="<%= i %>"<%= String(i) === String(it.f.level) ? ' selected' : '' %>><%= l %></option><% }) %></select></label>
<label><%= it.t.days %> <input type="number" name="days" min="1" max="400" value="<%= it.f.days || '' %>"></label>
<button type="submit"><%= it.t.filter %></button> <a id="csv" href="/giam-sat/qua-han.csv<%= it.query %>"><%= it.t.csv %></a>
</form>
<div class="tiles"><div class="card" style="flex:1;min-width:18rem"><h2><%= it.t.byUnit %></h2><canvas id="chart-units" height="220"></canvas></div>
<div class="card" style="flex:1;min-width:18rem"><h2><%= it.t.trend %></h2><canvas id="chart-trend" height="220"></canvas></div></div>
<script type="application/json" id="chart-data"><%~ it.chartJson %></script>
<script src="/assets/chart.umd.min.js"></script><script src="/assets/board-charts.js"></script>
<h2><%= it.t.list %></h2>
<p><%= it.t.shown %> <%= it.items.length %> <%= it.t.of %> <%= it.capped ? it.t.more + ' ' : '' %><%= it.count %>.</p>
<% if (it.items.length === 0) { %><p id="no-items"><%= it.t.none %></p><% } else { %>
<table id="overdue"><thead><tr><th><%= it.t.directive %></th><th><%= it.t.unit %></th><th><%= it.t.title_ %></th><th><%= it.t.deadline %></th><th><%= it.t.daysOverdue %></th><th><%= it.t.level %></th><th><%= it.t.lastChase %></th></tr></thead><tbody>
<% it.items.forEach(function (i) { %><tr><td><%= i.directive %></td><td><%= i.unitName %></td><td><a href="/nhiem-vu?id=<%= encodeURIComponent(i.workflowId) %>"><%= i.title %></a><% if (i.extensionPending) { %> <span class="status extension">⏳</span><% } %></td><td><%= i.deadlineText %></td><td class="num"><%= i.daysOverdue %></td><td class="num"><%= i.escalationLevel %></td><td><%= i.lastChase %></td></tr>
<% }) %></tbody></table><% } %>
<p><% if (it.prev) { %><a href="<%= it.prev %>"><%= it.t.prev %></a> <% } %><% if (it.next) { %><a href="<%= it.next %>"><%= it.t.next %></a><% } %></p>
<section class="card" id="dispatch"><h2><%= it.t.dispatch %></h2>
<% if (!it.f.directive) { %><p class="muted"><%= it.t.pickDirective %></p><% } else { %><p class="muted"><%= it.t.dispatchHint %></p>
<form method="post" action="/giam-sat/cong-van-don-doc"><input type="hidden" name="_csrf" value="<%= it.csrf %>"><input type="hidden" name="directive" value="<%= it.f.directive %>">
<label><%= it.t.number %> <input name="number" required placeholder="123/UBND-VP9"></label>
<label><%= it.t.signer %> <input name="signer" required></label><label><%= it.t.signerTitle %> <input name="signerTitle" required placeholder="KT. CHỦ TỊCH / PHÓ CHỦ TỊCH"></label>
<button name="send" value="1"><%= it.t.send %></button> <button name="send" value="0"><%= it.t.download %></button></form><% } %></section>`;

export const MONTH_WORDS = {
  vi: {
    title: 'Tổng hợp tình hình thực hiện nhiệm vụ tháng',
    month: 'Tháng',
    show: 'Xem',
    unit: 'Đơn vị',
    total: 'Tổng số',
    onTime: 'Đã hoàn thành đúng hạn',
    late: 'Đã hoàn thành quá hạn',
    inProgress: 'Đang thực hiện trong hạn',
    overdue: 'Quá hạn chưa hoàn thành',
    share: 'Tỷ lệ quá hạn',
    change: 'So với tháng trước',
    sum: 'Tổng cộng',
    items: 'Các nhiệm vụ quá hạn',
    none: 'Không có nhiệm vụ quá hạn.',
    asOf: 'Số liệu tính đến',
    points: 'điểm %',
  },
  en: {
    title: 'Monthly overview of task performance',
    month: 'Month',
    show: 'Show',
    unit: 'Unit',
    total: 'Total',
    onTime: 'Done on time',
    late: 'Done late',
    inProgress: 'In progress, on time',
    overdue: 'Overdue, not done',
    share: 'Overdue share',
    change: 'Change from last month',
    sum: 'Total',
    items: 'Overdue tasks',
    none: 'No overdue task.',
    asOf: 'Figures as of',
    points: 'points',
  },
};

export const MONTH = `<h1><%= it.t.title %> <%= it.monthText %></h1>
<form method="get" action="/giam-sat/thang" class="card"><label><%= it.t.month %> <input type="month" name="month" value="<%= it.month %>"></label>
<input type="hidden" name="directive" value="<%= it.directive %>"><button><%= it.t.show %></button></form>
<p class="muted"><%= it.t.asOf %> <%= it.asOf %>.</p>
<table id="monthly"><thead><tr><th><%= it.t.unit %></th><th><%= it.t.total %></th><th><%= it.t.onTime %></th><th><%= it.t.late %></th><th><%= it.t.inProgress %></th><th><%= it.t.overdue %></th><th><%= it.t.share %></th><th><%= it.t.change %></th></tr></thead><tbody>
<% it.rows.forEach(function (r) { %><tr><td><%= r.unitName %></td><td class="num"><%= r.total %></td><td class="num"><%= r.done_on_time %></td><td class="num"><%= r.done_late %></td><td class="num"><%= r.in_progress %></td><td class="num"><%= r.overdue %></td><td class="num"><%= r.share %>%</td><td class="num"><%= r.change %></td></tr>
<% }) %></tbody><tfoot><tr><th><%= it.t.sum %></th><th class="num"><%= it.sum.total %></th><th class="num"><%= it.sum.done_on_time %></th><th class="num"><%= it.sum.done_late %></th><th class="num"><%= it.sum.in_progress %></th><th class="num"><%= it.sum.overdue %></th><th class="num"><%= it.sum.share %>%</th><th class="num" id="share-change"><%= it.sum.change %></th></tr></tfoot></table>
<h2><%= it.t.items %></h2>
<% if (it.items.length === 0) { %><p><%= it.t.none %></p><% } else { %><ol id="overdue-items"><% it.items.forEach(function (i) { %><li><%= i.unitName %>: <%= i.title %> (<%= i.directive %>, <%= i.deadlineText %>, <%= i.daysOverdue %>)</li><% }) %></ol><% } %>`;
