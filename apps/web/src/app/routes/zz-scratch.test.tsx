import { screen, within } from '@testing-library/react';
import { it } from 'vitest';
import { assignment, me, page, staff, unit } from '@/test/factories.ts';
import { stubUnitTree } from '@/test/fake-units.ts';
import { json } from '@/test/fetch.ts';
import { renderApp } from '@/test/render.tsx';

const county = unit({ id: 1, kind: 'county', name: '安远县', childCount: 1 });
const grid = unit({ id: 7, kind: 'grid', name: '东街一网格', parentId: 1 });
const worker = assignment(staff({ name: '王丽' }), grid, { role: 'gridWorker' });

it('scratch', async () => {
  const t0 = Date.now();
  const log = (m: string) => process.stdout.write(`[${Date.now() - t0}ms] ${m}\n`);
  await import('./units.tsx');
  log('imported');
  const f = stubUnitTree([county, grid], { '/api/v1/roster': () => json(200, page([worker])), ...(process.env.WG_ME ? { '/api/v1/auth/me': () => json(200, me(process.env.WG_ME as 'countyLeader', county)) } : {}) });
  renderApp(process.env.WG_PATH ?? '/units/7?tab=staff');
  log('rendered');
  const roster = await screen.findByTestId('staff-roster');
  log('roster');
  await within(roster).findByText('王丽');
  log('wang');
  screen.queryByRole('button', { name: '任命人员' });
  log('queryByRole button whole screen');
  within(roster).queryByRole('button', { name: /结束/ });
  log('queryByRole in roster');
  screen.queryByText('任命人员', { selector: 'button, button *' });
  log('queryByText');
});
