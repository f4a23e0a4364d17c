import type { APIRoute, GetStaticPaths } from 'astro';
import { getEntry } from 'astro:content';
import { getPortal } from '../../data/portal.ts';
import { buildRetrospective, closedPeriods } from '../../lib/retrospective.ts';
import { retrospectiveMarkdown } from '../../lib/retrospective-markdown.ts';

export const getStaticPaths = (async () => {
  const portal = await getPortal();
  return closedPeriods(portal).map((period) => ({ params: { period: period.id } }));
}) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ params, site }) => {
  const portal = await getPortal();
  const periodId = params.period!;
  const entry = await getEntry('periods', periodId);
  const body = retrospectiveMarkdown(portal, buildRetrospective(portal, periodId), entry?.body, {
    site,
    base: import.meta.env.BASE_URL,
  });
  return new Response(body, { headers: { 'Content-Type': 'text/markdown; charset=utf-8' } });
};
