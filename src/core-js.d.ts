// core-js modules install themselves on the globals; they export nothing to type.
declare module 'core-js/modules/*';
