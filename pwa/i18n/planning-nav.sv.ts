// Swedish labels of the planning views' navigation (loaded with the planning pages, not at start-up).
import type { Widen } from './sv';

export const planningNavSv = {
  label: 'Planeringsvyer',
  day: 'Dag',
  week: 'Vecka',
  followUp: 'Uppföljning',
  order: 'Ny beställning',
  staff: 'Personal',
} as const;

export type PlanningNavStrings = Widen<typeof planningNavSv>;
