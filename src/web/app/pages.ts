// The React component of each path of the shared table (src/web/page-routes.ts).
// Each page is its own chunk, loaded when first shown. A unit test checks both lists agree.
import { lazy, type ComponentType, type LazyExoticComponent } from 'react';
import type { AppPath } from '../page-routes.js';
import type { Me } from './session.js';

/** What every staff page receives. */
export interface PageProps {
  me: Me;
  params: Record<string, string>;
}

/** What a page open to everyone receives: the session when there is one. */
export interface OpenPageProps {
  me: Me | null;
  params: Record<string, string>;
}

export interface AppPage {
  /** Shown without login (the login page itself); logged-in visitors are sent on. */
  readonly anonymous?: boolean;
  /** Shown to everyone, logged in or not (a published record is public); the page gets `me` or null. */
  readonly open?: boolean;
  readonly component: LazyExoticComponent<ComponentType<PageProps>>;
}

/** Typed by the shared table: a path added there without a component here fails to compile. */
export const APP_PAGES: Record<AppPath, AppPage> = {
  '/': { component: lazy(() => import('./pages/HomePage.js')) },
  '/login': { anonymous: true, component: lazy(() => import('./pages/LoginPage.js')) },
  '/records': { component: lazy(() => import('./pages/RecordsPage.js')) },
  '/records/new': { component: lazy(() => import('./pages/RecordFormPage.js')) },
  '/records/:censusNumber': { open: true, component: lazy(() => import('./pages/RecordPage.js')) },
  '/records/:censusNumber/edit': { component: lazy(() => import('./pages/RecordFormPage.js')) },
  '/records/:censusNumber/history': { component: lazy(() => import('./pages/RecordHistoryPage.js')) },
  '/institutions': { component: lazy(() => import('./pages/InstitutionsPage.js')) },
  '/institutions/new': { component: lazy(() => import('./pages/InstitutionNewPage.js')) },
  '/institutions/:id': { component: lazy(() => import('./pages/InstitutionPage.js')) },
  '/institutions/:id/imports': { component: lazy(() => import('./pages/ImportsPage.js')) },
  '/imports/:id': { component: lazy(() => import('./pages/ImportJobPage.js')) },
  '/users': { component: lazy(() => import('./pages/UsersPage.js')) },
  '/users/new': { component: lazy(() => import('./pages/UserNewPage.js')) },
  '/account': { component: lazy(() => import('./pages/AccountPage.js')) },
  '/audit': { component: lazy(() => import('./pages/AuditPage.js')) },
  '/code-lists': { component: lazy(() => import('./pages/CodeListsPage.js')) },
  '/records/:censusNumber/images': { component: lazy(() => import('./pages/RecordImagesPage.js')) },
  '/statistics': { component: lazy(() => import('./pages/StatisticsPage.js')) },
  '/review': { component: lazy(() => import('./pages/ReviewQueuePage.js')) },
  '/review/:censusNumber': { component: lazy(() => import('./pages/ReviewPage.js')) },
  '/records/:censusNumber/condition': { component: lazy(() => import('./pages/ConditionPage.js')) },
  '/triage': { component: lazy(() => import('./pages/TriagePage.js')) },
  '/restoration': { component: lazy(() => import('./pages/RestorationBoardPage.js')) },
  '/work-orders/:id': { component: lazy(() => import('./pages/WorkOrderPage.js')) },
  '/catalogue': { open: true, component: lazy(() => import('./pages/CataloguePage.js')) },
  '/compare': { open: true, component: lazy(() => import('./pages/ComparePage.js')) },
};
