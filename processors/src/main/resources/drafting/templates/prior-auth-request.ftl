<#-- Prior authorization: the request for a service, to the payer. -->
${request.date}

${coverage.payer}
Utilization Management

Re: Prior authorization request
Patient: ${patient.name}
Date of birth: ${patient.birthDate}
Member ID: ${coverage.memberId}<#if coverage.plan??>, plan ${coverage.plan}</#if>

Requested service: ${service.display}<#if service.code??> (${service.code})</#if>
Planned date: ${service.date}
Ordering provider: ${service.requester}
Reason for the request: ${service.reason}
<#if conditions?has_content>

Relevant diagnoses:
<#list conditions as condition>
  - ${condition.display}<#if condition.code??> (${condition.code})</#if>
</#list>
</#if>
<#if request.instructions??>

${request.instructions}
</#if>

Please let us know your decision, or what further documentation you need.
