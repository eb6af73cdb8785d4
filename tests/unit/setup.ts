/**
 * Unit tests speak both languages: the app loads English on demand (`loadLocale`), and many
 * tests check English text synchronously.
 */
import { loadLocale } from '../../src/domain/messages';

await loadLocale('en');
