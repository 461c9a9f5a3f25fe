// The till's entry: the service worker for offline use, persistent storage (so the browser
// never evicts waiting sales), the one-live-tab lock, then the app.
import { render } from 'preact';
import { boot } from './app/boot.ts';
import { App } from './screens/app.tsx';
import './styles.css';

if ('serviceWorker' in navigator) {
  navigator.serviceWorker.register('/sw.js').catch((error: unknown) => console.warn('no service worker:', error));
}
void navigator.storage?.persist?.();

const root = document.getElementById('app');
if (root) render(<App />, root);
void boot();
