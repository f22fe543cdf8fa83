import type { MenuEntry, MenuGroup } from '../../app/layout/menu.tsx';

// Identifier resolution secondary node (issue 6): the module's pages inside the signed-in layout, its public pages (no login), and its menu.
export const identifiersRoutes = <></>;
export const identifiersPublicRoutes = <></>;
export const identifiersMenu: (MenuEntry | MenuGroup)[] = [];
