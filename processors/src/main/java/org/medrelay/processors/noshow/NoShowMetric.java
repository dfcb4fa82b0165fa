package org.medrelay.processors.noshow;

/**
 * No-show figures of one provider and visit type, from the SIU messages the engine saw.
 *
 * @param appointments  appointments seen (booked, no-show or cancelled)
 * @param noShowRate    noShows / appointments, 0 when none were seen
 * @param slotsFreed    no-shows and cancellations
 * @param slotsRefilled freed slots whose waitlist offer ended in a booking
 */
public record NoShowMetric(String providerId, String visitType, long appointments, long noShows, long cancellations,
                           double noShowRate, long slotsFreed, long slotsOffered, long slotsRefilled) {
}
