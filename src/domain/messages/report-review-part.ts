/**
 * The report review's messages join the catalogue when the code that shows them loads, not with the first page
 * (initial-JS budget). Every module that uses its keys imports this file for that effect.
 */
import { addMessages } from './index';
import { reportReview } from './report-review';

addMessages('zh', reportReview);
