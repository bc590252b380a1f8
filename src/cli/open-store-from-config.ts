import type { Config } from '../config/load-config.ts';
import { migrate } from '../store/migrate.ts';
import { openStore } from '../store/open-store.ts';
import type { Store } from '../store/store.ts';

/** Opens the configured store and brings its schema up to date. */
export async function openMigratedStore(config: Config): Promise<Store> {
  const store = openStore(config.databaseUrl);
  try {
    await migrate(store);
    return store;
  } catch (error) {
    await store.close();
    throw error;
  }
}
