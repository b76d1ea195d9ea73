// Typed keys: t('login.title') is checked against the Chinese catalogue at compile time.
import 'i18next';
import type { zh } from './zh.js';

declare module 'i18next' {
  interface CustomTypeOptions {
    resources: { translation: typeof zh };
  }
}
