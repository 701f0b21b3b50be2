import type { Session } from '../client/types';

type DeviceType = NonNullable<Session['device']>['type'];

// Plain outlines by device type; decorative, the device line says the same in words.
const PATHS: Record<NonNullable<DeviceType>, string> = {
  desktop: 'M3 5h18v11H3zM8 20h8M12 16v4',
  mobile: 'M8 3h8v18H8zM11 18h2',
  tablet: 'M5 3h14v18H5zM11 18h2',
  app: 'M4 4h6v6H4zM14 4h6v6h-6zM4 14h6v6H4zM14 14h6v6h-6z',
};

/** The row's device icon. */
export function DeviceIcon({ type }: { type: DeviceType }) {
  return (
    <svg viewBox="0 0 24 24" width="24" height="24" aria-hidden="true" focusable="false" className="fpas-row__icon" data-slot="device-icon">
      <path d={PATHS[type ?? 'desktop']} fill="none" stroke="currentColor" strokeWidth="1.6" strokeLinejoin="round" strokeLinecap="round" />
    </svg>
  );
}
