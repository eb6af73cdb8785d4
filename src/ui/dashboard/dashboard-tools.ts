/**
 * The view bar's buttons that open dialogs (layout, boundary file, indicator settings), as one
 * chunk the dashboard loads after its first charts: none is needed to draw them.
 */
export { default as LayoutEditor } from '../views/LayoutEditor.svelte';
export { default as BoundaryUpload } from '../views/BoundaryUpload.svelte';
export { default as IndicatorSettings } from '../views/IndicatorSettings.svelte';
