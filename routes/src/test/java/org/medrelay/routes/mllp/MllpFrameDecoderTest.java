package org.medrelay.routes.mllp;

import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import org.junit.jupiter.api.Test;
import org.medrelay.processors.hl7.MllpFramingError;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MllpFrameDecoderTest {

    private final EmbeddedChannel channel = new EmbeddedChannel(new MllpFrameDecoder(1024));

    @Test
    void pipelinedFramesInOneWriteAreEachPassedOnInOrder() {
        ByteArrayOutputStream write = new ByteArrayOutputStream();
        for (int i = 1; i <= 5; i++) {
            write.writeBytes(MllpClient.frame(("MSH|^~\\&|A|B|||||ADT^A01|" + i + "|P|2.5\r").getBytes()));
        }
        channel.writeInbound(Unpooled.wrappedBuffer(write.toByteArray()));

        for (int i = 1; i <= 5; i++) {
            byte[] message = channel.readInbound();
            assertTrue(new String(message, StandardCharsets.US_ASCII).contains("|" + i + "|P|"));
        }
        assertNull(channel.readInbound());
    }

    @Test
    void frameSplitAcrossReadsIsReassembled() {
        byte[] framed = MllpClient.frame("MSH|^~\\&|A|B\r".getBytes());
        channel.writeInbound(Unpooled.wrappedBuffer(framed, 0, 5));
        assertNull(channel.readInbound());
        channel.writeInbound(Unpooled.wrappedBuffer(framed, 5, framed.length - 5));

        assertArrayEquals("MSH|^~\\&|A|B\r".getBytes(), channel.readInbound());
    }

    @Test
    void bytesBeforeTheStartBlockAreKeptAsAFramingError() {
        ByteArrayOutputStream write = new ByteArrayOutputStream();
        write.writeBytes("GARBAGE".getBytes());
        write.writeBytes(MllpClient.frame("MSH|^~\\&|A\r".getBytes()));
        channel.writeInbound(Unpooled.wrappedBuffer(write.toByteArray()));

        MllpFramingError error = assertInstanceOf(MllpFramingError.class, channel.readInbound());
        assertArrayEquals("GARBAGE".getBytes(), error.bytes());
        assertArrayEquals("MSH|^~\\&|A\r".getBytes(), channel.readInbound());
    }

    @Test
    void whitespaceBetweenFramesIsIgnored() {
        ByteArrayOutputStream write = new ByteArrayOutputStream();
        write.writeBytes(MllpClient.frame("MSH|1\r".getBytes()));
        write.writeBytes("\r\n".getBytes());
        write.writeBytes(MllpClient.frame("MSH|2\r".getBytes()));
        channel.writeInbound(Unpooled.wrappedBuffer(write.toByteArray()));

        assertArrayEquals("MSH|1\r".getBytes(), channel.readInbound());
        assertArrayEquals("MSH|2\r".getBytes(), channel.readInbound());
        assertNull(channel.readInbound());
    }

    @Test
    void oversizedFrameIsRefusedKeepingItsFirstBytes() {
        byte[] big = new byte[3000];
        java.util.Arrays.fill(big, (byte) 'X');
        channel.writeInbound(Unpooled.wrappedBuffer(MllpClient.frame(big)));
        channel.writeInbound(Unpooled.wrappedBuffer(MllpClient.frame("MSH|next\r".getBytes())));

        MllpFramingError error = assertInstanceOf(MllpFramingError.class, channel.readInbound());
        assertEquals(1024, error.bytes().length);
        assertTrue(error.reason().contains("exceeds 1024 bytes"));
        assertArrayEquals("MSH|next\r".getBytes(), channel.readInbound());
    }

    @Test
    void frameCutShortByANewStartBlockIsKept() {
        ByteArrayOutputStream write = new ByteArrayOutputStream();
        write.write(MllpFrameDecoder.START_BLOCK);
        write.writeBytes("MSH|half".getBytes());
        write.writeBytes(MllpClient.frame("MSH|whole\r".getBytes()));
        channel.writeInbound(Unpooled.wrappedBuffer(write.toByteArray()));

        MllpFramingError error = assertInstanceOf(MllpFramingError.class, channel.readInbound());
        assertArrayEquals("MSH|half".getBytes(), error.bytes());
        assertArrayEquals("MSH|whole\r".getBytes(), channel.readInbound());
    }

    @Test
    void connectionClosedInsideAFrameKeepsThePartialMessage() {
        channel.writeInbound(Unpooled.wrappedBuffer(new byte[] {MllpFrameDecoder.START_BLOCK, 'M', 'S', 'H'}));
        channel.finish();

        MllpFramingError error = assertInstanceOf(MllpFramingError.class, channel.readInbound());
        assertEquals("connection closed inside an MLLP frame", error.reason());
        assertArrayEquals("MSH".getBytes(), error.bytes());
    }
}
