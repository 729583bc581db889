import { DomainError } from '#libs/shared';

/** Refusals to produce a document (HTTP 422 through the app's DomainError filter). */
export const DocumentErrors = {
  // Art. 33(5): the register records breaches the ICO was not told of; a reported one is on the ICO's file.
  reportedToIco: () =>
    new DomainError(
      'document_reported_to_ico',
      'The incident was reported to the ICO: its record is the ICO report, not a register entry.',
    ),
  // Art. 34(2) asks for the likely consequences, which are unknown until the risk is assessed.
  needsAssessment: () =>
    new DomainError(
      'document_needs_assessment',
      'Record a risk assessment before drafting the letter to data subjects.',
    ),
  needsLessons: () =>
    new DomainError('document_needs_lessons', 'Record the lessons learnt before producing their circular.'),
};
