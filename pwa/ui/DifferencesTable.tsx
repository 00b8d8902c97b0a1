// The follow-up page's visits that differ from the plan, each with its
// reasons (from domain/follow-up.ts) in words and a link to the visit.
import { A } from '@solidjs/router';
import { For, type Accessor, type JSX } from 'solid-js';
import { staffOfVisit, type DifferenceReason, type DifferingVisit } from '../../domain';
import type { ReportsStrings } from '../i18n/reports.sv';

export function DifferencesTable(props: {
  caption: string;
  rows: DifferingVisit[];
  r: Accessor<ReportsStrings>;
  /** Put before the visit's time, e.g. the weekday in a week's list ('' for none). */
  dayPrefix(date: string): string;
  staffName(id: string): string;
  recipientName(id: string): string;
}): JSX.Element {
  const reasonText = (reason: DifferenceReason): string => {
    const s = props.r().reasons;
    switch (reason.kind) {
      case 'cancelled':
      case 'missed':
      case 'not_registered':
      case 'not_as_planned':
      case 'unplanned':
        return s[reason.kind];
      case 'time':
        return s.time(props.staffName(reason.staffId), reason.planned, reason.actual);
      case 'unassigned_worker':
      case 'not_checked_out':
        return s[reason.kind](props.staffName(reason.staffId));
      default: {
        const unknown: never = reason;
        throw new Error(`unknown reason ${JSON.stringify(unknown)}`);
      }
    }
  };
  return (
    <div class="report-scroll" role="region" aria-labelledby="differences-caption" tabindex="0">
      <table class="report-table" data-testid="differences">
        <caption id="differences-caption">{props.caption}</caption>
        <thead>
          <tr>
            <th scope="col">{props.r().visit}</th>
            <th scope="col">{props.r().staff}</th>
            <th scope="col">{props.r().whatDiffers}</th>
          </tr>
        </thead>
        <tbody>
          <For each={props.rows}>
            {(d) => (
              <tr data-testid="difference" data-visit-id={d.visit.id} data-reasons={d.reasons.map((x) => x.kind).join(' ')}>
                <th scope="row">
                  <A class="link" href={`/besok/${d.visit.date}/${d.visit.id}`}>
                    {props.dayPrefix(d.visit.date)}
                    {d.visit.plannedStart}–{d.visit.plannedEnd} {props.recipientName(d.visit.brukareId)}
                  </A>
                </th>
                <td>{staffOfVisit(d.visit).map(props.staffName).join(', ') || props.r().unassigned}</td>
                <td>
                  <ul class="reason-list">
                    <For each={d.reasons}>{(reason) => <li>{reasonText(reason)}</li>}</For>
                  </ul>
                </td>
              </tr>
            )}
          </For>
        </tbody>
      </table>
    </div>
  );
}
