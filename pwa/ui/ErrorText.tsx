// An error message that screen readers announce; nothing when there is none.
import { Show, type JSX } from 'solid-js';

export function ErrorText(props: { message: string | null | undefined }): JSX.Element {
  return (
    <Show when={props.message}>
      <p class="error" role="alert">
        {props.message}
      </p>
    </Show>
  );
}
