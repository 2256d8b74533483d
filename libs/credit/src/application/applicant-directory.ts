/**
 * What applicant credit reads of the directory (the live directory answers it): an institution's
 * 统一社会信用代码, and the institution a code belongs to — codes are unique there
 * (DIRECTORY.DUPLICATE_CREDIT_CODE), so an applicant's records join exactly one institution.
 */
export interface ApplicantDirectory {
  profileOf(institutionId: string): { readonly creditCode: string } | undefined;
  institutionWithCreditCode(creditCode: string): string | undefined;
}
