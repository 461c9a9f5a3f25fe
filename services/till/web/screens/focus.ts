// Focus on mount: the autofocus attribute is honoured only when a page loads, and the till
// changes screens without loading one. Keyboard first means each screen's field has the focus.
import { useLayoutEffect, useRef } from 'preact/hooks';

export function useFocus<T extends HTMLElement>() {
  const ref = useRef<T>(null);
  // Before the screen is painted: keys typed right after a screen change find the field.
  useLayoutEffect(() => { ref.current?.focus(); }, []);
  return ref;
}
