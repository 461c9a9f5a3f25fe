// Small form pieces shared by the screens: a labelled field and an error line.
import type { InputHTMLAttributes } from 'preact';
import { useFocus } from './focus.ts';

export function Field({ label, focus, ...input }: { label: string; focus?: boolean } & InputHTMLAttributes) {
  const ref = useFocus<HTMLInputElement>();
  return (
    <label class="field">
      <span>{label}</span>
      <input {...input} ref={focus ? ref : undefined} />
    </label>
  );
}

export const ErrorLine = ({ text }: { text: string | undefined }) => (text ? <p class="error" role="alert">{text}</p> : null);
