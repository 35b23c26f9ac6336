/**
 * The audit administrator's view of the audit log: filter, read (dense, newest first), export the
 * selection as CSV, and verify that no record was altered since it was sealed.
 */
import { useState } from 'react';
import { DownloadOutlined, LockOutlined, SafetyOutlined, SearchOutlined } from '@ant-design/icons';
import { Alert, AutoComplete, Button, DatePicker, Flex, Form, InputNumber, Select, Table, Tag, Tooltip, Typography } from 'antd';
import { UserRoles, type AuditEntry, type AuditVerifyResult as VerifyResult } from '@wangge/contracts';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '@/shared/api/error-message.ts';
import { useExportAudit } from '../api/export-audit.ts';
import { useAudit, type AuditFilter, type AuditResult } from '../api/get-audit.ts';
import { useVerifyAudit } from '../api/verify-audit.ts';
import { ACTION_GROUPS } from '../utils/action-groups.ts';
import { AuditVerifyResult } from './AuditVerifyResult.tsx';

const PAGE_SIZE = 50;
const RESULTS: readonly AuditResult[] = ['ok', 'denied', 'failed'];
const resultColor: Record<AuditResult, string> = { ok: 'green', denied: 'orange', failed: 'red' };
const isRole = (role: string): role is (typeof UserRoles)[number] => (UserRoles as readonly string[]).includes(role);

interface FilterValues {
  range?: [Dayjs | null, Dayjs | null] | null;
  action?: string;
  result?: AuditResult;
  userId?: number | null;
}

function toFilter(values: FilterValues): AuditFilter {
  const [from, to] = values.range ?? [null, null];
  return {
    from: from?.toISOString(),
    to: to?.toISOString(),
    action: values.action?.trim() || undefined,
    result: values.result,
    userId: values.userId ?? undefined,
  };
}

export function AuditLog() {
  const { t } = useTranslation();
  const [form] = Form.useForm<FilterValues>();
  const [filter, setFilter] = useState<AuditFilter>({});
  const [page, setPage] = useState(1);
  const [verified, setVerified] = useState<VerifyResult | null>(null);
  const audit = useAudit(filter, { limit: PAGE_SIZE, offset: (page - 1) * PAGE_SIZE });
  const exporter = useExportAudit();
  const verify = useVerifyAudit();

  const apply = (values: FilterValues) => {
    const next = toFilter(values);
    // The same filter again means "show me what is new".
    if (JSON.stringify(next) === JSON.stringify(filter) && page === 1) void audit.refetch();
    setFilter(next);
    setPage(1);
  };

  return (
    <Flex vertical gap="small">
      <Form<FilterValues>
        form={form}
        layout="inline"
        onFinish={apply}
        aria-label={t('audit.filters.search')}
        style={{ rowGap: 8 }}
      >
        <Form.Item name="range" label={t('audit.filters.range')}>
          <DatePicker.RangePicker showTime={{ format: 'HH:mm' }} format="YYYY-MM-DD HH:mm" allowEmpty={[true, true]} />
        </Form.Item>
        <Form.Item name="action" label={t('audit.filters.action')}>
          <AutoComplete
            style={{ width: 220 }}
            placeholder={t('audit.filters.actionPlaceholder')}
            options={ACTION_GROUPS.map(([prefix, group]) => ({
              value: prefix,
              label: (
                <Flex justify="space-between" gap={8}>
                  <span style={{ fontFamily: 'monospace' }}>{prefix}</span>
                  <Typography.Text type="secondary">{t(`audit.actionGroups.${group}`)}</Typography.Text>
                </Flex>
              ),
            }))}
            aria-label={t('audit.filters.action')}
          />
        </Form.Item>
        <Form.Item name="result" label={t('audit.filters.result')}>
          <Select
            allowClear
            style={{ width: 120 }}
            placeholder={t('audit.filters.allResults')}
            options={RESULTS.map((r) => ({ value: r, label: t(`audit.results.${r}`) }))}
            aria-label={t('audit.filters.result')}
          />
        </Form.Item>
        <Form.Item name="userId" label={t('audit.filters.userId')}>
          <InputNumber min={1} precision={0} style={{ width: 110 }} />
        </Form.Item>
      </Form>
      <Flex gap="small" align="center" wrap>
        <Button type="primary" icon={<SearchOutlined />} onClick={() => form.submit()} autoInsertSpace={false}>
          {t('audit.filters.search')}
        </Button>
        <Button
          onClick={() => {
            form.resetFields();
            apply({});
          }}
        >
          {t('audit.filters.reset')}
        </Button>
        <div style={{ flex: 1 }} />
        <Tooltip title={t('audit.exportHint')}>
          <Button icon={<DownloadOutlined />} loading={exporter.isPending} onClick={() => exporter.mutate(filter)}>
            {t('audit.export')}
          </Button>
        </Tooltip>
        <Button
          icon={<SafetyOutlined />}
          loading={verify.isPending}
          onClick={() => verify.mutate(undefined, { onSuccess: setVerified })}
        >
          {t('audit.verify.button')}
        </Button>
      </Flex>
      {verified && <AuditVerifyResult result={verified} onClose={() => setVerified(null)} />}
      {audit.isError && <Alert type="error" showIcon title={errorMessage(audit.error)} />}
      <Table<AuditEntry>
        size="small"
        rowKey="id"
        data-testid="audit-table"
        loading={audit.isFetching}
        dataSource={audit.data?.items ?? []}
        scroll={{ x: 1300 }}
        pagination={{
          current: page,
          pageSize: PAGE_SIZE,
          total: audit.data?.total ?? 0,
          onChange: setPage,
          showSizeChanger: false,
          showTotal: (n) => t('common.total', { n }),
        }}
        columns={[
          {
            key: 'at',
            title: t('audit.columns.at'),
            width: 150,
            render: (_, e) => dayjs(e.at).format('YYYY-MM-DD HH:mm:ss'),
          },
          {
            key: 'user',
            title: t('audit.columns.user'),
            width: 130,
            render: (_, e) =>
              e.userId === null ? (
                <Typography.Text type="secondary">
                  {e.username ?? ''} {t('audit.anonymous')}
                </Typography.Text>
              ) : (
                <span>
                  {e.username}{' '}
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    #{e.userId}
                  </Typography.Text>
                </span>
              ),
          },
          {
            key: 'role',
            title: t('audit.columns.role'),
            width: 110,
            render: (_, e) => (e.role ? (isRole(e.role) ? t(`auth.roles.${e.role}`) : e.role) : ''),
          },
          {
            key: 'action',
            title: t('audit.columns.action'),
            width: 170,
            render: (_, e) => <span style={{ fontFamily: 'monospace', fontSize: 12 }}>{e.action}</span>,
          },
          {
            key: 'object',
            title: t('audit.columns.object'),
            width: 120,
            render: (_, e) => (e.objectType ? `${e.objectType} ${e.objectId ?? ''}` : ''),
          },
          { key: 'unit', title: t('audit.columns.unit'), width: 80, render: (_, e) => e.unitId ?? '' },
          {
            key: 'result',
            title: t('audit.columns.result'),
            width: 70,
            render: (_, e) => <Tag color={resultColor[e.result]}>{t(`audit.results.${e.result}`)}</Tag>,
          },
          { key: 'ip', title: t('audit.columns.ip'), width: 120, render: (_, e) => e.ip ?? '' },
          {
            key: 'detail',
            title: t('audit.columns.detail'),
            ellipsis: { showTitle: false },
            render: (_, e) =>
              e.detail ? (
                <Tooltip title={<pre style={{ margin: 0, whiteSpace: 'pre-wrap' }}>{JSON.stringify(e.detail, null, 2)}</pre>}>
                  <span style={{ fontFamily: 'monospace', fontSize: 12 }}>{JSON.stringify(e.detail)}</span>
                </Tooltip>
              ) : (
                ''
              ),
          },
          {
            key: 'requestId',
            title: t('audit.columns.requestId'),
            width: 110,
            ellipsis: true,
            render: (_, e) => <span style={{ fontFamily: 'monospace', fontSize: 12 }}>{e.requestId ?? ''}</span>,
          },
          {
            key: 'sealed',
            title: t('audit.columns.sealed'),
            width: 60,
            align: 'center',
            render: (_, e) =>
              e.sealed ? (
                <Tooltip title={t('audit.sealed')}>
                  <LockOutlined style={{ color: '#389e0d' }} aria-label={t('audit.sealed')} />
                </Tooltip>
              ) : (
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {t('audit.unsealed')}
                </Typography.Text>
              ),
          },
        ]}
      />
    </Flex>
  );
}
