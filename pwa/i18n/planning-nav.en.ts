// English labels of the planning views' navigation.
import type { PlanningNavStrings } from './planning-nav.sv';

export const planningNavEn: PlanningNavStrings = {
  label: 'Planning views',
  day: 'Day',
  week: 'Week',
  followUp: 'Follow-up',
  order: 'New order',
  staff: 'Staff',
};
