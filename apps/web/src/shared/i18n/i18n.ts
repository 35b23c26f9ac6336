/**
 * The one i18next instance. Both languages are bundled (a few kB) so switching never waits on
 * the network. Importing this module initialises i18next synchronously, before the first render.
 */
import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import en from './locales/en.json';
import zhCN from './locales/zh-CN.json';
import { DEFAULT_LANGUAGE, isLanguage, readStoredLanguage, storeLanguage, type Language } from './language.ts';

export const resources = {
  'zh-CN': { translation: zhCN },
  en: { translation: en },
} as const;

// dayjs names its locales differently from BCP 47.
const dayjsLocale: Record<Language, string> = { 'zh-CN': 'zh-cn', en: 'en' };

function applyLanguage(language: Language): void {
  dayjs.locale(dayjsLocale[language]);
  if (typeof document !== 'undefined') document.documentElement.lang = language;
}

void i18n.use(initReactI18next).init({
  resources,
  lng: readStoredLanguage(),
  fallbackLng: DEFAULT_LANGUAGE,
  supportedLngs: Object.keys(resources),
  initAsync: false,
  // React escapes on render; escaping here too would show &lt; to users.
  interpolation: { escapeValue: false },
});
applyLanguage(currentLanguage());

i18n.on('languageChanged', (lng) => {
  if (!isLanguage(lng)) return;
  storeLanguage(lng);
  applyLanguage(lng);
});

export function currentLanguage(): Language {
  return isLanguage(i18n.language) ? i18n.language : DEFAULT_LANGUAGE;
}

export async function changeLanguage(language: Language): Promise<void> {
  await i18n.changeLanguage(language);
}

export { i18n };
