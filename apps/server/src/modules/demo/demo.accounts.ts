/**
 * One demo account per role, at a sensible unit of the demo county, with random passwords that the
 * seed prints once. They do not have to change the password at first sign-in (demo only); the
 * administrators and officials still enrol a second factor at first sign-in, as the rules require.
 */
import type { UserRoleName } from '@wangge/contracts';
import type { Db } from '../../db/client.ts';
import { generatePassword, hashPassword } from '../auth/passwords.ts';

export interface DemoAccount {
  username: string;
  password: string;
  role: UserRoleName;
  unit: string;
}

export async function seedDemoAccounts(
  db: Db,
  now: Date,
  units: {
    county: { id: number; name: string };
    township: { id: number; name: string };
    village: { id: number; name: string };
    grid: { id: number; name: string };
  },
  departmentId: number | null,
): Promise<DemoAccount[]> {
  const plan: [string, string, UserRoleName, keyof typeof units][] = [
    ['dispatcher', '指挥中心坐席员', 'countyDispatcher', 'county'],
    ['leader', '县领导', 'countyLeader', 'county'],
    ['township', '乡镇干部', 'townshipOfficial', 'township'],
    ['village', '村干部', 'villageOfficial', 'village'],
    ['gridleader', '网格长', 'gridLeader', 'grid'],
    ['gridworker', '网格员', 'gridWorker', 'grid'],
    ['handler', '部门经办人', 'departmentHandler', 'county'],
    ['sysadmin', '系统管理员', 'systemAdmin', 'county'],
    ['secadmin', '安全管理员', 'securityAdmin', 'county'],
    ['auditadmin', '审计管理员', 'auditAdmin', 'county'],
  ];
  const accounts: DemoAccount[] = [];
  for (const [username, displayName, role, at] of plan) {
    const taken = await db.db.selectFrom('user_account').select('id').where('username', '=', username).executeTakeFirst();
    if (taken) continue;
    const password = generatePassword();
    const unit = units[at];
    const user = await db.db
      .insertInto('user_account')
      .values({
        username,
        display_name: displayName,
        unit_id: unit.id,
        password_hash: await hashPassword(password),
        must_change_password: false,
        created_at: now,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await db.db
      .insertInto('role_grant')
      .values({
        user_id: user.id,
        role,
        unit_id: unit.id,
        department_id: role === 'departmentHandler' ? departmentId : null,
        granted_by: null,
        granted_at: now,
      })
      .execute();
    accounts.push({ username, password, role, unit: unit.name });
  }
  return accounts;
}
