import { z } from 'astro/zod';

const fraction = z.number().min(0).max(1);

/** Settings read from `config.yaml` at the top of the content folder; every field has a default. */
export const configSchema = z
  .strictObject({
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
        /** A closed period's average above this suggests goals set too low (sandbagging). */
        sandbagging: fraction.default(0.9),
        /** A closed period's average below this suggests goals set too high (overreach). */
        overreach: fraction.default(0.4),
      })
      .prefault({}),
    /** Limits of the content checks; content outside them gets a warning, not an error. */
    checks: z
      .strictObject({
        /** Minimum number of objectives a team should have in a period it has objectives in. */
        minObjectivesPerTeam: z.number().int().min(0).default(1),
        /** Maximum number of objectives a team should have in a period. */
        maxObjectivesPerTeam: z.number().int().min(1).default(3),
        /** Minimum number of key results of an objective that has key results. */
        minKeyResults: z.number().int().min(0).default(2),
        /** Maximum number of key results an objective should have. */
        maxKeyResults: z.number().int().min(1).default(5),
        /** Days without a check-in after which an open key result is stale. */
        checkInCadenceDays: z.number().int().min(1).default(14),
      })
      .prefault({}),
    /** Folders allowed to hold MDX files. MDX runs as code at build time, so its changes need a code review. */
    mdx: z
      .strictObject({
        /**
         * Folders, relative to the content folder, where .mdx files are allowed. A `*` stands for
         * one folder name, so the sample's entry allows MDX in every period's company folder.
         * Absent: allowed everywhere.
         */
        allowedFolders: z.array(z.string().trim().min(1)).optional(),
      })
      .prefault({}),
    /** GitHub repository of the content. When set, pages link to their source files. */
    repository: z
      .strictObject({
        /**
         * Repository URL, such as https://github.com/ledgerly/okrs. Only http and https are
         * accepted, because pages link to it and a javascript: URL would run when clicked.
         */
        url: z.url({
          protocol: /^https?$/,
          error: 'must be an http or https URL such as https://github.com/ledgerly/okrs',
        }),
        /** Branch that the portal is published from. Default main. */
        branch: z.string().trim().min(1).default('main'),
        /** Path of the content folder inside the repository. Default content. */
        contentPath: z.string().trim().min(1).default('content'),
      })
      .optional(),
  })
  .superRefine((config, context) => {
    // Each pair is [lower, higher]: a lower limit above its higher one would leave a band empty.
    const pairs = [
      ['status', 'onTrackMargin', 'atRiskMargin'],
      ['grades', 'yellow', 'green'],
      ['grades', 'sweetSpotMin', 'sweetSpotMax'],
      ['grades', 'overreach', 'sandbagging'],
    ] as const;
    for (const [group, lower, higher] of pairs) {
      const values = config[group] as Record<string, number>;
      if (values[lower]! <= values[higher]!) continue;
      context.addIssue({
        code: 'custom',
        path: [group, lower],
        message: `is ${values[lower]}, above ${group}.${higher} (${values[higher]}); make it at most ${values[higher]}`,
        input: values[lower],
      });
    }
  });

export type PortalConfigInput = z.input<typeof configSchema>;
export type PortalConfig = z.output<typeof configSchema>;
