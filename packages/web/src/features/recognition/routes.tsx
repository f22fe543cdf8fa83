import {
  AuditOutlined,
  BarChartOutlined,
  FileDoneOutlined,
  FormOutlined,
  NotificationOutlined,
  ProjectOutlined,
  RiseOutlined,
  SafetyCertificateOutlined,
  StarOutlined,
  TrophyOutlined,
} from '@ant-design/icons';
import type { Permission } from '@zhizao/domain';
import { lazy, Suspense, type ComponentType, type ReactNode } from 'react';
import { Route } from 'react-router';
import { RequirePermission } from '../../app/auth/RequireAuth.tsx';
import { PageSkeleton } from '../../app/components/PageStates.tsx';
import type { MenuEntry, MenuGroup } from '../../app/layout/menu.tsx';

// Recognition ladder (issue 4): the module's pages inside the signed-in layout, its public pages (no login), and its menu.

/** A page loaded on first visit (as app/router.tsx does), so the module's code waits until it is used. */
function page<K extends string>(load: () => Promise<Record<K, ComponentType>>, name: K) {
  return lazy(async () => ({ default: (await load())[name] }));
}
function guarded(permission: Permission, element: ReactNode) {
  return (
    <RequirePermission permission={permission}>
      <Suspense fallback={<PageSkeleton />}>{element}</Suspense>
    </RequirePermission>
  );
}

const ProgrammeListPage = page(() => import('./pages/ProgrammeListPage.tsx'), 'ProgrammeListPage');
const ProgrammeDetailPage = page(() => import('./pages/ProgrammeDetailPage.tsx'), 'ProgrammeDetailPage');
const ApplicationListPage = page(() => import('./pages/ApplicationListPage.tsx'), 'ApplicationListPage');
const ApplicationPage = page(() => import('./pages/ApplicationPage.tsx'), 'ApplicationPage');
const ExpertAssignmentsPage = page(() => import('./pages/ExpertAssignmentsPage.tsx'), 'ExpertAssignmentsPage');
const ScoreSheetPage = page(() => import('./pages/ScoreSheetPage.tsx'), 'ScoreSheetPage');
const NoticeListPage = page(() => import('./pages/NoticeListPage.tsx'), 'NoticeListPage');
const NoticeDetailPage = page(() => import('./pages/NoticeDetailPage.tsx'), 'NoticeDetailPage');
const RecognitionListPage = page(() => import('./pages/RecognitionListPage.tsx'), 'RecognitionListPage');
const RecommendationListPage = page(() => import('./pages/RecommendationListPage.tsx'), 'RecommendationListPage');
const LadderPage = page(() => import('./pages/LadderPage.tsx'), 'LadderPage');
const KpiPage = page(() => import('./pages/KpiPage.tsx'), 'KpiPage');
const MyLadderPage = page(() => import('./pages/MyLadderPage.tsx'), 'MyLadderPage');
const PublicNoticesPage = page(() => import('./pages/PublicNoticesPage.tsx'), 'PublicNoticesPage');
const PublicNoticePage = page(() => import('./pages/PublicNoticePage.tsx'), 'PublicNoticePage');
const PublicRecognisedPage = page(() => import('./pages/PublicRecognisedPage.tsx'), 'PublicRecognisedPage');

export const recognitionRoutes = (
  <>
    <Route path="recognition/programmes" element={guarded('recognition.programme.read', <ProgrammeListPage />)} />
    <Route path="recognition/programmes/:id" element={guarded('recognition.programme.read', <ProgrammeDetailPage />)} />
    <Route path="recognition/applications" element={guarded('recognition.application.read', <ApplicationListPage />)} />
    <Route path="recognition/applications/:id" element={guarded('recognition.application.read', <ApplicationPage />)} />
    <Route path="recognition/expert" element={guarded('recognition.score', <ExpertAssignmentsPage />)} />
    <Route path="recognition/expert/:id" element={guarded('recognition.score', <ScoreSheetPage />)} />
    <Route path="recognition/notices" element={guarded('recognition.notice.manage', <NoticeListPage />)} />
    <Route path="recognition/notices/:id" element={guarded('recognition.notice.manage', <NoticeDetailPage />)} />
    <Route path="recognition/recognitions" element={guarded('recognition.application.read', <RecognitionListPage />)} />
    <Route path="recognition/recommendations" element={guarded('recognition.recommend', <RecommendationListPage />)} />
    <Route path="recognition/ladder" element={guarded('recognition.ladder.read', <LadderPage />)} />
    <Route path="recognition/kpis" element={guarded('recognition.ladder.read', <KpiPage />)} />
    <Route path="recognition/my-ladder" element={guarded('recognition.application.write', <MyLadderPage />)} />
  </>
);

const publicPage = (element: ReactNode) => <Suspense fallback={<PageSkeleton />}>{element}</Suspense>;

export const recognitionPublicRoutes = (
  <>
    <Route path="public/recognition" element={publicPage(<PublicNoticesPage />)} />
    <Route path="public/recognition/notices/:id" element={publicPage(<PublicNoticePage />)} />
    <Route path="public/recognition/recognised" element={publicPage(<PublicRecognisedPage />)} />
  </>
);

export const recognitionMenu: (MenuEntry | MenuGroup)[] = [
  {
    key: 'recognition',
    label: 'menu.recognition',
    icon: <TrophyOutlined />,
    entries: [
      {
        path: '/recognition/programmes',
        label: 'menu.recognitionProgrammes',
        icon: <ProjectOutlined />,
        permission: 'recognition.programme.write',
      },
      {
        path: '/recognition/applications',
        label: 'menu.recognitionApplications',
        icon: <FormOutlined />,
        permission: 'recognition.application.read',
      },
      { path: '/recognition/expert', label: 'menu.recognitionExpert', icon: <AuditOutlined />, permission: 'recognition.score' },
      {
        path: '/recognition/notices',
        label: 'menu.recognitionNotices',
        icon: <NotificationOutlined />,
        permission: 'recognition.notice.manage',
      },
      {
        path: '/recognition/recognitions',
        label: 'menu.recognitionList',
        icon: <SafetyCertificateOutlined />,
        permission: 'recognition.application.read',
      },
      {
        path: '/recognition/recommendations',
        label: 'menu.recognitionRecommendations',
        icon: <RiseOutlined />,
        permission: 'recognition.recommend',
      },
      { path: '/recognition/ladder', label: 'menu.recognitionLadder', icon: <BarChartOutlined />, permission: 'recognition.ladder.read' },
      { path: '/recognition/kpis', label: 'menu.recognitionKpis', icon: <StarOutlined />, permission: 'recognition.ladder.read' },
      {
        path: '/recognition/my-ladder',
        label: 'menu.recognitionMine',
        icon: <FileDoneOutlined />,
        permission: 'recognition.application.write',
      },
    ],
  },
];
