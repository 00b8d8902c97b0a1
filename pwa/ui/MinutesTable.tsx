// One planned-vs-delivered table of the follow-up page: a row per staff
// member, recipient or day, and the period's total in the footer. The data-*
// attributes carry the raw minutes for tests and scripts.
import { For, type Accessor, type JSX } from 'solid-js';
import type { MinuteTotals } from '../../domain';
import type { ReportsStrings } from '../i18n/reports.sv';

export type MinutesRow = MinuteTotals & { key: string; label: string };

export function MinutesTable(props: {
  id: string;
  caption: string;
  head: string;
  rows: MinutesRow[];
  total: MinuteTotals;
  r: Accessor<ReportsStrings>;
  num(n: number): string;
  signed(n: number): string;
}): JSX.Element {
  const cells = (t: MinuteTotals) => (
    <>
      <td class="num">{props.num(t.planned)}</td>
      <td class="num">{props.num(t.actual)}</td>
      <td class="num">{props.signed(t.actual - t.planned)}</td>
      <td class="num">{props.num(t.visits)}</td>
    </>
  );
  return (
    <div class="report-scroll" role="region" aria-labelledby={`${props.id}-caption`} tabindex="0">
      <table class="report-table" data-testid={props.id}>
        <caption id={`${props.id}-caption`}>{props.caption}</caption>
        <thead>
          <tr>
            <th scope="col">{props.head}</th>
            <th scope="col" class="num">
              {props.r().planned}
            </th>
            <th scope="col" class="num">
              {props.r().actual}
            </th>
            <th scope="col" class="num">
              {props.r().difference}
            </th>
            <th scope="col" class="num">
              {props.r().visits}
            </th>
          </tr>
        </thead>
        <tbody>
          <For each={props.rows}>
            {(row) => (
              <tr data-testid={`${props.id}-row`} data-key={row.key} data-planned={row.planned} data-actual={row.actual} data-visits={row.visits}>
                <th scope="row">{row.label}</th>
                {cells(row)}
              </tr>
            )}
          </For>
        </tbody>
        <tfoot>
          <tr data-testid={`${props.id}-total`} data-planned={props.total.planned} data-actual={props.total.actual} data-visits={props.total.visits}>
            <th scope="row">{props.r().total}</th>
            {cells(props.total)}
          </tr>
        </tfoot>
      </table>
    </div>
  );
}
