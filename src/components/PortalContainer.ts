import { createContext } from 'react';

/** Where dialogs and menus portal to: inside the section, so they keep its theme, direction and language. */
export const PortalContainerContext = createContext<HTMLElement | null>(null);
