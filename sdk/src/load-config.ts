import type { ConsentConfig } from './types.ts';

/** `GET {origin}/api/public/consent/config?lang=…`: a simple CORS GET, no credentials needed. */
export async function loadConfig(origin: string, lang: string, cache?: RequestCache): Promise<ConsentConfig> {
  const url = `${origin}/api/public/consent/config?lang=${encodeURIComponent(lang)}`;
  const response = await fetch(url, cache && { cache });
  if (!response.ok) throw new Error(`Privet consent config: HTTP ${response.status}`);
  return (await response.json()) as ConsentConfig;
}
