import { readFileSync } from 'node:fs';
import path from 'node:path';
import { load, type CheerioAPI } from 'cheerio';

/** Loads a built page, given its URL path, such as `/2026-q4/`. */
export function readPage(outDir: string, urlPath: string): CheerioAPI {
  const file = path.join(
    outDir,
    urlPath.replace(/^\//, ''),
    urlPath.endsWith('.html') ? '' : 'index.html',
  );
  return load(readFileSync(file, 'utf8'));
}

/** Collapses the white space of an element's text, so that tests can compare it. */
export function text($: CheerioAPI, selector: string): string {
  return $(selector).first().text().replace(/\s+/g, ' ').trim();
}
