/** One part of the Art. 15 information: which provision it answers, a heading, a summary and its entries. */
export interface SupplementarySection<T> {
  /** E.g. `Art. 15(1)(a) GDPR`. */
  readonly article: string;
  readonly title: string;
  /** One sentence for people; says so when there are no entries. */
  readonly summary: string;
  readonly entries: readonly T[];
}

/** Who answers for the processing: the controller and its data protection officer. */
export interface ControllerInformation {
  readonly name: string;
  readonly address: string;
  readonly email: string;
  readonly dataProtectionOfficer: string;
}

/** (a) A purpose and its legal basis, in the notice's words. */
export interface PurposeEntry {
  readonly purpose: string;
  readonly description: string;
  /** E.g. `Performance of a contract with you (Art. 6(1)(b) GDPR)`; null when not recorded. */
  readonly legalBasis: string | null;
  readonly specialCategoryCondition: string | null;
  readonly legitimateInterest: string | null;
  readonly dataCategories: readonly string[];
}

/** (b) A category of personal data found, with the collections it was found in. */
export interface CategoryEntry {
  readonly key: string;
  readonly name: string;
  /** `special category (Art. 9 GDPR)` or `criminal offence data (Art. 10 GDPR)` when sensitive. */
  readonly sensitivity: string | null;
  readonly foundIn: readonly string[];
}

/** (c) A recipient: who, in which role, where, and whether that is outside the EEA. */
export interface RecipientEntry {
  readonly name: string;
  readonly category: string;
  readonly role: string;
  readonly country: string;
  readonly thirdCountry: boolean;
  readonly purposes: readonly string[];
}

/** (d) How long a purpose keeps which data. */
export interface RetentionEntry {
  readonly purpose: string;
  readonly dataCategories: readonly string[];
  readonly retention: readonly string[];
}

/** (e) A right the person has, with the purposes it is limited to (empty: all). */
export interface RightEntry {
  readonly right: string;
  readonly article: string;
  readonly description: string;
  readonly appliesTo: readonly string[];
}

/** (f) Where to complain. */
export interface ComplaintEntry {
  readonly supervisoryAuthority: string;
  readonly description: string;
}

/** (g) Where a purpose's data comes from. */
export interface SourceEntry {
  readonly purpose: string;
  readonly source: string;
}

/** (h) A purpose with automated decision-making or profiling, and the logic involved. */
export interface AutomatedDecisionEntry {
  readonly purpose: string;
  readonly logic: string;
}

/** The information of Art. 15(1)(a)–(h) and 15(2) GDPR that goes with the copy of the data. */
export interface SupplementaryInformation {
  readonly generatedAt: string;
  readonly controller: ControllerInformation;
  readonly purposes: SupplementarySection<PurposeEntry>;
  readonly categories: SupplementarySection<CategoryEntry>;
  readonly recipients: SupplementarySection<RecipientEntry>;
  readonly retention: SupplementarySection<RetentionEntry>;
  readonly rights: SupplementarySection<RightEntry>;
  readonly complaint: SupplementarySection<ComplaintEntry>;
  readonly sources: SupplementarySection<SourceEntry>;
  readonly automatedDecisions: SupplementarySection<AutomatedDecisionEntry>;
  /** 15(2): one line per transfer to a third country, with the safeguard it relies on. */
  readonly transfers: SupplementarySection<string>;
}
