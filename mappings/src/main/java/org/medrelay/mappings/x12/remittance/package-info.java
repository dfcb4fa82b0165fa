/**
 * 835 Health Care Claim Payment/Advice (005010X221A1) in: typed records read claim by claim
 * ({@link org.medrelay.mappings.x12.remittance.RemittanceReader}), denial classification from data files
 * ({@link org.medrelay.mappings.x12.remittance.DenialCategorizer}) and the FHIR R4 ExplanationOfBenefit mapping
 * ({@link org.medrelay.mappings.x12.remittance.RemittanceToFhirMapper}).
 */
package org.medrelay.mappings.x12.remittance;
