import i18n from 'i18next';
import LanguageDetector from 'i18next-browser-languagedetector';
import { initReactI18next } from 'react-i18next';
import { en } from './en';
import { es } from './es';

export const LANGUAGES = [
  { code: 'en', name: 'English' },
  { code: 'es', name: 'Español' },
] as const;

// The browser's language decides; the switch in the header overrides it (kept in localStorage:
// only the language code, never anything about the session).
void i18n
  .use(LanguageDetector)
  .use(initReactI18next)
  .init({
    resources: { en: { translation: en }, es: { translation: es } },
    fallbackLng: 'en',
    supportedLngs: ['en', 'es'],
    nonExplicitSupportedLngs: true,
    load: 'languageOnly',
    interpolation: { escapeValue: false },
    detection: { order: ['localStorage', 'navigator'], caches: ['localStorage'], lookupLocalStorage: 'outward.lang' },
    returnNull: false,
  });

function syncHtmlLang(lng: string) {
  document.documentElement.lang = lng.split('-')[0] || 'en';
}
syncHtmlLang(i18n.resolvedLanguage ?? 'en');
i18n.on('languageChanged', (lng) => syncHtmlLang(i18n.resolvedLanguage ?? lng));

export default i18n;
