// The field pages' strings in the current locale (see lazy-strings.ts).
import type { Accessor } from 'solid-js';
import { fieldSv, type FieldStrings } from './field.sv';
import { useLazyStrings } from './lazy-strings';

export function useFieldStrings(): Accessor<FieldStrings> {
  return useLazyStrings<FieldStrings>(fieldSv, () => import('./field.en').then((m) => m.fieldEn));
}
