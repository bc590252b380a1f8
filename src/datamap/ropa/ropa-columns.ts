/**
 * The columns of the controller record, Art. 30(1)(a)–(g) GDPR, in the order and wording of the UK ICO's
 * "Record of processing activities" controller template. Spreadsheets built on that template import ours.
 */
export const controllerRecordColumns = [
  'Business function',
  'Purpose of processing',
  'Name and contact details of joint controller (if applicable)',
  'Categories of individuals',
  'Categories of personal data',
  'Categories of recipients',
  'Link to contract with processor',
  'Names of third countries or international organisations that personal data are transferred to (if applicable)',
  'Safeguards for exceptional transfers of personal data to third countries or international organisations (if applicable)',
  'Retention schedule (if possible)',
  'General description of technical and organisational security measures (if possible)',
  'Article 6 lawful basis for processing personal data',
  'Article 9 basis for processing special category data',
  'Legitimate interests for the processing (if applicable)',
  'Link to record of consent',
  'Source of data',
  'Automated decision-making',
] as const;

/** The columns of the processor record, Art. 30(2)(a)–(d) GDPR, worded like the ICO's processor template. */
export const processorRecordColumns = [
  'Name and contact details of controller',
  'Categories of processing',
  'Names of third countries or international organisations that personal data are transferred to (if applicable)',
  'Safeguards for exceptional transfers of personal data to third countries or international organisations (if applicable)',
  'General description of technical and organisational security measures (if possible)',
] as const;
