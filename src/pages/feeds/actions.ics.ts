import type { APIRoute } from 'astro';
import { getPortal } from '../../data/portal.ts';
import { actionCalendar } from '../../lib/feeds.ts';

export const GET: APIRoute = async ({ site }) => {
  const portal = await getPortal();
  const body = actionCalendar(portal, portal.model.actions, {
    site,
    base: import.meta.env.BASE_URL,
  });
  return new Response(body, { headers: { 'Content-Type': 'text/calendar; charset=utf-8' } });
};
