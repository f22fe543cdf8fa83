import type { ThemeConfig } from 'antd';

// A calm government-portal blue; everything else stays on Ant Design's defaults.
export const theme: ThemeConfig = {
  token: {
    colorPrimary: '#1a5fd6',
    borderRadius: 6,
    fontFamily:
      "-apple-system, BlinkMacSystemFont, 'Segoe UI', 'PingFang SC', 'Hiragino Sans GB', 'Microsoft YaHei', 'Noto Sans CJK SC', 'Helvetica Neue', Arial, sans-serif",
  },
  components: {
    Layout: { siderBg: '#0f1f3d', headerBg: '#ffffff', bodyBg: '#f3f5f9' },
    Menu: { darkItemBg: '#0f1f3d', darkSubMenuItemBg: '#0b1830', darkItemSelectedBg: '#1a5fd6' },
  },
};
