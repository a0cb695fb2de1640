import type { Lang } from '../language.ts';
import { de } from './de.ts';
import { deAdmin } from './de-admin.ts';
import { deApp } from './de-app.ts';
import { deAuth } from './de-auth.ts';
import { deBacktest } from './de-backtest.ts';
import { deDashboard } from './de-dashboard.ts';
import { deDu } from './de-du.ts';
import { deReportTable } from './de-report-table.ts';
import { deReports } from './de-reports.ts';
import { deTakeIt } from './de-take-it.ts';
import { deTimeline } from './de-timeline.ts';
import { en } from './en.ts';
import { enAdmin } from './en-admin.ts';
import { enApp } from './en-app.ts';
import { enAuth } from './en-auth.ts';
import { enBacktest } from './en-backtest.ts';
import { enDashboard } from './en-dashboard.ts';
import { enReportTable } from './en-report-table.ts';
import { enReports } from './en-reports.ts';
import { enTakeIt } from './en-take-it.ts';
import { enTimeline } from './en-timeline.ts';
import { nl } from './nl.ts';
import { nlAdmin } from './nl-admin.ts';
import { nlApp } from './nl-app.ts';
import { nlAuth } from './nl-auth.ts';
import { nlBacktest } from './nl-backtest.ts';
import { nlDashboard } from './nl-dashboard.ts';
import { nlReportTable } from './nl-report-table.ts';
import { nlReports } from './nl-reports.ts';
import { nlTakeIt } from './nl-take-it.ts';
import { nlTimeline } from './nl-timeline.ts';

/** Every text sla-bot says to people, English as the reference. */
export const EN = {
  ...en,
  ...enApp,
  ...enReports,
  ...enReportTable,
  ...enDashboard,
  ...enAdmin,
  ...enTimeline,
  ...enAuth,
  ...enTakeIt,
  ...enBacktest,
} as const;
export type MessageKey = keyof typeof EN;
export type Catalogue = Readonly<Record<MessageKey, string>>;

/** The catalogue of each language; German "Sie" (the default form). */
export const CATALOGUES: Readonly<Record<Lang, Catalogue>> = {
  en: EN,
  nl: {
    ...nl,
    ...nlApp,
    ...nlReports,
    ...nlReportTable,
    ...nlDashboard,
    ...nlAdmin,
    ...nlTimeline,
    ...nlAuth,
    ...nlTakeIt,
    ...nlBacktest,
  },
  de: {
    ...de,
    ...deApp,
    ...deReports,
    ...deReportTable,
    ...deDashboard,
    ...deAdmin,
    ...deTimeline,
    ...deAuth,
    ...deTakeIt,
    ...deBacktest,
  },
};

/** German "du": the texts that address the reader, over the "Sie" catalogue. */
export const GERMAN_INFORMAL: Partial<Catalogue> = deDu;
