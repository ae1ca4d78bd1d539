// Search attributes dondoc's workflows set, so lists can be filtered by directive, unit, status
// and deadline in the Temporal UI and by `dondoc reindex`. The server must know them: the dev
// server registers them at start, a full server needs `temporal operator search-attribute create`.
import { defineSearchAttributeKey, SearchAttributeType } from '@temporalio/common';

export const DIRECTIVE_KEY = defineSearchAttributeKey('DondocDirective', SearchAttributeType.KEYWORD);
export const UNIT_KEY = defineSearchAttributeKey('DondocUnit', SearchAttributeType.KEYWORD);
export const STATUS_KEY = defineSearchAttributeKey('DondocStatus', SearchAttributeType.KEYWORD);
export const DEADLINE_KEY = defineSearchAttributeKey('DondocDeadline', SearchAttributeType.DATETIME);

export const SEARCH_ATTRIBUTE_KEYS = [DIRECTIVE_KEY, UNIT_KEY, STATUS_KEY, DEADLINE_KEY] as const;

/** `Name=Type` pairs as the Temporal CLI takes them (`--search-attribute DondocUnit=Keyword`). */
export const SEARCH_ATTRIBUTES = SEARCH_ATTRIBUTE_KEYS.map(
  (k) => `${k.name}=${k.type === 'DATETIME' ? 'Datetime' : 'Keyword'}`,
);
