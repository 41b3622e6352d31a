import type { StorageLike } from './autosave';

// Display preferences: high contrast, larger text for a projector, reduced motion. They belong
// to the device, not to a game, so they are stored apart from saves.

export interface Display {
  highContrast: boolean;
  projector: boolean;
  reducedMotion: boolean;
}

// NOTE: changing this key or shape resets everyone's display preferences (harmless).
const KEY = 'frozen-assets.display.v1';

/** Stored preferences, or defaults (reduced motion follows the system setting). */
export function readDisplay(storage: StorageLike | null, systemReducedMotion: boolean): Display {
  const fallback: Display = {
    highContrast: false,
    projector: false,
    reducedMotion: systemReducedMotion,
  };
  try {
    const raw = storage?.getItem(KEY);
    if (!raw) return fallback;
    const data: unknown = JSON.parse(raw);
    if (typeof data !== 'object' || data === null) return fallback;
    const d = data as Record<string, unknown>;
    return {
      highContrast: d.highContrast === true,
      projector: d.projector === true,
      reducedMotion: typeof d.reducedMotion === 'boolean' ? d.reducedMotion : systemReducedMotion,
    };
  } catch {
    return fallback;
  }
}

export function writeDisplay(storage: StorageLike | null, display: Display): void {
  try {
    storage?.setItem(KEY, JSON.stringify(display));
  } catch {
    // A full or blocked storage only means the preference is not remembered.
  }
}
