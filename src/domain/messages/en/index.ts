/** The English catalogue, one object: loaded on demand by `loadLocale('en')`. */
import { ui } from './ui';
import { ingest } from './ingest';
import { charts } from './charts';
import { store } from './store';
import { exporting } from './export';
import { briefing } from './briefing';
import { reports } from './reports';
import { views } from './views';
import { ledger } from './ledger';
import { regions } from './regions';
import { reportReview } from './report-review';
import { publish } from './publish';
import { access } from './access';
import { derived } from './derived';
import { derivedEntry } from './derived-entry';
import { chartsExtra } from './charts-extra';

export const en: Record<string, string> = Object.assign(
  Object.create(null) as Record<string, string>,
  ui,
  ingest,
  charts,
  store,
  exporting,
  briefing,
  reports,
  views,
  ledger,
  regions,
  reportReview,
  publish,
  access,
  derived,
  derivedEntry,
  chartsExtra,
);
