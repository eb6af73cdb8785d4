/**
 * Starts imports from anywhere (the button, a drop, a paste, a dataset's new version) and loads
 * the importer on the first one: the first page needs none of its code, nor the store's write
 * path behind it (initial-JS budget).
 */
import { getContext, setContext } from 'svelte';
import type { Importer, ImportTarget } from './importer.svelte';
import type { Workspace } from '../workspace.svelte';
import type { I18n } from '../settings/i18n.svelte';

const CONTEXT = Symbol('import-starter');

export class ImportStarter {
  /** The importer, once an import has been started. */
  importer = $state.raw<Importer | undefined>();

  constructor(
    private readonly workspace: Workspace,
    private readonly i18n: I18n,
  ) {}

  /** An import dialog is open. */
  get open(): boolean {
    return this.importer?.open ?? false;
  }

  async openFile(file: File, target?: ImportTarget): Promise<void> {
    await (await this.load()).openFile(file, target);
  }

  async openText(text: string): Promise<void> {
    await (await this.load()).openText(text);
  }

  private async load(): Promise<Importer> {
    if (!this.importer) {
      const { Importer } = await import('./importer.svelte');
      this.importer ??= new Importer(this.workspace, this.i18n);
    }
    return this.importer;
  }
}

export function provideImportStarter(workspace: Workspace, i18n: I18n): ImportStarter {
  return setContext(CONTEXT, new ImportStarter(workspace, i18n));
}

export function useImportStarter(): ImportStarter {
  return getContext<ImportStarter>(CONTEXT);
}

/** The importer, for the import dialog's parts: they are drawn only once an import has started. */
export function useImporter(): Importer {
  const importer = useImportStarter().importer;
  if (!importer) throw new Error('The import dialog is drawn before an import has started.');
  return importer;
}
