<#-- No-show recovery: to a patient whose visit was cancelled. No reason, result or diagnosis. -->
Dear ${patient.given},

Your appointment<#if appointment.provider??> with ${appointment.provider}</#if> on ${appointment.date}<#if appointment.time??> at ${appointment.time}</#if> has been cancelled.
Please call the office or use the patient portal to book a new time that suits you.

Your care team
