// Runs the search page. It reads the query, filters and sort order from the URL, queries
// Pagefind, and shows the results with their type, period, team and status, and a count per
// filter value.

/** Filters in the order the page shows them, with their headings. */
const FILTERS = [
  ['type', 'Type'],
  ['period', 'Period'],
  ['team', 'Team'],
  ['status', 'Status'],
  ['owner', 'Owner'],
] as const;

type FilterName = (typeof FILTERS)[number][0];
type FilterCounts = Record<string, Record<string, number>>;

interface ResultData {
  url: string;
  excerpt: string;
  meta: Record<string, string | undefined>;
}

interface Pagefind {
  options(options: Record<string, unknown>): Promise<void>;
  init(): Promise<void>;
  filters(): Promise<FilterCounts>;
  search(
    query: string | null,
    options: { filters?: Record<string, { any: string[] }>; sort?: Record<string, 'asc' | 'desc'> },
  ): Promise<{ results: { data(): Promise<ResultData> }[]; filters: FilterCounts }>;
}

const PAGE_SIZE = 20;
const LOAD_TIMEOUT_MS = 10_000;

/** Sort orders offered, as Pagefind sort options; relevance has none. */
const SORTS: Record<string, Record<string, 'asc' | 'desc'> | undefined> = {
  relevance: undefined,
  'date-desc': { date: 'desc' },
  'date-asc': { date: 'asc' },
  'score-desc': { score: 'desc' },
  'score-asc': { score: 'asc' },
};

function element<T extends HTMLElement>(id: string): T {
  return document.getElementById(id) as T;
}

/** Loads Pagefind's script from the site's index, failing after a timeout instead of hanging. */
async function loadPagefind(base: string): Promise<Pagefind> {
  const url = `${base}pagefind/pagefind.js`;
  const timeout = new Promise<never>((_, reject) =>
    setTimeout(() => reject(new Error('timed out')), LOAD_TIMEOUT_MS),
  );
  const pagefind = (await Promise.race([import(/* @vite-ignore */ url), timeout])) as Pagefind;
  await pagefind.options({ baseUrl: base, excerptLength: 24 });
  await pagefind.init();
  // Searches report filter counts only for filters already loaded, so load them all first.
  await pagefind.filters();
  return pagefind;
}

/**
 * Copies a Pagefind excerpt as text, keeping only its `<mark>` highlights.
 * NOTE: Pagefind 1.6 escapes `<` and `>` in excerpts but not `&`, so page text that itself
 * contains a character reference, such as `&lt;`, shows here decoded, as `<`.
 */
function renderExcerpt(html: string): DocumentFragment {
  const fragment = document.createDocumentFragment();
  const parsed = new DOMParser().parseFromString(`<p>${html}</p>`, 'text/html').body.firstChild;
  for (const node of parsed?.childNodes ?? []) {
    if (node.nodeName === 'MARK') {
      const mark = document.createElement('mark');
      mark.textContent = node.textContent;
      fragment.append(mark);
    } else {
      fragment.append(node.textContent ?? '');
    }
  }
  return fragment;
}

function renderResult(data: ResultData): HTMLLIElement {
  const item = document.createElement('li');
  item.className = 'search-result';
  const heading = document.createElement('h2');
  const link = document.createElement('a');
  link.href = data.url;
  link.textContent = data.meta.title ?? data.url;
  heading.append(link);

  const facts = document.createElement('p');
  facts.className = 'search-facts';
  facts.textContent = [data.meta.type, data.meta.period, data.meta.team, data.meta.status]
    .filter(Boolean)
    .join(' · ');
  const excerpt = document.createElement('p');
  excerpt.append(renderExcerpt(data.excerpt));
  item.append(heading, facts, excerpt);
  return item;
}

function renderFilters(
  container: HTMLElement,
  counts: FilterCounts,
  selected: Record<FilterName, string[]>,
  onChange: () => void,
) {
  container.replaceChildren();
  for (const [name, heading] of FILTERS) {
    // Values with no match are left out, unless the reader has picked them.
    const values = Object.entries(counts[name] ?? {})
      .filter(([value, count]) => count > 0 || selected[name].includes(value))
      .sort(([a], [b]) => a.localeCompare(b));
    if (values.length === 0) continue;
    const fieldset = document.createElement('fieldset');
    fieldset.dataset.filter = name;
    const legend = document.createElement('legend');
    legend.textContent = heading;
    fieldset.append(legend);
    for (const [value, count] of values) {
      const label = document.createElement('label');
      const box = document.createElement('input');
      box.type = 'checkbox';
      box.name = name;
      box.value = value;
      box.checked = selected[name].includes(value);
      box.addEventListener('change', onChange);
      const text = document.createElement('span');
      // NOTE: Pagefind 1.6 decodes character references in filter values a second time, so a
      // name that contains the text `&lt;` is listed with `<`.
      text.textContent = value;
      const number = document.createElement('span');
      number.className = 'filter-count';
      number.textContent = `(${count})`;
      label.append(box, ' ', text, ' ', number);
      fieldset.append(label);
    }
    container.append(fieldset);
  }
}

/** Starts the search page. */
export async function startSearch(baseUrl: string) {
  const base = baseUrl.endsWith('/') ? baseUrl : `${baseUrl}/`;
  const form = element<HTMLFormElement>('search-form');
  const input = element<HTMLInputElement>('search-query');
  const sort = element<HTMLSelectElement>('search-sort');
  const status = element<HTMLElement>('search-status');
  const filtersBox = element<HTMLElement>('search-filters');
  const list = element<HTMLOListElement>('search-results');
  const more = element<HTMLButtonElement>('search-more');

  const params = new URLSearchParams(location.search);
  input.value = params.get('q') ?? '';
  sort.value =
    params.get('sort') && params.get('sort')! in SORTS ? params.get('sort')! : 'relevance';
  const selected = Object.fromEntries(
    FILTERS.map(([name]) => [name, params.getAll(name)]),
  ) as Record<FilterName, string[]>;

  status.dataset.state = 'starting';
  let pagefind: Pagefind;
  try {
    pagefind = await loadPagefind(base);
  } catch {
    status.textContent =
      'Search needs a built site: run npm run build, then npm run preview, and open this page there.';
    status.dataset.state = 'unavailable';
    return;
  }

  let run = 0;
  let pending: { data(): Promise<ResultData> }[] = [];

  const showMore = async () => {
    const batch = pending.slice(0, PAGE_SIZE);
    pending = pending.slice(PAGE_SIZE);
    const data = await Promise.all(batch.map((result) => result.data()));
    list.append(...data.map(renderResult));
    more.hidden = pending.length === 0;
  };

  const update = async () => {
    const current = ++run;
    // Before the first render, the selection comes from the URL; after it, from the boxes.
    if (filtersBox.childElementCount > 0) {
      for (const [name] of FILTERS) {
        selected[name] = [
          ...filtersBox.querySelectorAll<HTMLInputElement>(`input[name="${name}"]:checked`),
        ].map((box) => box.value);
      }
    }
    const query = input.value.trim();
    const filters = Object.fromEntries(
      FILTERS.filter(([name]) => selected[name].length > 0).map(([name]) => [
        name,
        { any: selected[name] },
      ]),
    );
    const hasFilters = Object.keys(filters).length > 0;

    const url = new URL(location.href);
    url.search = '';
    if (query) url.searchParams.set('q', query);
    if (sort.value !== 'relevance') url.searchParams.set('sort', sort.value);
    for (const [name] of FILTERS)
      for (const value of selected[name]) url.searchParams.append(name, value);
    history.replaceState(null, '', url);

    if (!query && !hasFilters) {
      renderFilters(filtersBox, await pagefind.filters(), selected, () => void update());
      list.replaceChildren();
      more.hidden = true;
      status.textContent = 'Type a word, or pick a filter, to search every period.';
      status.dataset.state = 'idle';
      return;
    }

    // Pagefind returns no filter counts when given an empty filter object.
    const options: Parameters<Pagefind['search']>[1] = hasFilters ? { filters } : {};
    const order = SORTS[sort.value];
    if (order) options.sort = order;
    const search = await pagefind.search(query || null, options);
    if (current !== run) return;

    renderFilters(filtersBox, search.filters, selected, () => void update());
    list.replaceChildren();
    pending = search.results;
    const total = search.results.length;
    await showMore();
    if (current !== run) return;
    const subject = query ? ` for “${query}”` : '';
    status.textContent = `${total} result${total === 1 ? '' : 's'}${subject}`;
    status.dataset.state = 'done';
  };

  let timer: ReturnType<typeof setTimeout> | undefined;
  input.addEventListener('input', () => {
    clearTimeout(timer);
    timer = setTimeout(() => void update(), 120);
  });
  sort.addEventListener('change', () => void update());
  more.addEventListener('click', () => void showMore());
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    void update();
  });
  await update();
}
