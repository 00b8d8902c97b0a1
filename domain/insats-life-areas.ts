// The IBIC life area each insats type serves first: a default for new care
// plan items and the catalogue. Apart from insatser.ts, which is on the app's
// start-up path (its schemas parse stored rows), so that this table loads
// only with the pages that use it.
import type { InsatsType, LifeArea } from './insatser';

/** The IBIC life area each insats type serves first. */
export const INSATS_LIFE_AREA: Readonly<Record<InsatsType, LifeArea>> = {
  morning_help: 'personal_care',
  lunch: 'meals',
  evening_help: 'personal_care',
  night_help: 'personal_care',
  tillsyn: 'health',
  shower: 'personal_care',
  shopping: 'household',
  cleaning: 'household',
  laundry: 'household',
  walk: 'social_life',
  medication_reminder: 'health',
  transfer: 'mobility',
  alarm_callout: 'health',
};
