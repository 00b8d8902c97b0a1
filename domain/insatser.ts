// The catalogue of insats types (granted services) and the IBIC life areas they serve.
import { z } from 'zod/mini';

/** IBIC life areas, used to categorise tasks and journal notes. */
export const LIFE_AREAS = [
  'personal_care',
  'meals',
  'mobility',
  'household',
  'social_life',
  'health',
] as const;
export const LifeAreaSchema = z.enum(LIFE_AREAS);
export type LifeArea = z.infer<typeof LifeAreaSchema>;

export const INSATS_TYPES = [
  'morning_help',
  'lunch',
  'evening_help',
  'night_help',
  'tillsyn',
  'shower',
  'shopping',
  'cleaning',
  'laundry',
  'walk',
  'medication_reminder',
  'transfer',
  'alarm_callout',
] as const;
export const InsatsTypeSchema = z.enum(INSATS_TYPES);
export type InsatsType = z.infer<typeof InsatsTypeSchema>;

/** Competences a task may require of the staff member doing it (delegations among them). */
export const COMPETENCES = ['insulin_delegation', 'medication_delegation', 'lift_training'] as const;
export const CompetenceSchema = z.enum(COMPETENCES);
export type Competence = z.infer<typeof CompetenceSchema>;
