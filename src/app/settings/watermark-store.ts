/**
 * Where the watermark settings are kept (localStorage, this browser), read without Svelte so the
 * exporters take the current setting at the moment of an export.
 */
import { readWatermarkSettings, watermarkText, type WatermarkSettings } from '../../export/watermark';

const KEY = 'dashboard.watermark';

/** The stored settings, or the defaults (off) when none or unreadable. */
export function loadWatermark(): WatermarkSettings {
  try {
    const raw = localStorage.getItem(KEY);
    return readWatermarkSettings(raw === null ? undefined : JSON.parse(raw));
  } catch {
    return readWatermarkSettings(undefined);
  }
}

export function saveWatermark(settings: WatermarkSettings): void {
  try {
    localStorage.setItem(KEY, JSON.stringify(settings));
  } catch {
    // Blocked storage: the setting holds for this page only.
  }
}

/** The text to draw now (today's date in the user's zone); '' when the watermark is off. */
export function currentWatermarkText(): string {
  return watermarkText(loadWatermark(), new Date().toISOString());
}
