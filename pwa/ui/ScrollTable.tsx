// A table that scrolls sideways on a narrow screen: a named, focusable region
// (keyboard users can scroll it) around a report table with one header row.
// A column heading given as { hidden } is read by screen readers only.
import { For, type JSX } from 'solid-js';

export type Heading = string | { hidden: string };

export function ScrollTable(props: { labelledBy: string; testId?: string; headings: readonly Heading[]; children: JSX.Element }): JSX.Element {
  return (
    <div class="report-scroll" role="region" aria-labelledby={props.labelledBy} tabindex="0">
      <table class="report-table" data-testid={props.testId}>
        <thead>
          <tr>
            <For each={props.headings}>{(h) => <th scope="col">{typeof h === 'string' ? h : <span class="sr-only">{h.hidden}</span>}</th>}</For>
          </tr>
        </thead>
        <tbody>{props.children}</tbody>
      </table>
    </div>
  );
}
