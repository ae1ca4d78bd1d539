// "Lost your link?": a unit types its address and gets fresh links by mail. The answer is the
// same page whether the address is known or not, so the page tells nobody who is in the directory.
import type { Lang } from '../../../domain/format';
import { eta, page } from './layout';

export const NEW_LINK_WORDS = {
  vi: {
    other: 'English',
    otherLang: 'en',
    title: 'Đề nghị cấp liên kết mới',
    intro:
      'Nếu Quý cơ quan không còn thư giao nhiệm vụ hoặc liên kết đã hết hạn, hãy nhập địa chỉ thư điện tử của cơ quan (hoặc của thủ trưởng cơ quan). Hệ thống sẽ gửi đến địa chỉ đó một liên kết mới cho mỗi nhiệm vụ đang thực hiện.',
    email: 'Địa chỉ thư điện tử',
    send: 'Gửi liên kết mới',
    badEmail: 'Hãy nhập một địa chỉ thư điện tử, ví dụ vanthu@stttt.ninhbinh.gov.vn.',
    sentTitle: 'Đã tiếp nhận đề nghị',
    sent: 'Nếu địa chỉ này thuộc một cơ quan đang có nhiệm vụ chưa hoàn thành, hệ thống đã gửi đến đó liên kết mới trong vài phút tới. Hãy kiểm tra cả hộp thư rác. Nếu không nhận được thư, xin liên hệ văn phòng đã giao nhiệm vụ.',
    again: 'Gửi đề nghị khác',
  },
  en: {
    other: 'Tiếng Việt',
    otherLang: 'vi',
    title: 'Ask for a new link',
    intro:
      "If your office no longer has the assignment email, or its link has expired, enter the office's email address (or its head's). A new link for each task still open is sent to that address.",
    email: 'Email address',
    send: 'Send new links',
    badEmail: 'Enter an email address, e.g. vanthu@stttt.ninhbinh.gov.vn.',
    sentTitle: 'Request received',
    sent: 'If this address belongs to an office with tasks still open, new links are on their way to it within a few minutes. Check the spam folder too. If nothing arrives, contact the office that assigned the task.',
    again: 'Make another request',
  },
} as const;

const FORM = `<p class="lang"><a href="?lang=<%= it.w.otherLang %>" hreflang="<%= it.w.otherLang %>"><%= it.w.other %></a></p>
<h1><%= it.w.title %></h1>
<form method="post" action="?lang=<%= it.lang %>" class="card">
<input type="hidden" name="_csrf" value="<%= it.csrf %>"><input type="hidden" name="requestId" value="<%= it.requestId %>">
<p><%= it.w.intro %></p>
<label for="email"><%= it.w.email %></label>
<input type="email" id="email" name="email" value="<%= it.email %>" required autocomplete="email"<% if (it.error) { %> aria-invalid="true" aria-describedby="email-error"<% } %>>
<% if (it.error) { %><p class="field-error" id="email-error"><%= it.w.badEmail %></p><% } %>
<button type="submit"><%= it.w.send %></button>
</form>`;

const SENT = `<h1><%= it.w.sentTitle %></h1>
<div class="notice" role="status"><%= it.w.sent %></div>
<p><a href="/lien-ket?lang=<%= it.lang %>"><%= it.w.again %></a></p>`;

export function renderNewLinkForm(o: {
  lang: Lang;
  csrf: string;
  requestId: string;
  email: string;
  error: boolean;
}): string {
  return page(NEW_LINK_WORDS[o.lang].title, eta.renderString(FORM, { ...o, w: NEW_LINK_WORDS[o.lang] }), o.lang, {
    nav: false,
  });
}

/** The one answer, known address or not: nothing in it depends on the directory. */
export function renderNewLinkSent(lang: Lang): string {
  return page(NEW_LINK_WORDS[lang].sentTitle, eta.renderString(SENT, { lang, w: NEW_LINK_WORDS[lang] }), lang, {
    nav: false,
  });
}
