import type { EuState } from '../engine';

// The 27 EU member states with their populations (Eurostat, 1 January 2024, in units of
// 100,000, rounded): the same Council in every scenario, for qualified-majority counts.
export const EU_STATES: EuState[] = [
  { id: 'DE', name: 'Germany', pop: 834 },
  { id: 'FR', name: 'France', pop: 684 },
  { id: 'IT', name: 'Italy', pop: 590 },
  { id: 'ES', name: 'Spain', pop: 486 },
  { id: 'PL', name: 'Poland', pop: 366 },
  { id: 'RO', name: 'Romania', pop: 191 },
  { id: 'NL', name: 'Netherlands', pop: 179 },
  { id: 'BE', name: 'Belgium', pop: 118 },
  { id: 'CZ', name: 'Czechia', pop: 109 },
  { id: 'SE', name: 'Sweden', pop: 106 },
  { id: 'PT', name: 'Portugal', pop: 106 },
  { id: 'EL', name: 'Greece', pop: 104 },
  { id: 'HU', name: 'Hungary', pop: 96 },
  { id: 'AT', name: 'Austria', pop: 92 },
  { id: 'BG', name: 'Bulgaria', pop: 64 },
  { id: 'DK', name: 'Denmark', pop: 60 },
  { id: 'FI', name: 'Finland', pop: 56 },
  { id: 'SK', name: 'Slovakia', pop: 54 },
  { id: 'IE', name: 'Ireland', pop: 53 },
  { id: 'HR', name: 'Croatia', pop: 39 },
  { id: 'LT', name: 'Lithuania', pop: 29 },
  { id: 'SI', name: 'Slovenia', pop: 21 },
  { id: 'LV', name: 'Latvia', pop: 19 },
  { id: 'EE', name: 'Estonia', pop: 14 },
  { id: 'CY', name: 'Cyprus', pop: 9 },
  { id: 'LU', name: 'Luxembourg', pop: 7 },
  { id: 'MT', name: 'Malta', pop: 6 },
];
