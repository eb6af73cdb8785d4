/**
 * The watermark setting as app state: set once in the settings, drawn over the page and its
 * prints, and read by the exporters (through `watermark-store`) when a file is made.
 */
import { getContext, setContext } from 'svelte';
import { watermarkText, type WatermarkSettings } from '../../export/watermark';
import { loadWatermark, saveWatermark } from './watermark-store';

const CONTEXT = Symbol('watermark');

export class Watermark {
  settings = $state<WatermarkSettings>(loadWatermark());
  /** Today's text; a page left open over midnight shows the old day until it is next changed. */
  readonly text: string;

  constructor() {
    this.text = $derived(watermarkText(this.settings, new Date().toISOString()));
  }

  set(settings: WatermarkSettings): void {
    this.settings = settings;
    saveWatermark(settings);
  }
}

export function provideWatermark(): Watermark {
  return setContext(CONTEXT, new Watermark());
}

export function useWatermark(): Watermark {
  return getContext<Watermark>(CONTEXT);
}
