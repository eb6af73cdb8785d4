/**
 * The page's first script, inline in the built index.html (vite.config.ts, picturesFirst): the
 * pictures of the charts this view showed last time appear while main.ts and the app are still
 * arriving. Not in an embed, which never shows the app.
 */
import { showKeptPictures } from './app/chart-pictures';

if (!new URLSearchParams(location.search).has('embed')) void showKeptPictures();
