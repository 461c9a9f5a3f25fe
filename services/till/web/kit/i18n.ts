// The till's words in English and Bahasa Indonesia. Keys are a closed, typed set (those of
// messages-en.ts); the Indonesian table must give each (its type says so), and every code the
// kit's rules refuse with has its message (the checks below fail to compile otherwise).
import type { CartErrorCode } from './cart.ts';
import { en } from './messages-en.ts';
import { id } from './messages-id.ts';
import type { TenderErrorCode, TenderOption } from './tenders.ts';

export const LANGUAGES = ['id', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];
export type MessageKey = keyof typeof en;
export type Message = string | { one: string; other: string };
export type MessageParams = Record<string, string | number>;

export const MESSAGES: Record<Language, Record<MessageKey, Message>> = { en, id };

type Covered<Keys extends string> = [Exclude<Keys, MessageKey>] extends [never] ? true : Exclude<Keys, MessageKey>;
export const everyRefusalHasAMessage: [
  Covered<`cart.error.${CartErrorCode}`>, Covered<`tender.error.${TenderErrorCode}`>, Covered<NonNullable<TenderOption['unavailableReason']>>,
] = [true, true, true];

/** The key's text in `language`, `{name}` filled from `params` (an unknown one left as written). */
export function translate(language: Language, key: MessageKey, params: MessageParams = {}): string {
  const message = MESSAGES[language][key];
  const text = typeof message === 'string' ? message : pluralOf(language, message, params.count);
  return text.replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));
}

function pluralOf(language: Language, message: { one: string; other: string }, count: unknown): string {
  return typeof count === 'number' && new Intl.PluralRules(language).select(count) === 'one' ? message.one : message.other;
}

/** t(key, params) in one language, for a screen. */
export const translator = (language: Language) => (key: MessageKey, params?: MessageParams): string => translate(language, key, params);

/** The language a browser asks for, of those the till speaks: Indonesian unless English comes first. */
export function preferredLanguage(browserLanguages: readonly string[]): Language {
  for (const tag of browserLanguages) {
    const base = tag.toLowerCase().split('-')[0];
    if (base === 'id' || base === 'in') return 'id';
    if (base === 'en') return 'en';
  }
  return 'id';
}
