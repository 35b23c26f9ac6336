/**
 * Puts a person in a role at a unit: pick someone already on file or add a new person, choose a
 * role that may be held at this kind of unit, and the start date. A refusal (409: the grid
 * already has a grid leader) is explained in the form, with the server's own words.
 */
import { useState } from 'react';
import { Alert, App, AutoComplete, Button, Checkbox, DatePicker, Form, Input, Modal, Segmented, Select, Typography } from 'antd';
import type { Staff, StaffRole, Unit } from '@wangge/contracts';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { isApiError } from '@/shared/api/api-error.ts';
import { applyFormError } from '@/shared/api/form-error.ts';
import { useDebouncedValue } from '@/shared/hooks/use-debounced-value.ts';
import { useCreateAssignment } from '../api/create-assignment.ts';
import { useCreateStaff } from '../api/create-staff.ts';
import { useStaffSearch } from '../api/search-staff.ts';
import { rolesForKind, WELFARE_POSTS } from '../utils/roles.ts';

type Mode = 'existing' | 'new';

interface AssignValues {
  staffId?: number;
  name?: string;
  phone?: string;
  partyMember?: boolean;
  role: StaffRole;
  post?: string;
  startsOn: Dayjs;
}

interface Failure {
  title: string;
  detail?: string | undefined;
}

function staffLabel(s: Pick<Staff, 'name' | 'phone'>) {
  return `${s.name}  ${s.phone}`;
}

export function AssignStaffButton({ unit }: { unit: Unit }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [open, setOpen] = useState(false);
  const [mode, setMode] = useState<Mode>('existing');
  const [staffQuery, setStaffQuery] = useState('');
  // A person added by this form stays pickable if the assignment itself is then refused.
  const [created, setCreated] = useState<Staff | null>(null);
  const [failure, setFailure] = useState<Failure | null>(null);
  const [form] = Form.useForm<AssignValues>();
  const role = Form.useWatch('role', form);
  const search = useStaffSearch(useDebouncedValue(staffQuery.trim()));
  const createStaff = useCreateStaff();
  const createAssignment = useCreateAssignment();

  const roles = rolesForKind(unit.kind);
  if (roles.length === 0 || unit.status === 'retired') {
    return (
      <Typography.Text type="secondary">{t('staff.assign.noRolesHere', { kind: t(`units.kind.${unit.kind}`) })}</Typography.Text>
    );
  }

  const staffOptions = [...(created ? [created] : []), ...(search.data?.items ?? []).filter((s) => s.id !== created?.id)].map(
    (s) => ({
      value: s.id,
      label: staffLabel(s),
    }),
  );

  const close = () => {
    setOpen(false);
    setMode('existing');
    setCreated(null);
    setFailure(null);
    setStaffQuery('');
  };

  const submit = async (values: AssignValues) => {
    setFailure(null);
    try {
      let staffId = values.staffId;
      if (mode === 'new') {
        const staff = await createStaff.mutateAsync({
          // The unit assigning the person registers them; its officials then keep the record.
          unitId: unit.id,
          name: (values.name ?? '').trim(),
          phone: values.phone ?? '',
          ...(values.partyMember ? { partyMember: true } : {}),
        });
        setCreated(staff);
        setMode('existing');
        form.setFieldValue('staffId', staff.id);
        staffId = staff.id;
      }
      if (staffId === undefined) return;
      const assignment = await createAssignment.mutateAsync({
        staffId,
        unitId: unit.id,
        role: values.role,
        ...(values.role === 'welfarePost' && values.post ? { post: values.post.trim() } : {}),
        startsOn: values.startsOn.format('YYYY-MM-DD'),
      });
      void message.success(t('staff.assign.done', { name: assignment.staff.name, role: t(`staff.roles.${assignment.role}`) }));
      close();
    } catch (error) {
      if (isApiError(error) && error.status === 409) {
        setFailure({
          title: values.role === 'gridLeader' ? t('staff.assign.gridLeaderTaken') : t('staff.assign.refused'),
          detail: error.detail,
        });
      } else {
        setFailure({ title: applyFormError(form, error) });
      }
    }
  };

  return (
    <>
      <Button type="primary" onClick={() => setOpen(true)}>
        {t('staff.assign.open')}
      </Button>
      <Modal
        open={open}
        title={t('staff.assign.title', { unit: unit.name })}
        okText={t('staff.assign.submit')}
        cancelText={t('common.cancel')}
        confirmLoading={createStaff.isPending || createAssignment.isPending}
        onOk={() => form.submit()}
        onCancel={close}
        destroyOnHidden
      >
        <Form<AssignValues>
          form={form}
          layout="vertical"
          preserve={false}
          onFinish={(values) => void submit(values)}
          initialValues={{ startsOn: dayjs(), ...(roles.length === 1 ? { role: roles[0] } : {}) }}
          aria-label={t('staff.assign.title', { unit: unit.name })}
        >
          <Segmented<Mode>
            block
            value={mode}
            onChange={setMode}
            options={[
              { value: 'existing', label: t('staff.assign.pickExisting') },
              { value: 'new', label: t('staff.assign.addNew') },
            ]}
            style={{ marginBottom: 16 }}
          />
          {mode === 'existing' ? (
            <Form.Item
              name="staffId"
              label={t('staff.fields.person')}
              rules={[{ required: true, message: t('staff.assign.pickPerson') }]}
            >
              <Select
                showSearch={{ filterOption: false, onSearch: setStaffQuery }}
                placeholder={t('staff.assign.searchPlaceholder')}
                options={staffOptions}
                loading={search.isFetching}
                notFoundContent={staffQuery.trim() ? t('staff.assign.noMatch') : t('staff.assign.typeToSearch')}
                aria-label={t('staff.fields.person')}
              />
            </Form.Item>
          ) : (
            <>
              <Form.Item name="name" label={t('staff.fields.name')} rules={[{ required: true, whitespace: true, max: 100 }]}>
                <Input />
              </Form.Item>
              <Form.Item
                name="phone"
                label={t('staff.fields.phone')}
                rules={[{ required: true }, { pattern: /^1[3-9]\d{9}$/, message: t('staff.fields.phoneInvalid') }]}
              >
                <Input inputMode="tel" maxLength={11} />
              </Form.Item>
              <Form.Item name="partyMember" valuePropName="checked">
                <Checkbox>{t('staff.fields.partyMember')}</Checkbox>
              </Form.Item>
            </>
          )}
          <Form.Item name="role" label={t('staff.fields.role')} rules={[{ required: true }]}>
            <Select
              aria-label={t('staff.fields.role')}
              placeholder={t('staff.assign.pickRole')}
              options={roles.map((r) => ({ value: r, label: t(`staff.roles.${r}`) }))}
            />
          </Form.Item>
          {role === 'welfarePost' && (
            <Form.Item name="post" label={t('staff.fields.post')} rules={[{ required: true, whitespace: true, max: 50 }]}>
              <AutoComplete options={WELFARE_POSTS.map((p) => ({ value: p }))} aria-label={t('staff.fields.post')} />
            </Form.Item>
          )}
          <Form.Item name="startsOn" label={t('staff.fields.startsOn')} rules={[{ required: true }]}>
            <DatePicker allowClear={false} />
          </Form.Item>
          {failure && (
            <Alert type="error" showIcon title={failure.title} description={failure.detail} data-testid="assign-error" />
          )}
        </Form>
      </Modal>
    </>
  );
}
