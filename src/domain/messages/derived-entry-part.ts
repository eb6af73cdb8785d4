/**
 * The three words the indicator list shows of calculated indicators (its marker, the dialog's
 * button): with the list, on the first page; the rest loads with the dialog (derived-part.ts).
 */
import { addMessages } from './index';
import { derivedEntry } from './derived-entry';

addMessages('zh', derivedEntry);
