package org.medrelay.routes.mllp;

import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.util.AttributeKey;
import org.apache.camel.AsyncCallback;
import org.apache.camel.AsyncProcessor;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.apache.camel.component.netty.NettyConstants;
import org.apache.camel.support.AsyncProcessorSupport;
import org.apache.camel.support.SynchronizationAdapter;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayDeque;

/**
 * Keeps each MLLP connection's acknowledgements in the order its messages arrived. Messages are stored
 * asynchronously, so a message refused at once (AR) could otherwise overtake an earlier one still waiting
 * for the broker's confirmation (AA), and a sender that pipelines would match ACKs to the wrong messages.
 *
 * <p>The ingest route takes a turn first ({@link #takeTurn()}, run in frame order on the connection's
 * thread) and waits for it last ({@link #inTurn()}): an exchange finishes, and so writes its ACK, only once
 * every earlier exchange of the same connection has completed, that is has handed its ACK to the channel.
 * An exchange that completes without waiting (a framing error, an unexpected failure) gives its turn up as
 * it completes, so nothing stalls the connection.
 */
public final class MllpAckOrder {

    private static final Logger LOG = LoggerFactory.getLogger(MllpAckOrder.class);
    private static final AttributeKey<Turns> TURNS = AttributeKey.valueOf("medrelay.mllp.ackTurns");
    private static final String TURN_PROPERTY = "MedRelayAckTurn";

    private final Processor takeTurn = this::takeTurn;
    private final AsyncProcessor inTurn = new AsyncProcessorSupport() {
        @Override
        public boolean process(Exchange exchange, AsyncCallback callback) {
            Turn turn = exchange.getProperty(TURN_PROPERTY, Turn.class);
            if (turn == null) {
                callback.done(true);
                return true;
            }
            // Runs callback.done on this thread now, or later on the thread completing the exchange before.
            turn.whenDue(() -> callback.done(false));
            return false;
        }
    };

    /** First step of the ingest route. */
    public Processor takeTurn() {
        return takeTurn;
    }

    /** Last step of the ingest route and of its error handlers. */
    public AsyncProcessor inTurn() {
        return inTurn;
    }

    private void takeTurn(Exchange exchange) {
        ChannelHandlerContext context = exchange.getMessage()
                .getHeader(NettyConstants.NETTY_CHANNEL_HANDLER_CONTEXT, ChannelHandlerContext.class);
        if (context == null) {
            return;
        }
        Channel channel = context.channel();
        Turns turns = channel.attr(TURNS).setIfAbsent(new Turns());
        if (turns == null) {
            turns = channel.attr(TURNS).get();
        }
        Turn turn = turns.take();
        exchange.setProperty(TURN_PROPERTY, turn);
        // The consumer completes the unit of work after it has written the reply to the channel.
        exchange.getExchangeExtension().addOnCompletion(new SynchronizationAdapter() {
            @Override
            public void onDone(Exchange done) {
                turn.completed();
            }
        });
    }

    /** The turns of one connection, oldest first. */
    private static final class Turns {
        private final ArrayDeque<Turn> queue = new ArrayDeque<>();
        private boolean releasing;

        synchronized Turn take() {
            Turn turn = new Turn(this);
            queue.add(turn);
            return turn;
        }

        /**
         * Drops completed turns from the head and lets the oldest waiting one go on. A loop, not recursion:
         * a sender may pipeline thousands of frames that all wait behind the first. A thread arriving while
         * another releases leaves the work to that thread.
         */
        void release() {
            synchronized (this) {
                if (releasing) {
                    return;
                }
                releasing = true;
            }
            while (true) {
                Runnable due;
                synchronized (this) {
                    Turn head = queue.peek();
                    while (head != null && head.completed) {
                        queue.poll();
                        head = queue.peek();
                    }
                    if (head == null || head.onDue == null || head.started) {
                        releasing = false;
                        return;
                    }
                    head.started = true;
                    due = head.onDue;
                }
                try {
                    due.run();
                } catch (RuntimeException e) {
                    // One exchange failing to finish must not stall the connection's later ACKs.
                    LOG.warn("Finishing an MLLP exchange in turn failed: {}", e.toString());
                }
            }
        }
    }

    private static final class Turn {
        private final Turns turns;
        private Runnable onDue;
        private boolean started;
        private boolean completed;

        Turn(Turns turns) {
            this.turns = turns;
        }

        void whenDue(Runnable action) {
            synchronized (turns) {
                onDue = action;
            }
            turns.release();
        }

        void completed() {
            synchronized (turns) {
                completed = true;
            }
            turns.release();
        }
    }
}
