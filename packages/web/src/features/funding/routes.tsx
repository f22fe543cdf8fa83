import type { MenuEntry, MenuGroup } from '../../app/layout/menu.tsx';

// Projects and subsidy funds (issue 5): the module's pages inside the signed-in layout, its public pages (no login), and its menu.
export const fundingRoutes = <></>;
export const fundingPublicRoutes = <></>;
export const fundingMenu: (MenuEntry | MenuGroup)[] = [];
