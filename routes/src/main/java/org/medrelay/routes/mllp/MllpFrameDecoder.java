package org.medrelay.routes.mllp;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.ByteToMessageDecoder;
import org.medrelay.processors.hl7.MllpFramingError;

import java.io.ByteArrayOutputStream;
import java.util.List;

/**
 * Splits an MLLP byte stream into messages: {@code <VT> message <FS><CR>}. Every complete frame in a
 * read is passed on, in order, so messages pipelined on one connection are each stored and acknowledged
 * (camel-mllp before 4.22.1 drops them: CAMEL-24668).
 *
 * <p>Unlike camel-hl7's Netty decoder, bytes that do not form a frame are not thrown away: they are passed
 * on as an {@link MllpFramingError} (junk before a start block, a frame cut short by a new start block or by
 * the connection closing, a frame over the size limit) so the route can keep them for diagnosis.
 * Whitespace between frames (a common trailing CR or LF) is ignored.
 */
public class MllpFrameDecoder extends ByteToMessageDecoder {

    static final byte START_BLOCK = 0x0b;
    static final byte END_BLOCK = 0x1c;
    static final byte CARRIAGE_RETURN = 0x0d;

    private final int maxFrameBytes;
    private final ByteArrayOutputStream frame = new ByteArrayOutputStream();
    private boolean inFrame;
    private boolean discardingOversizedFrame;

    public MllpFrameDecoder(int maxFrameBytes) {
        this.maxFrameBytes = maxFrameBytes;
    }

    @Override
    protected void decode(ChannelHandlerContext ctx, ByteBuf in, List<Object> out) {
        while (in.isReadable()) {
            if (inFrame) {
                readFrameBody(in, out);
            } else {
                skipToStartBlock(in, out);
            }
        }
    }

    private void skipToStartBlock(ByteBuf in, List<Object> out) {
        int start = in.indexOf(in.readerIndex(), in.writerIndex(), START_BLOCK);
        int end = start < 0 ? in.writerIndex() : start;
        byte[] outside = ByteBufUtil.getBytes(in, in.readerIndex(), end - in.readerIndex());
        in.readerIndex(end);
        if (!isWhitespace(outside)) {
            out.add(new MllpFramingError("bytes outside an MLLP frame (no start block 0x0B)", outside));
        }
        if (start >= 0) {
            in.skipBytes(1);
            inFrame = true;
            frame.reset();
        }
    }

    private void readFrameBody(ByteBuf in, List<Object> out) {
        int from = in.readerIndex();
        int endBlock = in.indexOf(from, in.writerIndex(), END_BLOCK);
        int nextStart = in.indexOf(from, endBlock < 0 ? in.writerIndex() : endBlock, START_BLOCK);
        if (nextStart >= 0) {
            // A new frame began before this one ended: the sender gave up on it. Keep what we have.
            append(in, nextStart - from);
            emitIncomplete(out, "MLLP frame not terminated before the next start block");
            return;
        }
        if (endBlock < 0) {
            append(in, in.writerIndex() - from);
            return;
        }
        append(in, endBlock - from);
        in.skipBytes(1);
        // The CR after FS is optional in practice; a trailing CR is consumed when present.
        if (in.isReadable() && in.getByte(in.readerIndex()) == CARRIAGE_RETURN) {
            in.skipBytes(1);
        }
        if (discardingOversizedFrame) {
            emitIncomplete(out, null);
            return;
        }
        inFrame = false;
        out.add(frame.toByteArray());
        frame.reset();
    }

    private void append(ByteBuf in, int length) {
        if (discardingOversizedFrame) {
            in.skipBytes(length);
            return;
        }
        int room = maxFrameBytes - frame.size();
        if (length > room) {
            copy(in, room);
            in.skipBytes(length - room);
            discardingOversizedFrame = true;
            return;
        }
        copy(in, length);
    }

    private void copy(ByteBuf in, int length) {
        byte[] chunk = new byte[length];
        in.readBytes(chunk);
        frame.write(chunk, 0, length);
    }

    private void emitIncomplete(List<Object> out, String reason) {
        if (discardingOversizedFrame) {
            out.add(new MllpFramingError("MLLP frame exceeds " + maxFrameBytes + " bytes (first bytes kept)",
                    frame.toByteArray()));
        } else {
            out.add(new MllpFramingError(reason, frame.toByteArray()));
        }
        frame.reset();
        inFrame = false;
        discardingOversizedFrame = false;
    }

    @Override
    protected void decodeLast(ChannelHandlerContext ctx, ByteBuf in, List<Object> out) throws Exception {
        decode(ctx, in, out);
        if (inFrame) {
            emitIncomplete(out, "connection closed inside an MLLP frame");
        }
    }

    private static boolean isWhitespace(byte[] bytes) {
        for (byte b : bytes) {
            if (b != '\r' && b != '\n' && b != ' ' && b != '\t') {
                return false;
            }
        }
        return true;
    }
}
