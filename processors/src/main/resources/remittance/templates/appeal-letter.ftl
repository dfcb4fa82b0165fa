<#-- Appeal of a claim decision read from an 835 remittance. MedRelay fills in what the remittance says; every
     place marked [PROVIDER TO WRITE: ...] is for the provider, and MedRelay never writes clinical content there. -->
${today}

${payer.name}
Appeals Department
<#if payer.id?has_content>Payer id: ${payer.id}
</#if>

Re: <#if timelyFiling>Appeal of a timely-filing denial<#else>Request for reconsideration</#if> of claim ${claim.number}
Payer claim control number: ${claim.payerNumber}
Patient: ${patient.name}, member ID ${patient.memberId}
Dates of service: ${claim.from} to ${claim.to}
Billing provider: ${payee.name}<#if payee.npi?has_content>, NPI ${payee.npi}</#if>
Remittance: trace ${remittance.trace}, dated ${remittance.date}
Appeal deadline: ${deadline}

The claim was billed at ${claim.billed}; the payer paid ${claim.paid} and assigned ${claim.patientResponsibility} to the
patient. This appeal concerns ${claim.atStake}.

The remittance gives these adjustments and remarks:
<#list adjustments as a>
  - ${a.code}, ${a.amount}: ${a.description}
</#list>
<#list remarks as r>
  - ${r.code}: ${r.description}
</#list>
<#if lines?has_content>

Services:
<#list lines as l>
  - ${l.code} on ${l.date}: billed ${l.billed}, paid ${l.paid}
</#list>
</#if>

The claim was denied (${denial.code}): ${denial.reason}
<#if timelyFiling>

Proof of timely filing:
[PROVIDER TO WRITE: the date the claim was first submitted and the evidence that the payer received it within the
filing limit, e.g. the clearinghouse acceptance report (999/277CA) or the payer's acknowledgment, with any earlier
claim number. Attach the evidence.]
</#if>

Clinical justification:
[PROVIDER TO WRITE: why the service was necessary and should be covered, from the patient's record, with the
supporting documentation enclosed. MedRelay does not write this part.]

We ask you to reconsider this decision and reprocess claim ${claim.number} for payment.

Enclosures:
[PROVIDER TO WRITE: the documents enclosed, e.g. the visit notes and the proof named above.]

Sincerely,

[PROVIDER TO WRITE: name, title and signature]
${payee.name}
