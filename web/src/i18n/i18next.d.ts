import 'i18next';
import type { en } from './en';

// Every t('key') is checked against the English catalog at compile time; es.ts must have the same shape.
declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation';
    resources: { translation: typeof en };
    returnNull: false;
  }
}
