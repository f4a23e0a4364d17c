import type { APIRoute } from 'astro';
import { getPortal } from '../../data/portal.ts';
import { exportPeriodList } from '../../lib/exports.ts';

export const GET: APIRoute = async ({ site }) => {
  const portal = await getPortal();
  const list = exportPeriodList(portal, { site, base: import.meta.env.BASE_URL });
  return new Response(`${JSON.stringify(list, null, 2)}\n`, {
    headers: { 'Content-Type': 'application/json; charset=utf-8' },
  });
};
