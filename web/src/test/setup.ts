import '@testing-library/jest-dom/vitest';
import { afterEach } from 'vitest';
import { cleanup } from '@testing-library/react';
import i18n from '../i18n';

// Tests read the English catalog regardless of the machine's language.
void i18n.changeLanguage('en');
afterEach(() => cleanup());
