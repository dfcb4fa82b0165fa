<#-- Eligibility gap: a note to the front desk. Values: see "Drafting models and PHI" in the README.
     ${x} must be there (reported as missing otherwise); <#if x??> ... </#if> is for optional parts. -->
Coverage check for ${patient.name} (MRN ${patient.mrn}, born ${patient.birthDate}), ${request.date}

Payer: ${coverage.payer}
Member ID: ${coverage.memberId}
Coverage status: ${coverage.status}<#if coverage.end??>, ended ${coverage.end}</#if>

<#if service??>
Scheduled service: ${service.display}<#if service.date??> on ${service.date}</#if>.
</#if>
Before the visit: confirm current insurance with the patient<#if patient.phone??> at ${patient.phone}</#if>, update the
coverage on file, or discuss self-pay options.
<#if request.instructions??>

Note: ${request.instructions}
</#if>
