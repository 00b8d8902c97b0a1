// The recipients' sign-offs over the follow-up period: how many signed or
// declined, how the visits were, and the visits that need a person's
// attention (asked to talk, unhappy, or said an insats was not done).
import { A } from '@solidjs/router';
import { For, Show, type Accessor, type JSX } from 'solid-js';
import { signOffSummary, type SignOffReport } from '../../domain';
import type { ReportsStrings } from '../i18n/reports.sv';

export function SignOffSummary(props: { report: SignOffReport; r: Accessor<ReportsStrings>; recipientName: (id: string) => string; num: (n: number) => string }): JSX.Element {
  const r = props.r;
  return (
    <>
      <dl class="report-summary" data-testid="sign-off-summary">
        <dt>{r().signOffSigned}</dt>
        <dd data-testid="sign-off-signed">{r().signOffOf(props.num(props.report.signed), props.num(props.report.doneVisits))}</dd>
        <dt>{r().signOffDeclined}</dt>
        <dd data-testid="sign-off-declined">{props.num(props.report.declined)}</dd>
        <dt>{r().signOffMoods}</dt>
        <dd data-testid="sign-off-moods">{r().signOffMoodCounts(props.report.moods.good, props.report.moods.so_so, props.report.moods.bad)}</dd>
      </dl>
      <Show when={props.report.attention.length > 0} fallback={<p class="note">{r().signOffNoAttention}</p>}>
        <h3>{r().signOffAttention}</h3>
        <ul data-testid="sign-off-attention">
          <For each={props.report.attention}>
            {(a) => (
              <li data-visit-id={a.visit.id}>
                <A href={`/besok/${a.visit.date}/${a.visit.id}`}>
                  {a.visit.date} {a.visit.plannedStart} {props.recipientName(a.visit.brukareId)}
                </A>
                : {signOffSummary(a.signOff, (id) => a.visit.insatser.find((i) => i.id === id)?.title ?? id)}
              </li>
            )}
          </For>
        </ul>
      </Show>
    </>
  );
}
