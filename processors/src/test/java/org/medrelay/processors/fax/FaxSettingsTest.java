package org.medrelay.processors.fax;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class FaxSettingsTest {

    @Test
    void defaultsAreTheDocumentedOnes() {
        FaxSettings settings = FaxSettings.defaults();
        assertEquals("tesseract", settings.ocrCommand());
        assertEquals("eng", settings.ocrLanguage());
        assertEquals(Duration.ofSeconds(60), settings.ocrTimeout());
        assertEquals(300, settings.renderDpi());
        assertEquals(0.50, settings.minOcrConfidence());
        assertEquals(50, settings.maxPages());
        assertEquals(0.80, settings.triageBelow());
    }

    @Test
    void propertiesOverrideTheDefaults() {
        FaxSettings settings = FaxSettings.fromProperties(Map.of(
                "medrelay.fax.triage-below", "0.9", "medrelay.fax.ocr.timeout-seconds", "15", "medrelay.fax.ocr.command", "/opt/ocr/tesseract")::get);
        assertEquals(0.9, settings.triageBelow());
        assertEquals(Duration.ofSeconds(15), settings.ocrTimeout());
        assertEquals("/opt/ocr/tesseract", settings.ocrCommand());
    }

    @Test
    void aThresholdOutsideZeroToOneIsRefusedNamingTheProperty() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> FaxSettings.fromProperties(Map.of("medrelay.fax.triage-below", "80")::get));
        assertEquals("medrelay.fax.triage-below must be a number from 0 to 1, was '80'", e.getMessage());
    }

    @Test
    void aTimeoutThatIsNotAPositiveWholeNumberIsRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> FaxSettings.fromProperties(Map.of("medrelay.fax.ocr.timeout-seconds", "soon")::get));
        assertEquals("medrelay.fax.ocr.timeout-seconds must be a positive whole number, was 'soon'", e.getMessage());
    }
}
