import type { APIRoute, GetStaticPaths } from 'astro';
import { getPortal } from '../../../data/portal.ts';
import { checkInFeed } from '../../../lib/feeds.ts';

export const getStaticPaths = (async () => {
  const portal = await getPortal();
  return portal.model.teams.map((team) => ({ params: { team: team.id } }));
}) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ params, site }) => {
  const portal = await getPortal();
  const team = portal.teamById.get(params.team!)!;
  const objectives = new Set((portal.objectivesByTeam.get(team.id) ?? []).map((item) => item.id));
  const body = checkInFeed(
    portal,
    portal.model.checkIns.filter((checkIn) => objectives.has(checkIn.objective)),
    {
      title: `${team.name} OKR check-ins`,
      path: `/feeds/teams/${team.id}.atom`,
      location: { site, base: import.meta.env.BASE_URL },
    },
  );
  return new Response(body, { headers: { 'Content-Type': 'application/atom+xml; charset=utf-8' } });
};
