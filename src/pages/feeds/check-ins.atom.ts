import type { APIRoute } from 'astro';
import { getPortal } from '../../data/portal.ts';
import { checkInFeed } from '../../lib/feeds.ts';

export const GET: APIRoute = async ({ site }) => {
  const portal = await getPortal();
  const body = checkInFeed(portal, portal.model.checkIns, {
    title: `${portal.config.company} OKR check-ins`,
    path: '/feeds/check-ins.atom',
    location: { site, base: import.meta.env.BASE_URL },
  });
  return new Response(body, { headers: { 'Content-Type': 'application/atom+xml; charset=utf-8' } });
};
