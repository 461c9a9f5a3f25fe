// The till's entry: the service worker for offline use, then the app (boot.ts asks for
// persistent storage and the one-live-tab lock).
import { render } from 'preact';
import { boot } from './app/boot.ts';
import { App } from './screens/app.tsx';
import './styles.css';

if ('serviceWorker' in navigator) {
  navigator.serviceWorker.register('/sw.js').catch((error: unknown) => console.warn('no service worker:', error));
}

const root = document.getElementById('app');
if (root) render(<App />, root);
void boot();
