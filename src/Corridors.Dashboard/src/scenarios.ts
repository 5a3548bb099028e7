// Scenarios: the chosen one described beside the baseline, and a form for writers to create or edit one. The
// writer key is read from its password field at the moment of sending, sent only as the x-api-key header, and kept
// nowhere else (no URL, no storage, no cookie).
import { api, ApiError } from './api';
import { el } from './format';
import type { Scenario, Source } from './types';

export interface ScenarioElements {
  info: HTMLElement;
  form: HTMLFormElement;
  key: HTMLInputElement;
  id: HTMLInputElement;
  name: HTMLInputElement;
  definition: HTMLTextAreaElement;
  load: HTMLButtonElement;
  update: HTMLButtonElement;
  result: HTMLElement;
  error: HTMLElement;
}

const ID_PATTERN = /^[a-z0-9]+(-[a-z0-9]+)*$/;

export function showError(box: HTMLElement, error: unknown): void {
  box.hidden = false;
  if (error instanceof ApiError) {
    box.replaceChildren(
      el('p', { class: 'error-head' }, el('strong', {}, error.status === 0 ? 'Server unreachable' : `Error ${error.status}`), ': ', error.message),
      ...(error.violations.length > 0 ? [el('ul', {}, ...error.violations.map((v) => el('li', {}, el('code', {}, v.field), `: ${v.description}`)))] : []),
    );
    box.dataset['status'] = String(error.status);
  } else {
    box.replaceChildren(el('p', {}, error instanceof Error ? error.message : String(error)));
    box.dataset['status'] = 'client';
  }
}

export function clearError(box: HTMLElement): void {
  box.hidden = true;
  box.replaceChildren();
  delete box.dataset['status'];
}

export class ScenarioPanel {
  /** The version of the scenario loaded into the form; sent back as expectedVersion. */
  private loadedVersion: string | null = null;
  private loadedId: string | null = null;

  constructor(
    private readonly ui: ScenarioElements,
    private readonly chosen: () => string,
    private readonly sources: () => ReadonlyMap<string, Source>,
    private readonly onSaved: (scenario: Scenario) => void,
  ) {
    ui.form.addEventListener('submit', (event) => {
      event.preventDefault();
      void this.save('create');
    });
    ui.update.addEventListener('click', () => void this.save('update'));
    ui.load.addEventListener('click', () => void this.loadChosen());
    ui.id.addEventListener('input', () => this.syncUpdateButton());
  }

  /** Describes the chosen scenario (or the baseline) above the deltas. */
  async describe(id: string): Promise<Scenario | null> {
    if (id === '') {
      this.ui.info.replaceChildren(el('p', { class: 'hint' }, 'Baseline network: no scenario. Pick one in the form above to see it beside the baseline, with the deltas.'));
      return null;
    }
    try {
      const scenario = await api.getScenario(id);
      const sources = this.sources();
      this.ui.info.replaceChildren(
        el('h3', {}, scenario.name),
        el('p', { class: 'scenario-meta' }, `${scenario.id} · version ${scenario.version} · ${scenario.readOnly ? 'shipped, read-only' : 'stored'} · ${scenario.changeCount} change${scenario.changeCount === 1 ? '' : 's'}`),
        el('p', {}, scenario.description || 'No description.'),
        ...(scenario.sourceIds.length > 0
          ? [
              el(
                'p',
                { class: 'sources-inline' },
                'Sources: ',
                ...scenario.sourceIds.flatMap((sid, i) => {
                  const s = sources.get(sid);
                  const link = s?.url ? el('a', { href: s.url, target: '_blank', rel: 'noopener noreferrer external', title: s.title }, sid) : el('span', { title: s?.title ?? '' }, sid);
                  return i === 0 ? [link] : [', ', link];
                }),
              ),
            ]
          : []),
      );
      return scenario;
    } catch (error) {
      const box = el('div', { class: 'error', role: 'alert' });
      showError(box, error);
      this.ui.info.replaceChildren(box);
      return null;
    }
  }

  private async loadChosen(): Promise<void> {
    clearError(this.ui.error);
    const id = this.chosen();
    if (id === '') {
      this.ui.result.textContent = 'Choose a scenario in the comparison form first (the baseline has no definition).';
      return;
    }
    try {
      const scenario = await api.getScenario(id);
      this.ui.id.value = scenario.id;
      this.ui.name.value = scenario.name;
      this.ui.definition.value = scenario.definition;
      this.loadedId = scenario.id;
      this.loadedVersion = scenario.version;
      this.syncUpdateButton();
      this.ui.result.textContent = scenario.readOnly
        ? `Loaded ${scenario.id} (shipped, read-only): save it under a new id with Create.`
        : `Loaded ${scenario.id}, version ${scenario.version}.`;
      if (scenario.readOnly) {
        this.loadedId = null;
        this.loadedVersion = null;
        this.syncUpdateButton();
      }
    } catch (error) {
      showError(this.ui.error, error);
    }
  }

  private syncUpdateButton(): void {
    const canUpdate = this.loadedId !== null && this.loadedId === this.ui.id.value.trim();
    this.ui.update.disabled = !canUpdate;
    this.ui.update.textContent = canUpdate ? `Update (version ${this.loadedVersion})` : 'Update';
  }

  private async save(mode: 'create' | 'update'): Promise<void> {
    clearError(this.ui.error);
    this.ui.result.textContent = '';
    const id = this.ui.id.value.trim();
    const name = this.ui.name.value.trim();
    const definition = this.ui.definition.value;
    const problems: string[] = [];
    if (this.ui.key.value === '') problems.push('Type a writer key.');
    if (!ID_PATTERN.test(id)) problems.push('The id must be lowercase letters and digits joined by “-”.');
    try {
      JSON.parse(definition);
    } catch (error) {
      problems.push(`The definition is not valid JSON: ${error instanceof Error ? error.message : String(error)}`);
    }
    if (problems.length > 0) {
      showError(this.ui.error, new Error(problems.join(' ')));
      return;
    }
    try {
      const key = this.ui.key.value;
      const saved =
        mode === 'create'
          ? await api.createScenario(key, id, name, definition)
          : await api.updateScenario(key, id, this.loadedVersion ?? '0', name, definition);
      this.loadedId = saved.id;
      this.loadedVersion = saved.version;
      this.ui.definition.value = saved.definition;
      this.syncUpdateButton();
      this.ui.result.textContent = `${mode === 'create' ? 'Created' : 'Updated'} ${saved.id}, now version ${saved.version}.`;
      this.onSaved(saved);
    } catch (error) {
      showError(this.ui.error, error);
    }
  }
}
