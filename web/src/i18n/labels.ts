import type { TFunction } from 'i18next';

// Labels for values that come from the API (topics, kinds, stages): a known value has a catalog
// entry; an unknown one (added on the server later) shows as it is instead of a missing key.

type Loose = (key: string, options?: Record<string, unknown>) => string;

export function label(t: TFunction, group: string, value: string): string {
  return (t as unknown as Loose)(`${group}.${value}`, { defaultValue: value });
}

export const topicLabel = (t: TFunction, topic: string) => label(t, 'topics', topic);
