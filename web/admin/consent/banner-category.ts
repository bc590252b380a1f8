/** A service a banner category switches on, and the cookies cleared when it is withdrawn. */
export interface CategoryService {
  readonly name: string;
  readonly provider: string;
  readonly cookies: readonly string[];
}

/** A banner category as `GET /api/admin/consent/categories` lists it. */
export interface BannerCategory {
  readonly key: string;
  readonly purposeKey: string;
  readonly required: boolean;
  readonly gpcOptOut: boolean;
  readonly services: readonly CategoryService[];
  readonly texts: Readonly<Record<string, { readonly title: string; readonly description: string }>>;
  readonly googleConsentMode: readonly string[];
  readonly position: number;
}

export interface BannerCategoryList {
  readonly categories: readonly BannerCategory[];
}

/** Google Consent Mode v2 signals a category may control (as the API accepts them). */
export const consentModeSignals = [
  'ad_storage',
  'ad_user_data',
  'ad_personalization',
  'analytics_storage',
  'functionality_storage',
  'personalization_storage',
  'security_storage',
] as const;

/**
 * Services as staff edit them, one per line: `Name | Provider | cookie, cookie_*`. Provider and cookies may be
 * left out (`Hotjar`, `Hotjar | Hotjar Ltd`).
 */
export function servicesToLines(services: readonly CategoryService[]): string {
  return services
    .map((service) => {
      const parts = [service.name, service.provider, service.cookies.join(', ')];
      while (parts.length > 1 && parts.at(-1) === '') parts.pop();
      return parts.join(' | ').replace(' |  | ', ' | | ');
    })
    .join('\n');
}

/** The services of the lines; blank lines are skipped, the server checks names and cookie patterns. */
export function servicesFromLines(text: string): CategoryService[] {
  return text
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '')
    .map((line) => {
      const [name = '', provider = '', cookies = ''] = line.split('|').map((part) => part.trim());
      return {
        name,
        provider,
        cookies: cookies
          .split(',')
          .map((cookie) => cookie.trim())
          .filter((cookie) => cookie !== ''),
      };
    });
}
