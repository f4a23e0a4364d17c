import { z } from 'astro/zod';

const fraction = z.number().min(0).max(1);

/** Settings read from `config.yaml` at the top of the content folder; every field has a default. */
export const configSchema = z.strictObject({
  /** Company name shown in the header and titles. */
  company: z.string().trim().min(1).default('Our company'),
  /** Status thresholds for key results in an open period, as fractions of progress. */
  status: z
    .strictObject({
      /** On track while progress ≥ expected − onTrackMargin. */
      onTrackMargin: fraction.default(0.1),
      /** At risk while progress ≥ expected − atRiskMargin; off track below. */
      atRiskMargin: fraction.default(0.25),
      /** A latest confidence at or below this makes an on-track key result at risk. */
      lowConfidence: z.number().int().min(0).max(10).default(3),
    })
    .prefault({}),
  /** Grade bands for closed periods: red < yellow ≤ score < green ≤ score. */
  grades: z
    .strictObject({
      /** Lowest score in the yellow band. */
      yellow: fraction.default(0.4),
      /** Lowest score in the green band. */
      green: fraction.default(0.7),
      /** Lowest period average in the stretch sweet spot. */
      sweetSpotMin: fraction.default(0.6),
      /** Highest period average in the stretch sweet spot. */
      sweetSpotMax: fraction.default(0.7),
    })
    .prefault({}),
});

export type PortalConfig = z.output<typeof configSchema>;
