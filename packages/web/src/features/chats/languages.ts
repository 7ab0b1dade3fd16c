/** Languages offered for chats (ISO 639-1), named in the viewer's language. */
export const LANGUAGES = [
  'ar',
  'de',
  'en',
  'es',
  'fr',
  'hi',
  'id',
  'it',
  'ja',
  'ko',
  'nl',
  'pl',
  'pt',
  'ru',
  'sv',
  'tr',
  'uk',
  'zh',
];

export function languageName(code: string, locale?: string): string {
  try {
    return new Intl.DisplayNames(locale ? [locale] : undefined, { type: 'language' }).of(code) ?? code;
  } catch {
    return code;
  }
}

/** The viewer's language when it is one we offer, else English. */
export function viewerLanguage(): string {
  const base = (navigator.language || 'en').split('-')[0].toLowerCase();
  return LANGUAGES.includes(base) ? base : 'en';
}

/** Every IANA zone the browser knows, with `current` included even if the list lacks it (e.g. "UTC"). */
export function timeZoneOptions(current: string): string[] {
  const intl = Intl as typeof Intl & { supportedValuesOf?(key: 'timeZone'): string[] };
  const zones = intl.supportedValuesOf?.('timeZone') ?? [];
  return zones.includes(current) ? zones : [current, ...zones].sort();
}
