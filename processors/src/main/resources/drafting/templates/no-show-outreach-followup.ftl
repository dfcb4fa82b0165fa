<#-- No-show recovery, FOLLOWUP visits: a follow-up matters more, so the message asks for a call back. No clinical detail. -->
Dear ${patient.given},

We missed you at your follow-up appointment<#if appointment.provider??> with ${appointment.provider}</#if> on ${appointment.date}<#if appointment.time??> at ${appointment.time}</#if>.
Your follow-up is important to us. Please call the office within the next few days so we can find a new time with you.

Your care team
