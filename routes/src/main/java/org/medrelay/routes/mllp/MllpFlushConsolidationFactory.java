package org.medrelay.routes.mllp;

import io.netty.channel.ChannelHandler;
import io.netty.handler.flush.FlushConsolidationHandler;
import org.apache.camel.component.netty.DefaultChannelHandlerFactory;

/**
 * Lets a connection's ACKs leave in few socket writes. Each ACK is written and flushed by the thread that
 * completes its exchange, usually the broker's confirmation of a batch of messages: without this every ACK
 * would be a write system call of its own. The flushes that queue up on the connection are merged into one,
 * made once the connection's queued writes are done, so no ACK waits for a later message.
 */
public class MllpFlushConsolidationFactory extends DefaultChannelHandlerFactory {

    /** At most this many ACKs are held back before a flush, however busy the connection. */
    private static final int MAX_FLUSHES_MERGED = 256;

    @Override
    public ChannelHandler newChannelHandler() {
        // consolidateWhenNoReadInProgress: ACKs are written from outside the connection's read loop.
        return new FlushConsolidationHandler(MAX_FLUSHES_MERGED, true);
    }
}
