import { mount } from 'svelte';
import './app.css';
import App from './App.svelte';
import { createBridge } from './lib/bridge/create-bridge';

/** Entry: pick the transport once (Electron preload or browser host), then mount the app. */
const target = document.getElementById('app');
if (!target) throw new Error('Lockbench: #app is missing from index.html');

// Pasting a fresh `#token=…` address into this tab only changes the fragment (no reload): start over with it.
window.addEventListener('hashchange', () => {
  if (/(^#|&)token=/.test(location.hash)) location.reload();
});

export default mount(App, { target, props: { bridge: createBridge() } });
