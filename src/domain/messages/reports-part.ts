/**
 * Exporting's and saved pages' messages (`reports.*`: PNG/SVG and page export, decks, embeds,
 * self-contained documents, a report's text) join the catalogue when the code that shows them
 * loads, not with the first page (initial-JS budget). Every module that uses its keys imports
 * this file for that effect.
 */
import { addMessages } from './index';
import { reports } from './reports';

addMessages('zh', reports);
