<#-- No-show recovery: to a patient who missed a visit. By text, email, call or letter: no reason, result or diagnosis. -->
Dear ${patient.given},

We missed you at your appointment<#if appointment.provider??> with ${appointment.provider}</#if> on ${appointment.date}<#if appointment.time??> at ${appointment.time}</#if>.
We hope all is well. Please call the office or use the patient portal to book a new time that suits you.

Your care team
