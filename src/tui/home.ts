import type { HomeOptions } from './index.js';
export async function runHome(_o: HomeOptions): Promise<number> {
  return 0;
}
