/**
 * Everything a screen needs around it: antd theme and locale (following the i18n language),
 * antd's App context for message/notification, and TanStack Query with central error reporting.
 */
import { useRef, useState, type ReactNode } from 'react';
import { App as AntApp, ConfigProvider, type ThemeConfig } from 'antd';
import enUS from 'antd/locale/en_US';
import zhCN from 'antd/locale/zh_CN';
import { QueryClientProvider } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { AuthProvider } from '@/features/auth/components/AuthProvider.tsx';
import { errorMessage } from '@/shared/api/error-message.ts';
import { createQueryClient } from '@/shared/api/query-client.ts';

// Government blue; otherwise antd's default theme, tightened slightly for dense office screens.
const theme: ThemeConfig = {
  token: { colorPrimary: '#1f5fa8', borderRadius: 4 },
  components: {
    Layout: { headerBg: '#ffffff', headerHeight: 48, headerPadding: '0 16px', footerPadding: '8px 16px' },
    Menu: { itemHeight: 38, itemMarginBlock: 2 },
  },
};

function QueryLayer({ children }: { children: ReactNode }) {
  const { message } = AntApp.useApp();
  // The client is created once; the ref lets it always reach the current message API.
  const messageRef = useRef(message);
  messageRef.current = message;
  const [queryClient] = useState(() =>
    createQueryClient({ onMutationError: (error) => void messageRef.current.error(errorMessage(error)) }),
  );
  return (
    <QueryClientProvider client={queryClient}>
      <AuthProvider>{children}</AuthProvider>
    </QueryClientProvider>
  );
}

export function AppProviders({ children }: { children: ReactNode }) {
  const { i18n } = useTranslation();
  return (
    <ConfigProvider locale={i18n.language === 'en' ? enUS : zhCN} theme={theme}>
      <AntApp>
        <QueryLayer>{children}</QueryLayer>
      </AntApp>
    </ConfigProvider>
  );
}
