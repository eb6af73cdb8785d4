/**
 * Calculated indicators' messages join the catalogue with the calculations and the dialog, not
 * with the first page (initial-JS budget). Every module that uses their keys imports this file.
 */
import { addMessages } from './index';
import { derived } from './derived';

addMessages('zh', derived);
