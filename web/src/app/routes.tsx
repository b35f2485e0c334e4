import { createBrowserRouter, type RouteObject } from 'react-router';
import { Layout } from './Layout';
import { RequireUser, RequireStaff } from './RequireUser';
import { NotFoundPage } from './NotFoundPage';
import { RouteError } from './RouteError';

// Every page is its own chunk, loaded when first visited; only the shell is in the first load.
// The email links land here: /webinars/<slug>, /notes/<id>, /settings/notifications,
// /cohorts/<id>/themes, /libraries/<id> and /unsubscribe?token=.
const signedIn: RouteObject[] = [
  { index: true, lazy: () => import('../home/HomePage') },
  { path: 'webinars', lazy: () => import('../webinars/SeriesPage') },
  { path: 'webinars/:slug', lazy: () => import('../webinars/WebinarPage') },
  { path: 'notes', lazy: () => import('../notes/NotesPage') },
  { path: 'notes/new', lazy: () => import('../notes/UploadPage') },
  { path: 'notes/:id', lazy: () => import('../notes/NotePage') },
  { path: 'themes', lazy: () => import('../themes/ThemesPage') },
  { path: 'cohorts/:cohortId/themes', lazy: () => import('../themes/ThemesPage') },
  { path: 'calibration', lazy: () => import('../calibration/CalibrationPage') },
  { path: 'libraries/:libraryId', lazy: () => import('../libraries/LibraryPage') },
  { path: 'reports', lazy: () => import('../reports/ReportsPage') },
  { path: 'settings/notifications', lazy: () => import('../notifications/PreferencesPage') },
  {
    element: <RequireStaff />,
    children: [
      { path: 'webinars/new', lazy: () => import('../webinars/NewWebinarPage') },
      { path: 'webinars/:slug/edit', lazy: () => import('../webinars/EditWebinarPage') },
      { path: 'progress', lazy: () => import('../progress/ProgressPage') },
      { path: 'roster', lazy: () => import('../roster/RosterPage') },
      { path: 'notifications/deliveries', lazy: () => import('../notifications/DeliveriesPage') },
      { path: 'notifications/digest-preview', lazy: () => import('../notifications/DigestPreviewPage') },
    ],
  },
];

export const routes: RouteObject[] = [
  {
    element: <Layout />,
    errorElement: <RouteError />,
    // Pages are loaded lazily; the shell renders as soon as the first one is there.
    HydrateFallback: () => null,
    children: [
      // Public: the one-click unsubscribe link works without signing in.
      { path: 'unsubscribe', lazy: () => import('../notifications/UnsubscribePage') },
      { element: <RequireUser />, children: signedIn },
      { path: '*', element: <NotFoundPage /> },
    ],
  },
];

export const router = createBrowserRouter(routes);
