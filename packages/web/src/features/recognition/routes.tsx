import type { MenuEntry, MenuGroup } from '../../app/layout/menu.tsx';

// Recognition ladder (issue 4): the module's pages inside the signed-in layout, its public pages (no login), and its menu.
export const recognitionRoutes = <></>;
export const recognitionPublicRoutes = <></>;
export const recognitionMenu: (MenuEntry | MenuGroup)[] = [];
