// A place type-ahead following the WAI-ARIA 1.2 combobox pattern (input with role=combobox, a listbox popup,
// aria-activedescendant): typing filters places by name, alias, id or UN/LOCODE, ignoring case and diacritics;
// ArrowDown/ArrowUp move, Enter or a click picks, Escape closes. Text that names no listed place is sent as typed,
// and the server resolves it.
import { el, fold } from './format';
import type { Place, PlaceKind } from './types';

const MAX_OPTIONS = 8;

const KIND_WORDS: Partial<Record<PlaceKind, string>> = {
  PLACE_KIND_CITY: 'city',
  PLACE_KIND_SEAPORT: 'seaport',
  PLACE_KIND_BORDER_CROSSING: 'border crossing',
  PLACE_KIND_FERRY_TERMINAL: 'ferry terminal',
};

interface Indexed {
  place: Place;
  names: { text: string; folded: string; compact: string; alias: boolean }[];
}

interface Match {
  place: Place;
  rank: number;
  alias: string | null;
}

export class PlaceCombobox {
  private indexed: Indexed[] = [];
  private matches: Match[] = [];
  private active = -1;
  private picked: Place | null = null;

  constructor(
    private readonly input: HTMLInputElement,
    private readonly listbox: HTMLUListElement,
    private readonly status: HTMLElement,
  ) {
    input.setAttribute('role', 'combobox');
    input.setAttribute('aria-autocomplete', 'list');
    input.setAttribute('aria-expanded', 'false');
    input.setAttribute('aria-controls', listbox.id);
    input.setAttribute('autocomplete', 'off');
    input.setAttribute('spellcheck', 'false');
    listbox.setAttribute('role', 'listbox');
    listbox.hidden = true;
    input.addEventListener('input', () => {
      this.picked = null;
      this.update();
    });
    input.addEventListener('keydown', (event) => this.onKey(event));
    input.addEventListener('blur', () => {
      // Let a click on an option land first.
      window.setTimeout(() => this.close(), 150);
    });
    listbox.addEventListener('mousedown', (event) => event.preventDefault());
    listbox.addEventListener('click', (event) => {
      const option = (event.target as HTMLElement).closest<HTMLElement>('[role=option]');
      if (option?.dataset['index'] !== undefined) {
        this.pick(Number(option.dataset['index']));
      }
    });
  }

  setPlaces(places: readonly Place[]): void {
    this.indexed = places
      .filter((p) => KIND_WORDS[p.kind] !== undefined)
      .map((place) => ({
        place,
        names: [
          { text: place.name, alias: false },
          { text: place.id, alias: false },
          ...(place.unlocode ? [{ text: place.unlocode, alias: false }] : []),
          ...place.aliases.map((a) => ({ text: a, alias: true })),
        ].map((n) => ({ ...n, folded: fold(n.text), compact: fold(n.text).replace(/ /g, '') })),
      }));
  }

  /** Sets the field from a URL value: a place id shows its name; anything else shows as typed. */
  setValue(value: string): void {
    const place = this.indexed.find((i) => i.place.id === value)?.place ?? null;
    this.picked = place;
    this.input.value = place?.name ?? value;
    this.close();
  }

  /** What to send: the picked place's id, or the text as typed. */
  value(): string {
    if (this.picked !== null && this.input.value === this.picked.name) {
      return this.picked.id;
    }
    return this.input.value.trim();
  }

  /** Shows server candidates for an ambiguous name, so the user can pick one. */
  offer(candidates: readonly Place[]): void {
    this.matches = candidates.map((place) => ({ place, rank: 0, alias: null }));
    this.render();
    this.input.focus();
  }

  private update(): void {
    const query = fold(this.input.value);
    if (query.length === 0) {
      this.close();
      return;
    }
    const compactQuery = query.replace(/ /g, '');
    const found: Match[] = [];
    for (const entry of this.indexed) {
      let best: Match | null = null;
      for (const name of entry.names) {
        let rank: number;
        if (name.folded === query || name.compact === compactQuery) rank = 0;
        else if (name.folded.startsWith(query) || name.compact.startsWith(compactQuery)) rank = 1;
        else if (name.folded.includes(` ${query}`)) rank = 2;
        else if (name.compact.includes(compactQuery)) rank = 3;
        else continue;
        const candidate = { place: entry.place, rank: rank + (name.alias ? 0.5 : 0), alias: name.alias ? name.text : null };
        if (best === null || candidate.rank < best.rank) best = candidate;
      }
      if (best !== null) found.push(best);
    }
    found.sort((a, b) => a.rank - b.rank || a.place.name.localeCompare(b.place.name, 'en'));
    this.matches = found.slice(0, MAX_OPTIONS);
    this.render();
  }

  private render(): void {
    this.active = -1;
    this.input.removeAttribute('aria-activedescendant');
    this.listbox.replaceChildren(
      ...this.matches.map((m, index) =>
        el(
          'li',
          { id: `${this.listbox.id}-opt-${index}`, role: 'option', 'aria-selected': 'false', 'data-index': index, 'data-place-id': m.place.id },
          el('span', { class: 'option-name' }, m.place.name),
          el(
            'span',
            { class: 'option-meta' },
            [m.alias ? `“${m.alias}”` : null, m.place.country, m.place.unlocode || null, KIND_WORDS[m.place.kind] ?? null]
              .filter((x) => x !== null)
              .join(' · '),
          ),
        ),
      ),
    );
    const open = this.matches.length > 0;
    this.listbox.hidden = !open;
    this.input.setAttribute('aria-expanded', String(open));
    this.status.textContent = open ? `${this.matches.length} suggestion${this.matches.length === 1 ? '' : 's'}; arrow keys to choose` : this.input.value.trim() === '' ? '' : 'No matching place';
  }

  private onKey(event: KeyboardEvent): void {
    const open = !this.listbox.hidden;
    switch (event.key) {
      case 'ArrowDown':
        event.preventDefault();
        if (!open) this.update();
        this.move(1);
        break;
      case 'ArrowUp':
        event.preventDefault();
        if (open) this.move(-1);
        break;
      case 'Enter':
        if (open && this.active >= 0) {
          event.preventDefault();
          this.pick(this.active);
        } else if (open && this.matches.length === 1) {
          event.preventDefault();
          this.pick(0);
        }
        break;
      case 'Escape':
        if (open) {
          event.preventDefault();
          this.close();
        }
        break;
      default:
        break;
    }
  }

  private move(step: number): void {
    if (this.matches.length === 0) return;
    this.active = (this.active + step + this.matches.length) % this.matches.length;
    const options = this.listbox.querySelectorAll<HTMLElement>('[role=option]');
    options.forEach((option, index) => option.setAttribute('aria-selected', String(index === this.active)));
    const current = options[this.active];
    if (current !== undefined) {
      this.input.setAttribute('aria-activedescendant', current.id);
      current.scrollIntoView({ block: 'nearest' });
    }
  }

  private pick(index: number): void {
    const match = this.matches[index];
    if (match === undefined) return;
    this.picked = match.place;
    this.input.value = match.place.name;
    this.close();
    this.status.textContent = `${match.place.name} chosen`;
  }

  private close(): void {
    this.listbox.hidden = true;
    this.active = -1;
    this.input.setAttribute('aria-expanded', 'false');
    this.input.removeAttribute('aria-activedescendant');
  }
}
