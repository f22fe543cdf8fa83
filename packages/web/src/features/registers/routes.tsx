import { AuditOutlined, BookOutlined, FileTextOutlined, FolderOpenOutlined } from '@ant-design/icons';
import { REGISTERS, type Permission, type RegisterDefinition } from '@zhizao/domain';
import { lazy, Suspense, type ComponentType, type ReactNode } from 'react';
import { Route } from 'react-router';
import { RequirePermission } from '../../app/auth/RequireAuth.tsx';
import { PageSkeleton } from '../../app/components/PageStates.tsx';
import type { MenuEntry, MenuGroup } from '../../app/layout/menu.tsx';
import { registerPermission } from './access.ts';

// The registers' pages, made for every register of the catalogue (domain registers/catalogue.ts), and
// their menu: one entry per register, grouped as the registers are.

type DefinitionPage = ComponentType<{ definition: RegisterDefinition }>;

function lazyPage<K extends string, P extends object>(load: () => Promise<Record<K, ComponentType<P>>>, name: K) {
  return lazy<ComponentType<P>>(async () => ({ default: (await load())[name] }));
}
const ListPage = lazyPage<'RegisterListPage', { definition: RegisterDefinition }>(
  () => import('./pages/RegisterListPage.tsx'),
  'RegisterListPage',
) as DefinitionPage;
const FormPage = lazyPage<'RegisterFormPage', { definition: RegisterDefinition }>(
  () => import('./pages/RegisterFormPage.tsx'),
  'RegisterFormPage',
) as DefinitionPage;
const ImportPage = lazyPage<'RegisterImportPage', { definition: RegisterDefinition }>(
  () => import('./pages/RegisterImportPage.tsx'),
  'RegisterImportPage',
) as DefinitionPage;
const CorrectionsPage = lazyPage<'CorrectionsPage', object>(() => import('./pages/CorrectionsPage.tsx'), 'CorrectionsPage');

function guarded(permission: Permission, element: ReactNode) {
  return (
    <RequirePermission permission={permission}>
      <Suspense fallback={<PageSkeleton />}>{element}</Suspense>
    </RequirePermission>
  );
}

export const registersRoutes = (
  <>
    <Route path="registers/corrections" element={guarded('registers.correction.read', <CorrectionsPage />)} />
    {REGISTERS.map((definition) => {
      const base = `registers/${definition.key}`;
      const write = registerPermission(definition, 'write');
      return [
        <Route
          key={base}
          path={base}
          element={guarded(registerPermission(definition, 'read'), <ListPage key={definition.key} definition={definition} />)}
        />,
        <Route
          key={`${base}/new`}
          path={`${base}/new`}
          element={guarded(write, <FormPage key={`${definition.key}-new`} definition={definition} />)}
        />,
        <Route
          key={`${base}/import`}
          path={`${base}/import`}
          element={guarded(write, <ImportPage key={definition.key} definition={definition} />)}
        />,
        <Route
          key={`${base}/edit`}
          path={`${base}/:id/edit`}
          element={guarded(write, <FormPage key={`${definition.key}-edit`} definition={definition} />)}
        />,
      ];
    })}
  </>
);

const GROUP_ICONS: Record<string, ReactNode> = { policies: <FileTextOutlined /> };

/** One menu group of every register, in catalogue order, and the corrections. */
export const registersMenu: (MenuEntry | MenuGroup)[] = [
  {
    key: 'registers',
    label: 'menu.registers',
    icon: <FolderOpenOutlined />,
    entries: [
      ...REGISTERS.map((definition) => ({
        path: `/registers/${definition.key}`,
        label: 'menu.registers' as const,
        text: definition.label,
        icon: GROUP_ICONS[definition.group] ?? <BookOutlined />,
        permission: registerPermission(definition, 'read'),
      })),
      {
        path: '/registers/corrections',
        label: 'menu.registerCorrections',
        icon: <AuditOutlined />,
        permission: 'registers.correction.read',
      },
    ],
  },
];
