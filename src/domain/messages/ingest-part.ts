/**
 * The import issues' sentences (`issue.<code>`) join the catalogue when code that makes or shows
 * an issue loads (the readers, the import worker, the issue list), not with the first page
 * (initial-JS budget). Every module that turns an issue code into words imports this file for
 * that effect.
 */
import { addMessages } from './index';
import { ingest } from './ingest';

addMessages('zh', ingest);
