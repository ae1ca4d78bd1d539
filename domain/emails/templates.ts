// The two layouts every email shares, as eta templates. The HTML is table-based with inline
// styles, the markup mail clients (Outlook, Gmail, phone apps) render alike; width follows
// the screen up to 600px. All data goes through <%= %>, which escapes it.

/** Data for both templates: the content and the few layout words in its language. */
export interface LayoutData {
  c: import('./content').EmailContent;
  ui: { linkFallback: string };
}

const FONT = 'font-family:Arial,Helvetica,sans-serif;';
const BUTTON_CELL = 'border-radius:4px;background-color:#1849a9;';
const BUTTON = `display:inline-block;padding:12px 24px;${FONT}font-size:15px;font-weight:bold;color:#ffffff;text-decoration:none;border-radius:4px;`;
const SMALL_BUTTON = `display:inline-block;padding:8px 16px;${FONT}font-size:14px;font-weight:bold;color:#ffffff;text-decoration:none;border-radius:4px;`;
const CELL = 'padding:6px 8px;border:1px solid #d0d5dd;vertical-align:top;text-align:left;';

export const HTML_TEMPLATE = `<!DOCTYPE html>
<html lang="<%= it.c.lang %>">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Type" content="text/html; charset=UTF-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title><%= it.c.subject %></title>
</head>
<body style="margin:0;padding:0;background-color:#f2f4f7;">
<table role="presentation" width="100%" cellpadding="0" cellspacing="0" border="0" style="background-color:#f2f4f7;">
<tr><td align="center" style="padding:16px 8px;">
<table role="presentation" width="100%" cellpadding="0" cellspacing="0" border="0" style="max-width:600px;background-color:#ffffff;border:1px solid #d0d5dd;">
<tr><td style="padding:24px;${FONT}font-size:15px;line-height:1.55;color:#1d2939;">
<p style="margin:0 0 20px;font-size:16px;font-weight:bold;text-align:center;color:#b42318;"><%= it.c.heading %></p>
<p style="margin:0 0 16px;font-weight:bold;"><%= it.c.addressee %></p>
<% let item = 0; %>
<% for (const b of it.c.blocks) { %>
<% if (b.type === 'paragraph') { %>
<p style="margin:0 0 16px;"><%= b.text %></p>
<% } else if (b.type === 'facts') { %>
<table role="presentation" width="100%" cellpadding="0" cellspacing="0" border="0" style="margin:0 0 16px;">
<% for (const f of b.rows) { %>
<tr><td style="padding:4px 12px 4px 0;width:34%;vertical-align:top;color:#475467;"><%= f.label %></td><td style="padding:4px 0;vertical-align:top;font-weight:bold;"><%= f.value %></td></tr>
<% } %>
</table>
<% } else if (b.type === 'quote') { %>
<p style="margin:0 0 4px;font-weight:bold;"><%= b.label %></p>
<div style="margin:0 0 16px;padding:8px 12px;border-left:3px solid #98a2b3;background-color:#f9fafb;">
<% b.lines.forEach((line, i) => { %><% if (i > 0) { %><br><% } %><%= line %><% }) %>
</div>
<% } else if (b.type === 'table') { %>
<p style="margin:0 0 6px;font-weight:bold;"><%= b.caption %></p>
<table width="100%" cellpadding="0" cellspacing="0" border="0" style="margin:0 0 16px;border-collapse:collapse;">
<tr><% for (const h of b.headers) { %><th style="${CELL}background-color:#f2f4f7;"><%= h %></th><% } %></tr>
<% for (const row of b.rows) { %>
<tr><% for (const cell of row) { %><td style="${CELL}"><%= cell %></td><% } %></tr>
<% } %>
</table>
<% } else if (b.type === 'item') { item++; %>
<div style="margin:0 0 12px;padding:12px;border:1px solid #d0d5dd;border-radius:4px;">
<p style="margin:0 0 6px;font-weight:bold;"><%= item %>. <%= b.title %></p>
<% for (const f of b.facts) { %>
<p style="margin:0 0 4px;font-size:14px;"><span style="color:#475467;"><%= f.label %>:</span> <%= f.value %></p>
<% } %>
<table role="presentation" cellpadding="0" cellspacing="0" border="0" style="margin:10px 0 0;"><tr><td style="${BUTTON_CELL}">
<a href="<%= b.action.url %>" target="_blank" style="${SMALL_BUTTON}"><%= b.action.label %></a>
</td></tr></table>
<p style="margin:4px 0 0;font-size:12px;color:#667085;word-break:break-all;"><%= b.action.url %></p>
</div>
<% } else if (b.type === 'action') { %>
<table role="presentation" cellpadding="0" cellspacing="0" border="0" style="margin:8px 0 12px;"><tr><td style="${BUTTON_CELL}">
<a href="<%= b.action.url %>" target="_blank" style="${BUTTON}"><%= b.action.label %></a>
</td></tr></table>
<p style="margin:0 0 16px;font-size:13px;color:#475467;"><%= it.ui.linkFallback %><br><a href="<%= b.action.url %>" target="_blank" style="color:#1849a9;word-break:break-all;"><%= b.action.url %></a></p>
<% } %>
<% } %>
<p style="margin:16px 0 0;"><%= it.c.closing %></p>
</td></tr>
<tr><td style="padding:16px 24px;border-top:1px solid #eaecf0;${FONT}font-size:12px;line-height:1.5;color:#667085;">
<% for (const line of it.c.footer) { %>
<p style="margin:0 0 6px;"><%= line %></p>
<% } %>
</td></tr>
</table>
</td></tr>
</table>
</body>
</html>
`;

// Control lines end in "-%>", which eats their newline, so only the text lines make lines.
export const TEXT_TEMPLATE = `<%= it.c.heading %>

<%= it.c.addressee %>

<% let item = 0; -%>
<% for (const b of it.c.blocks) { -%>
<% if (b.type === 'paragraph') { -%>
<%= b.text %>

<% } else if (b.type === 'facts') { -%>
<% for (const f of b.rows) { -%>
<%= f.label %>: <%= f.value %>
<% } -%>

<% } else if (b.type === 'quote') { -%>
<%= b.label %>:
<% for (const line of b.lines) { -%>
  <%= line %>
<% } -%>

<% } else if (b.type === 'table') { -%>
<%= b.caption %>:
<% for (const row of b.rows) { -%>
- <%= row[0] %> (<%= row.slice(1).map((cell, i) => b.headers[i + 1] + ': ' + cell).join('; ') %>)
<% } -%>

<% } else if (b.type === 'item') { item++; -%>
<%= item %>. <%= b.title %>
<% for (const f of b.facts) { -%>
   <%= f.label %>: <%= f.value %>
<% } -%>
   <%= b.action.label %>: <%= b.action.url %>

<% } else if (b.type === 'action') { -%>
<%= b.action.label %>: <%= b.action.url %>

<% } -%>
<% } -%>
<%= it.c.closing %>

-- 
<% for (const line of it.c.footer) { -%>
<%= line %>
<% } -%>
`;
