/**
 * Step 2 of the wizard: the unit and mode, then the file, sent to the kind's imports. The upload goes through the shared API
 * client (session cookie, CSRF token); the server's reason for refusing the file is shown here.
 */
import type { ReactNode } from 'react';
import { useState } from 'react';
import { InboxOutlined } from '@ant-design/icons';
import { Alert, Flex, Form, Radio, Typography, Upload } from 'antd';
import { ImportFileProblems, type ImportFileProblem, type ImportJob, type ImportKindName } from '@wangge/contracts';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { isApiError } from '@/shared/api/api-error.ts';
import { errorMessage } from '@/shared/api/error-message.ts';
import { useUploadImport, type ImportMode } from '../api/upload-import.ts';

const ACCEPT = '.csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

const isFileProblem = (p: string | undefined): p is ImportFileProblem =>
  (ImportFileProblems as readonly string[]).includes(p ?? '');

/**
 * Why the file was refused, in the user's language: the server names the problem on `/body/file`.
 * A wrong header row keeps the server's words, which list the file's own (Chinese) column names.
 */
function refusal(error: unknown, t: TFunction): string {
  if (isApiError(error) && error.status >= 400 && error.status < 500) {
    const problem = error.fieldErrors.find((e) => e.path === '/body/file')?.message;
    if (problem === 'headers' && error.detail) return error.detail;
    if (isFileProblem(problem)) return t(`imports.refused.${problem}`);
    // The server's detail carries its limit.
    if (error.status === 413) return `${t('imports.refused.tooLarge')}（${error.detail ?? ''}）`;
    if (error.detail) return error.detail;
  }
  return errorMessage(error);
}

/** What each mode does with a row already registered, per kind. */
const hints = {
  people: { insert: 'imports.upload.insertHint', upsert: 'imports.upload.upsertHint' },
  houses: { insert: 'imports.houses.insertHint', upsert: 'imports.houses.upsertHint' },
} as const satisfies Record<ImportKindName, Record<ImportMode, string>>;

export interface ImportUploadProps {
  kind: ImportKindName;
  unitId: number | undefined;
  /** The unit picker, bound to `unitId` by the page. */
  unitPicker: ReactNode;
  onStarted: (job: ImportJob) => void;
}

export function ImportUpload({ kind, unitId, unitPicker, onStarted }: ImportUploadProps) {
  const { t } = useTranslation();
  const [mode, setMode] = useState<ImportMode>('insert');
  const upload = useUploadImport();
  const error = upload.error;

  return (
    <Flex vertical gap={12}>
      <Form layout="horizontal" labelCol={{ flex: '96px' }} style={{ maxWidth: 720 }}>
        <Form.Item label={t('imports.upload.unit')} required style={{ marginBottom: 8 }}>
          {unitPicker}
        </Form.Item>
        <Form.Item label={t('imports.upload.mode')} style={{ marginBottom: 0 }} extra={t(hints[kind][mode])}>
          <Radio.Group
            value={mode}
            onChange={(e) => setMode(e.target.value as ImportMode)}
            options={[
              { value: 'insert', label: t('imports.upload.insert') },
              { value: 'upsert', label: t('imports.upload.upsert') },
            ]}
          />
        </Form.Item>
      </Form>
      <div data-testid="import-upload" style={{ maxWidth: 720 }}>
        <Upload.Dragger
          accept={ACCEPT}
          multiple={false}
          maxCount={1}
          showUploadList={false}
          disabled={unitId === undefined || upload.isPending}
          customRequest={({ file, onSuccess, onError }) => {
            if (unitId === undefined) return;
            upload.mutate(
              { kind, file: file as File, unitId, mode },
              {
                onSuccess: (job) => {
                  onSuccess?.(job);
                  onStarted(job);
                },
                onError: (e) => onError?.(e),
              },
            );
          }}
        >
          <p className="ant-upload-drag-icon">
            <InboxOutlined />
          </p>
          <p className="ant-upload-text">
            {upload.isPending
              ? t('imports.upload.uploading', { name: upload.variables.file.name })
              : unitId === undefined
                ? t('imports.upload.unitRequired')
                : t('imports.upload.drop')}
          </p>
          <p className="ant-upload-hint">{t('imports.upload.formats')}</p>
        </Upload.Dragger>
      </div>
      {error && (
        <Alert
          type="error"
          showIcon
          data-testid="import-error"
          style={{ maxWidth: 720 }}
          title={isApiError(error) && error.status === 413 ? t('imports.upload.tooLarge') : t('imports.upload.failed')}
          description={
            <>
              <Typography.Text>{refusal(error, t)}</Typography.Text>
              {upload.variables && (
                <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }}>
                  {upload.variables.file.name}
                </Typography.Text>
              )}
            </>
          }
        />
      )}
    </Flex>
  );
}
