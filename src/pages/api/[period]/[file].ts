import type { APIRoute, GetStaticPaths } from 'astro';
import { getPortal } from '../../../data/portal.ts';
import { checkInsCsv, exportPeriod, keyResultsCsv, objectivesCsv } from '../../../lib/exports.ts';
import { EXPORT_FILES, type ExportFile } from '../../../lib/urls.ts';
import type { PeriodExport } from '../../../schemas/index.ts';

const WRITERS: Record<ExportFile, (data: PeriodExport) => string> = {
  'okrs.json': (data) => `${JSON.stringify(data, null, 2)}\n`,
  'objectives.csv': objectivesCsv,
  'key-results.csv': keyResultsCsv,
  'check-ins.csv': checkInsCsv,
};

export const getStaticPaths = (async () => {
  const portal = await getPortal();
  return portal.periods.flatMap((period) =>
    EXPORT_FILES.map((file) => ({ params: { period: period.id, file } })),
  );
}) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ params, site }) => {
  const portal = await getPortal();
  const file = params.file as ExportFile;
  const data = exportPeriod(portal, params.period!, { site, base: import.meta.env.BASE_URL });
  const type = file.endsWith('.json') ? 'application/json' : 'text/csv';
  return new Response(WRITERS[file](data), {
    headers: { 'Content-Type': `${type}; charset=utf-8` },
  });
};
