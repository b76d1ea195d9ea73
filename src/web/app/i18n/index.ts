// The one i18next instance of the app (Mirador gets the same one). Chinese by default; the choice
// is kept under localStorage `census.lang`, so every page and tab speaks one language.
import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { zh } from './zh.js';
import { en } from './en.js';

const STORAGE_KEY = 'census.lang';
export type Lang = 'zh' | 'en';

function storedLang(): Lang {
  try {
    return localStorage.getItem(STORAGE_KEY) === 'en' ? 'en' : 'zh';
  } catch {
    return 'zh';
  }
}

/** The BCP 47 tag for <html lang>. */
export function langTag(lang: string): string {
  return lang === 'en' ? 'en' : 'zh-CN';
}

export const i18n = i18next.createInstance();
void i18n.use(initReactI18next).init({
  resources: { zh: { translation: zh }, en: { translation: en } },
  lng: storedLang(),
  fallbackLng: false,
  interpolation: { escapeValue: false },
  returnNull: false,
});
document.documentElement.lang = langTag(i18n.language);
i18n.on('languageChanged', (lang) => {
  document.documentElement.lang = langTag(lang);
  try {
    localStorage.setItem(STORAGE_KEY, lang);
  } catch {
    // Private mode: the choice lasts for this page only.
  }
});

/** The current interface language. */
export function currentLang(): Lang {
  return i18n.language === 'en' ? 'en' : 'zh';
}

/** Picks the variant of a bilingual pair the server sent ({zh, en}) in the interface language. */
export function pickLabel(label: { zh: string; en: string } | null | undefined, lang: Lang): string {
  if (!label) return '';
  return lang === 'en' ? label.en || label.zh : label.zh || label.en;
}
