export const LANGS = ['zh-CN', 'en'] as const;
export type Lang = (typeof LANGS)[number];
/** Text in every language the tool renders; the compiler checks none is missing. */
export type Localized = Record<Lang, string>;

export function isLang(value: string): value is Lang {
  return (LANGS as readonly string[]).includes(value);
}
