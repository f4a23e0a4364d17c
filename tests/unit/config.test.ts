import { describe, expect, test } from 'vitest';
import { configSchema } from '../../src/schemas/index.ts';

const withRepository = (url: string) => configSchema.safeParse({ repository: { url } });

describe('repository URL in config.yaml', () => {
  test.each([
    'javascript:alert(1)//github.com/ledgerly/okrs',
    'JavaScript:alert(1)',
    'data:text/html,<script>alert(1)</script>',
    'vbscript:msgbox(1)',
    'file:///etc/passwd',
  ])('rejects %s', (url) => {
    const result = withRepository(url);
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.message).toBe(
      'must be an http or https URL such as https://github.com/ledgerly/okrs',
    );
  });

  test.each(['https://github.com/ledgerly/okrs', 'http://git.example.com/okrs'])(
    'accepts %s',
    (url) => {
      expect(withRepository(url).success).toBe(true);
    },
  );
});

describe('thresholds in config.yaml', () => {
  test.each([
    [{ status: { onTrackMargin: 0.3, atRiskMargin: 0.2 } }, 'status.onTrackMargin'],
    [{ grades: { yellow: 0.8, green: 0.7 } }, 'grades.yellow'],
    [{ grades: { sweetSpotMin: 0.75 } }, 'grades.sweetSpotMin'],
    [{ grades: { overreach: 0.95 } }, 'grades.overreach'],
  ])('rejects %j', (input, field) => {
    const result = configSchema.safeParse(input);
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((issue) => issue.path.join('.'))).toEqual([field]);
  });

  test('accepts equal limits', () => {
    const result = configSchema.safeParse({ grades: { sweetSpotMin: 0.7, sweetSpotMax: 0.7 } });
    expect(result.success).toBe(true);
  });
});
