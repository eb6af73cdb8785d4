import { mount } from 'svelte';
import { startEarly } from './app/early-start';

const target = document.getElementById('app')!;
// `?embed` is the read-only embed page: it draws from its URL fragment and never loads the app,
// so nothing opens IndexedDB inside someone else's page.
if (new URLSearchParams(location.search).has('embed')) {
  void import('./standalone/embed-page').then((m) => m.startEmbedPage(target));
} else {
  startEarly(location.search);
  void import('./ui/App.svelte').then(({ default: App }) => mount(App, { target }));
}
