// The services' DTOs as the gateway returns them (see the controllers of each service).

export interface Page<T> {
  items: T[];
  page: number;
  size: number;
  total: number;
}

export interface User {
  subject: string;
  email: string;
  name: string;
  roles: string[];
  libraryId: string | null;
  cohortId: string | null;
}

export const STAFF = 'program-staff';
export const MEMBER = 'library-member';

export type WebinarStatus = 'draft' | 'published' | 'archived';
export type ResourceKind = 'worksheet' | 'facilitator-guide' | 'sample-materials' | 'slides';
export const RESOURCE_KINDS: ResourceKind[] = ['worksheet', 'facilitator-guide', 'sample-materials', 'slides'];

export interface Link {
  label: string;
  url: string;
}

export interface Resource {
  key: string;
  title: string;
  kind: ResourceKind;
  url: string;
}

export interface Webinar {
  id: string;
  slug: string;
  title: string;
  summary: string;
  topics: string[];
  seriesPosition: number;
  durationMinutes: number;
  recordings: Link[];
  resources: Resource[];
  sampleFields: string[];
  status: WebinarStatus;
  version: number;
  createdAt: string;
  updatedAt: string;
  publishedAt: string | null;
  archivedAt: string | null;
}

export interface WebinarInput {
  title: string;
  slug: string;
  summary: string;
  topics: string[];
  seriesPosition: number;
  durationMinutes: number;
  recordings: Link[];
  resources: { key?: string; title: string; kind: ResourceKind; url: string }[];
  sampleFields?: string[];
}

export interface Progress {
  libraryId: string;
  webinarId: string;
  watched: boolean;
  resourcesDone: string[];
  version: number;
  updatedAt: string;
}

export interface ProgressMatrix {
  cohortId: string;
  cohortName: string;
  webinars: { webinarId: string; slug: string; title: string; seriesPosition: number; resourceKeys: string[] }[];
  rows: {
    libraryId: string;
    libraryName: string;
    cells: { webinarId: string; watched: boolean; resourcesDone: string[]; resourcesTotal: number }[];
  }[];
}

export interface Cohort {
  id: string;
  name: string;
  slug: string;
  startsOn: string;
  endsOn: string;
  version: number;
}

export interface Library {
  id: string;
  cohortId: string;
  name: string;
  city: string;
  state: string;
  contactEmail: string;
  timeZone: string;
  version: number;
}

export interface Member {
  id: string;
  name: string;
  email: string;
  role: string;
  libraryId: string | null;
  cohortId: string | null;
  teamRole: string | null;
}

export type Visibility = 'private' | 'cohort';
export type Extraction = 'none' | 'done' | 'failed';

export interface Attachment {
  id: string;
  name: string;
  type: string;
  size: number;
  sha256: string;
  extraction: Extraction;
  extractionAttempts: number;
  url: string;
}

export interface Note {
  id: string;
  libraryId: string;
  cohortId: string;
  title: string;
  body: string | null;
  conversationDate: string;
  place: string;
  facilitator: string;
  participants: number | null;
  segments: string[];
  tags: string[];
  webinarId: string | null;
  visibility: Visibility;
  attachments: Attachment[];
  extraction: Extraction;
  version: number;
  createdAt: string;
  updatedAt: string;
}

export interface NoteInput {
  title: string;
  body?: string;
  conversationDate: string;
  place: string;
  facilitator: string;
  participants?: number | null;
  segments: string[];
  tags: string[];
  webinarId?: string | null;
  visibility: Visibility;
}

export interface AttachmentText {
  attachmentId: string;
  name: string;
  extraction: Extraction;
  text: string | null;
}

export interface Evidence {
  noteId: string;
  libraryId: string;
  noteTitle: string;
  conversationDate: string;
  section: string;
  sentence: string;
}

export interface Theme {
  key: string;
  label: string;
  weight: number;
  noteCount: number;
  libraryCount: number;
  sections: string[];
  noteIds: string[];
  evidence: Evidence[];
}

export interface Themes {
  scope: string;
  libraryId: string | null;
  cohortId: string | null;
  from: string | null;
  to: string | null;
  noteCount: number;
  computedAt: string | null;
  themes: Theme[];
}

export const STAGES = ['waiting-place', 'impasse', 'catalytic', 'growth', 'sustain-and-renew'] as const;
export type Stage = (typeof STAGES)[number];

export interface Calibration {
  id: string;
  stage: Stage;
  previousStage: Stage | null;
  reasons: string;
  supportingNoteIds: string[];
  calibratedBy: string;
  calibratedAt: string;
}

export interface CalibrationHistory {
  libraryId: string;
  cohortId: string | null;
  current: Stage | null;
  version: number;
  history: Calibration[];
}

export const NEWS_KINDS = ['new-webinar', 'cohort-notes', 'themes', 'calibrations', 'progress-reminders'] as const;
export type NewsKind = (typeof NEWS_KINDS)[number];
export const FREQUENCIES = ['immediate', 'daily', 'weekly', 'off'] as const;
export type Frequency = (typeof FREQUENCIES)[number];
export const DAYS = ['MONDAY', 'TUESDAY', 'WEDNESDAY', 'THURSDAY', 'FRIDAY', 'SATURDAY', 'SUNDAY'] as const;

export interface Preferences {
  recipientId: string;
  email: string;
  timeZone: string;
  hour: number;
  weeklyDay: string;
  kinds: Record<string, Frequency>;
  customized: boolean;
}

export const EMAIL_STATUSES = ['PENDING', 'SENDING', 'SENT', 'FAILED'] as const;

export interface Delivery {
  key: string;
  kind: string;
  recipientId: string;
  to: string;
  subject: string;
  status: string;
  attempts: number;
  lastError: string | null;
  createdAt: string;
  nextAttemptAt: string | null;
  sentAt: string | null;
}

export interface DigestPreview {
  recipientId: string;
  frequency: string;
  windowEnd: string;
  subject: string;
  itemCount: number;
  groups: {
    kind: string;
    title: string;
    items: { itemId: string; headline: string; detail: string; url: string; when: string }[];
    more: number;
    hasMore: boolean;
  }[];
}

export interface UnsubscribeTarget {
  scope: string;
  kinds: NewsKind[];
  current: Frequency;
  choices: Frequency[];
}
