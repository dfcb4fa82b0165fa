<#-- No-show recovery: a freed slot offered to a patient on the waitlist. No reason, result or diagnosis. -->
Dear ${patient.given},

An earlier appointment has become available<#if appointment.provider??> with ${appointment.provider}</#if> on ${appointment.date}<#if appointment.time??> at ${appointment.time}</#if>.
If you would like it, please call the office as soon as you can to take it.

Your care team
