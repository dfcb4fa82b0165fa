/**
 * The 837P (005010X222A1) and 837I (005010X223A2) claims the practice sends: {@link
 * org.medrelay.mappings.x12.claims.ClaimReader} streams them one {@link org.medrelay.mappings.x12.claims.ClaimOnFile}
 * per CLM, {@link org.medrelay.mappings.x12.claims.ClaimToFhirMapper} maps one to a FHIR Claim, and {@link
 * org.medrelay.mappings.x12.claims.CorrectedClaimBuilder} builds the replacement claim (CLM05-3 = 7, REF*F8) a
 * denial asks for.
 */
package org.medrelay.mappings.x12.claims;
