<#-- Refills: a needs-visit request. To the patient, by text or email: no drug, result or diagnosis. -->
Dear ${patient.given},

We received a request to refill one of your prescriptions. Before it can be renewed, your prescriber would like to
see you for a visit. Please call the office or use the patient portal to book an appointment.

Thank you,
Your care team
