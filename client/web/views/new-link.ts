// The words of "Lost your link?" (public/new-link.eta, public/new-link-sent.eta): a unit types its
// address and gets fresh links by mail. The answer is the same page whether the address is known
// or not, so the page tells nobody who is in the directory.
import type { Lang } from '../../../domain/format';

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

export interface NewLinkForm {
  lang: Lang;
  csrf: string;
  requestId: string;
  email: string;
  error: boolean;
}

export const newLinkFormView = (o: NewLinkForm) => ({ ...o, w: NEW_LINK_WORDS[o.lang] });
export const newLinkSentView = (lang: Lang) => ({ lang, w: NEW_LINK_WORDS[lang] });
