package org.medrelay.mappings.hl7v2;

/**
 * What the normalizer checks in MSH before HAPI parses: the delimiters and the fields that route a message.
 * Message type, event and version are codes, never PHI, so they may appear in errors and logs.
 *
 * @param fieldSeparator MSH-1
 * @param encodingCharacters MSH-2 as used for parsing (component, repetition, escape, sub-component[, truncation])
 * @param messageType MSH-9.1, e.g. ADT
 * @param triggerEvent MSH-9.2, e.g. A01; empty when absent (ACK, some v2.1 senders)
 * @param messageStructure MSH-9.3, e.g. ADT_A01; empty when absent (v2.3 and earlier)
 * @param controlId MSH-10; empty when absent
 * @param version MSH-12.1, e.g. 2.5.1
 */
record MshHeader(char fieldSeparator, String encodingCharacters, String messageType,
                 String triggerEvent, String messageStructure, String controlId, String version) {
}
