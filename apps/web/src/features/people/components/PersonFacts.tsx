/** A person's basic facts, with the masked ID number and phone revealable. */
import { Descriptions } from 'antd';
import type { Person } from '@wangge/contracts';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { UnitKindTag } from '@/shared/ui/UnitKindTag.tsx';
import { UnitLink } from '@/shared/ui/UnitLink.tsx';
import { PersonFlagTags } from './PersonFlagTags.tsx';
import { RevealableValue } from './RevealableValue.tsx';

export function PersonFacts({ person, canReveal }: { person: Person; canReveal: boolean }) {
  const { t } = useTranslation();
  const none = t('people.profile.none');

  return (
    <Descriptions
      size="small"
      bordered
      column={{ xs: 1, md: 2, xl: 3 }}
      data-testid="person-facts"
      items={[
        { key: 'name', label: t('people.fields.name'), children: person.name },
        { key: 'sex', label: t('people.fields.sex'), children: t(`people.sex.${person.sex}`) },
        { key: 'birthDate', label: t('people.fields.birthDate'), children: person.birthDate },
        { key: 'age', label: t('people.fields.age'), children: person.age },
        {
          key: 'idNumber',
          // 公民身份号码 for a resident ID; the document's own name (护照…) for the others.
          label: person.idType === 'residentId' ? t('people.fields.idNumber') : t(`people.idType.${person.idType}`),
          children: <RevealableValue personId={person.id} field="idNumber" masked={person.idNumber} canReveal={canReveal} />,
        },
        {
          key: 'phone',
          label: t('people.fields.phone'),
          children:
            person.phone === null ? (
              none
            ) : (
              <RevealableValue personId={person.id} field="phone" masked={person.phone} canReveal={canReveal} />
            ),
        },
        { key: 'ethnicity', label: t('people.fields.ethnicity'), children: person.ethnicity ?? none },
        {
          key: 'residenceType',
          label: t('people.fields.residenceType'),
          children: t(`people.residenceType.${person.residenceType}`),
        },
        { key: 'education', label: t('people.fields.education'), children: person.education ?? none },
        { key: 'occupation', label: t('people.fields.occupation'), children: person.occupation ?? none },
        { key: 'relationToHead', label: t('people.fields.relationToHead'), children: person.relationToHead ?? none },
        {
          key: 'flags',
          label: t('people.fields.flags'),
          children: person.flags.length > 0 ? <PersonFlagTags flags={person.flags} /> : none,
        },
        {
          key: 'unit',
          label: t('people.fields.unit'),
          children: (
            <>
              <UnitLink id={person.unit.id}>{person.unit.name}</UnitLink> <UnitKindTag kind={person.unit.kind} />
            </>
          ),
        },
        { key: 'address', label: t('people.fields.address'), span: 2, children: person.address ?? none },
        { key: 'updatedAt', label: t('people.fields.updatedAt'), children: dayjs(person.updatedAt).format('YYYY-MM-DD HH:mm') },
      ]}
    />
  );
}
