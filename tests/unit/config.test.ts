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
