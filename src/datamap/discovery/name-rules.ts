// Column-name rules, first match wins. `any` rules name personal data wherever they appear (an email column is
// an email column); `person` rules only mean it in a table about people (`name` of a customer, not of a genre).
import type { TypeFamily } from './column-type-family.ts';
import {
  isCardNumber,
  isEmail,
  isIpAddress,
  isNationalId,
  isPhoneNumber,
  isPlausibleBirthDate,
  isPostalCodeLike,
  isRegionLike,
} from './value-patterns.ts';

/** Where a rule applies: in any table, or only in tables about people. */
export type RuleScope = 'any' | 'person';

/** One column-name rule: which words, in which tables and types, mean which category. */
export interface NameRule {
  readonly category: string;
  /** What the column holds, for the reason: "name suggests a first name". */
  readonly label: string;
  readonly scope: RuleScope;
  readonly confidence: number;
  readonly types: readonly TypeFamily[];
  /** True when the (singular, lower-case) words of a column name fit the rule. */
  readonly matches: (words: readonly string[]) => boolean;
  /** What the values of such a column look like; used to back the name or to doubt it. */
  readonly values?: (value: string, today: Date) => boolean;
  /** Drop the rule (not just lower it) when samples contradict it, e.g. `state` holding order states. */
  readonly strict: boolean;
  /** The rule is about an identifier itself (`device_id`), so an `_id` ending does not make it a reference. */
  readonly identifier: boolean;
}

// category | scope | confidence | types | words | label | options
// words: alternatives separated by spaces; `a/b+c` means (a or b) and c among the words; `=x` the whole name.
// types: text (also untyped), number, date, binary. options: values=<test>, strict, identifier.
const table = `
user.authorization.password | any | .85 | text binary | password passwd pwd passphrase | a password
user.authorization.credentials | person | .6 | text binary | token secret otp mfa api+key | a credential
user.contact.email | any | .85 | text | email mail emailaddress e+mail | an email address | values=email
user.contact.fax_number | any | .8 | text number | fax faxnumber | a fax number | values=phone
user.contact.phone_number | any | .8 | text number | phone telephone tel mobile cell cellphone msisdn phonenumber mobilephone | a phone number | values=phone
user.device.ip_address | any | .8 | text number | ip ipaddress ipv4 ipv6 ipaddr =inet | an IP address | values=ip
user.device.device_id | any | .7 | text | mac+address/addr device/advertising+id/identifier/token idfa gaid imei udid | a device identifier | identifier
user.device.cookie_id | any | .6 | text | cookie | a cookie identifier | identifier
user.name.first | any | .85 | text | first/given/fore+name firstname forename givenname | a first name
user.name.last | any | .85 | text | last/family/sur+name lastname surname familyname | a last name
user.name | any | .75 | text | full/real/legal/middle/maiden/customer/contact/person/cardholder/holder/recipient/buyer/employee/patient/member+name fullname middlename | a person's name
user.name | person | .6 | text | =name display/nick/user+name | a name in a table about people
user.demographic.date_of_birth | any | .85 | text date | dob birthday birthdate dateofbirth birth/born+date/day/dt/on | a date of birth | values=birth
user.government_id.national_identification_number | any | .85 | text number | ssn nino bsn personnummer taxpayer social+security national/tax+id/identifier/number/insurance =nin =tin =sin | a national id | values=nationalId identifier
user.government_id.passport_number | any | .85 | text | passport | a passport number
user.government_id.drivers_license_number | any | .85 | text | driver/driving+license/licence | a driving licence number
user.government_id.vehicle_registration | person | .6 | text | license/licence/number+plate vehicle+registration | a vehicle registration
user.financial.credit_card | any | .85 | text number | ccn pan cardnumber creditcard card/cc+number/no/num credit+card | a payment card number | values=card
user.financial.credit_card | any | .8 | text number | cvv cvc cvv2 cvc2 | a card security code
user.financial.bank_account | any | .8 | text number | iban bic swift bank/routing/sort+account/number/code | a bank account
user.financial | person | .6 | text number | salary income wage compensation | financial details
user.contact.address.postal_code | any | .8 | text number | zip zipcode postcode postalcode plz postal/post+code | a postal code | values=postal
user.contact.address.street | any | .75 | text number | address addr street address1 address2 streetaddress house+number/no =house | a street address
user.contact.address.city | person | .7 | text | city town locality municipality | a city
user.contact.address.state | person | .65 | text | state province region county prefecture | a state or region | values=region strict
user.contact.address.country | person | .7 | text | country nationality | a country
user.location.precise | person | .6 | text number | lat latitude lon lng longitude geolocation coordinate geo | a precise location
user.demographic.gender | person | .8 | text | gender sex | a gender
user.demographic.race_ethnicity | any | .8 | text | race ethnicity ethnic | race or ethnicity
user.demographic.religious_belief | any | .8 | text | religion religious faith | a religious belief
user.demographic.political_opinion | any | .8 | text | political politics | a political opinion
user.demographic.sexual_orientation | any | .8 | text | sexual+orientation | a sexual orientation
user.demographic.marital_status | any | .8 | text | marital | a marital status
user.demographic.language | person | .5 | text | language locale | a language
user.health_and_medical | person | .7 | text | diagnosis medical allergy medication health disability | health data
user.account.username | any | .75 | text | username screenname login user/screen+name | a user name
user.job_title | person | .6 | text | =title =position =occupation =profession job+title | a job title
user.workplace | person | .6 | text | company employer organization organisation workplace department | an employer or department
user.social | person | .6 | text | twitter linkedin facebook instagram github social | a social profile
user.contact.url | person | .5 | text | website homepage url blog | a personal web address
user.content.self_image | person | .6 | text binary | photo avatar picture selfie portrait | a picture of the person
user.content.private | person | .4 | text | note comment bio remark | free text about the person
`;

const valueTests: Readonly<Record<string, (value: string, today: Date) => boolean>> = {
  email: isEmail,
  phone: isPhoneNumber,
  ip: isIpAddress,
  birth: isPlausibleBirthDate,
  nationalId: isNationalId,
  card: isCardNumber,
  postal: isPostalCodeLike,
  region: isRegionLike,
};

const typeWords: Readonly<Record<string, readonly TypeFamily[]>> = {
  text: ['text', 'other'],
  number: ['integer', 'decimal'],
  date: ['date'],
  binary: ['binary'],
};

function wordMatcher(pattern: string): (words: readonly string[]) => boolean {
  const alternatives = pattern.split(' ').map((alternative) => {
    if (alternative.startsWith('='))
      return (w: readonly string[]) => w.length === 1 && w[0] === alternative.slice(1);
    const groups = alternative.split('+').map((group) => group.split('/'));
    return (w: readonly string[]) => groups.every((group) => group.some((word) => w.includes(word)));
  });
  return (words) => alternatives.some((matches) => matches(words));
}

function parseRule(line: string): NameRule {
  const [category = '', scope, confidence, types = '', words = '', label = '', options = ''] = line
    .split('|')
    .map((cell) => cell.trim());
  const flags = options.split(' ');
  const test = flags.find((f) => f.startsWith('values='))?.slice('values='.length);
  const values = test === undefined ? undefined : valueTests[test];
  if (scope !== 'any' && scope !== 'person') throw new Error(`name rule ${category}: bad scope ${scope}`);
  if (test !== undefined && values === undefined)
    throw new Error(`name rule ${category}: no value test ${test}`);
  return {
    category,
    label,
    scope,
    confidence: Number(confidence),
    types: types.split(' ').flatMap((t) => typeWords[t] ?? []),
    matches: wordMatcher(words),
    ...(values === undefined ? {} : { values }),
    strict: flags.includes('strict'),
    identifier: flags.includes('identifier'),
  };
}

/** Every name rule, in the order they are tried. */
export const nameRules: readonly NameRule[] = table
  .trim()
  .split('\n')
  .map((line) => parseRule(line));
