// The follow-up page's continuity table: distinct staff each recipient met in
// the period (rows come worst first from domain/follow-up.ts), with the
// national indicator or why the recipient is not counted in it.
import { For, type Accessor, type JSX } from 'solid-js';
import type { ContinuityRow } from '../../domain';
import type { ReportsStrings } from '../i18n/reports.sv';

export function ContinuityTable(props: {
  caption: string;
  rows: ContinuityRow[];
  r: Accessor<ReportsStrings>;
  recipientName(id: string): string;
  num(n: number): string;
}): JSX.Element {
  return (
    <div class="report-scroll" role="region" aria-labelledby="continuity-caption" tabindex="0">
      <table class="report-table" data-testid="continuity">
        <caption id="continuity-caption">{props.caption}</caption>
        <thead>
          <tr>
            <th scope="col">{props.r().recipient}</th>
            <th scope="col" class="num">
              {props.r().staffMet}
            </th>
            <th scope="col" class="num">
              {props.r().visits}
            </th>
            <th scope="col">{props.r().indicator}</th>
          </tr>
        </thead>
        <tbody>
          <For each={props.rows}>
            {(row) => (
              <tr data-testid="continuity-row" data-brukare-id={row.id} data-met={row.met}>
                <th scope="row">{props.recipientName(row.id)}</th>
                <td class="num">{props.num(row.met)}</td>
                <td class="num">{props.num(row.visits)}</td>
                <td>{row.indicator !== undefined ? props.num(row.indicator) : row.notCounted ? props.r().notCounted[row.notCounted] : ''}</td>
              </tr>
            )}
          </For>
        </tbody>
      </table>
    </div>
  );
}
