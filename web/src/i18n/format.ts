import { useTranslation } from 'react-i18next';

// Dates and numbers in the reader's language through Intl. API dates without a time
// ("2026-11-20") are calendar days: formatted in UTC so no time zone shifts them a day.

export function useFormat() {
  const { i18n } = useTranslation();
  const locale = i18n.resolvedLanguage ?? 'en';
  return {
    locale,
    day(iso: string | null | undefined): string {
      if (!iso) return '';
      const date = iso.length === 10 ? new Date(`${iso}T00:00:00Z`) : new Date(iso);
      return new Intl.DateTimeFormat(locale, {
        dateStyle: 'medium',
        timeZone: iso.length === 10 ? 'UTC' : undefined,
      }).format(date);
    },
    dateTime(iso: string | null | undefined): string {
      if (!iso) return '';
      return new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(iso));
    },
    number(value: number, options?: Intl.NumberFormatOptions): string {
      return new Intl.NumberFormat(locale, options).format(value);
    },
    percent(value: number): string {
      return new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 0 }).format(value);
    },
    bytes(size: number): string {
      const units = ['byte', 'kilobyte', 'megabyte', 'gigabyte'] as const;
      let value = size;
      let unit = 0;
      while (value >= 1024 && unit < units.length - 1) {
        value /= 1024;
        unit += 1;
      }
      return new Intl.NumberFormat(locale, {
        style: 'unit',
        unit: units[unit],
        unitDisplay: 'short',
        maximumFractionDigits: unit === 0 ? 0 : 1,
      }).format(value);
    },
    list(items: string[]): string {
      return new Intl.ListFormat(locale, { style: 'long', type: 'conjunction' }).format(items);
    },
  };
}
