<#-- Denied claim: a first-level appeal letter to the payer. -->
${request.date}

${coverage.payer}
Appeals Department

Re: Appeal of denied claim ${claim.number}
Patient: ${patient.name}
Date of birth: ${patient.birthDate}
Member ID: ${coverage.memberId}
Date of service: ${claim.serviceDate}

To whom it may concern:

We ask you to reconsider the denial of claim ${claim.number} for ${claim.service}, provided to
${patient.name} on ${claim.serviceDate}. The claim was denied with the reason: ${denial.reason}.
<#if conditions?has_content>

The service was medically necessary for the patient's documented condition<#if conditions?size gt 1>s</#if>:
<#list conditions as condition>
  - ${condition.display}<#if condition.code??> (${condition.code})</#if>
</#list>
</#if>
<#if request.instructions??>

${request.instructions}
</#if>

Please review the enclosed records and reprocess the claim for payment.

Sincerely,

Billing Office
