/** The tables of this capability, merged into the store's `Database` shape. */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type -- filled in as the capability grows
export interface MarketingTables {}
