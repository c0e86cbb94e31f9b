import type { Page } from './api/types';

/**
 * A list read page by page with the API's cursors: items in order, each id once, and
 * whether there is more. The error of the latest page stays for the page to show.
 */
export class Pager<T extends { id: string }> {
  items: T[] = $state([]);
  done = $state(false);
  loading = $state(false);
  error: unknown = $state(null);
  #cursor: string | null = null;
  readonly #fetchPage: (cursor: string | null) => Promise<Page<T>>;

  constructor(fetchPage: (cursor: string | null) => Promise<Page<T>>) {
    this.#fetchPage = fetchPage;
  }

  get started(): boolean {
    return this.items.length > 0 || this.done;
  }

  async more(): Promise<void> {
    if (this.loading || this.done) {
      return;
    }
    this.loading = true;
    this.error = null;
    try {
      const page = await this.#fetchPage(this.#cursor);
      const known = new Set(this.items.map((item) => item.id));
      this.items.push(...page.items.filter((item) => !known.has(item.id)));
      this.#cursor = page.nextCursor ?? null;
      this.done = this.#cursor === null;
    } catch (error) {
      this.error = error;
    } finally {
      this.loading = false;
    }
  }

  replace(item: T): void {
    const index = this.items.findIndex((existing) => existing.id === item.id);
    if (index >= 0) {
      this.items[index] = item;
    }
  }

  prepend(items: T[]): void {
    const incoming = new Set(items.map((item) => item.id));
    this.items = [...items, ...this.items.filter((item) => !incoming.has(item.id))];
  }
}
